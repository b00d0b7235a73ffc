// Real broker servers on a free loopback port: redis-server and nats-server, started and stopped by
// the broker tests (also restarted on the same port, to test outages) and by bench/e2e/cluster.ts.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'

export type BrokerKind = 'redis' | 'nats'

const BINARIES: Record<BrokerKind, string[]> = {
  redis: ['/usr/bin/redis-server', '/usr/local/bin/redis-server'],
  nats: ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'],
}

export function binaryOf(kind: BrokerKind): string | undefined {
  return BINARIES[kind].find((path) => existsSync(path))
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

export interface BrokerServer {
  readonly kind: BrokerKind
  readonly port: number
  readonly url: string
  /** Kills the server (SIGKILL: an outage, not a shutdown) and waits for it to exit. */
  stop(): Promise<void>
  /** Starts it again on the same port. */
  start(): Promise<void>
}

export async function startBrokerServer(kind: BrokerKind): Promise<BrokerServer> {
  const binary = binaryOf(kind) as string
  const port = await freePort()
  let child: ChildProcess | undefined
  const args =
    kind === 'redis'
      ? ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
      : ['-a', '127.0.0.1', '-p', String(port)]
  const server: BrokerServer = {
    kind,
    port,
    url: `${kind === 'redis' ? 'redis' : 'nats'}://127.0.0.1:${port}`,
    async start() {
      child = spawn(binary, args, { stdio: 'ignore' })
      for (let i = 0; i < 500 && !(await accepts(port)); i++) await new Promise((r) => setTimeout(r, 20))
    },
    async stop() {
      const c = child
      child = undefined
      if (c === undefined || c.exitCode !== null) return
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve())
        c.kill('SIGKILL')
      })
    },
  }
  await server.start()
  return server
}
