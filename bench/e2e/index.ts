// End-to-end benchmark over loopback: the chat broadcast on openws+fastify, openws+ws and raw `ws`
// with hand-written JSON, in one run (then rooms.ts and cluster.ts). Each server runs in its own
// child process; the same load generator drives all three; kinds alternate over rounds so drift
// hits them alike.
// Usage: npx tsx bench/e2e/index.ts [--rounds 3] [--clients 4] [--messages 5000] [--window 32]
import { spawnSync, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { runLoad, type LoadResult } from './load'
import { KINDS, type Kind } from './server-kinds'
import { startServerChild } from '../support/child-server'

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? fallback : Number(process.argv[i + 1])
}

const rounds = arg('rounds', 3)
const clients = arg('clients', 4)
const perClient = arg('messages', 5000)
const window = arg('window', 32)
const serverScript = fileURLToPath(new URL('./server.ts', import.meta.url))

const startChild = (kind: Kind) => startServerChild(serverScript, [kind], kind)

function cpuSeconds(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (usage: NodeJS.CpuUsage) => resolve((usage.user + usage.system) / 1e6))
    child.send('cpu')
  })
}

interface Measured extends LoadResult {
  /** Deliveries per second of server CPU time (user + system). */
  perCpuSecond: number
}

async function measure(kind: Kind): Promise<Measured> {
  const { child, port } = await startChild(kind)
  try {
    // A short warm-up run so every server is measured with optimised code.
    await runLoad({ url: `ws://127.0.0.1:${port}/chat/client`, clients, perClient: Math.ceil(perClient / 5), window, timeoutMs: 60_000 })
    const cpuBefore = await cpuSeconds(child)
    const result = await runLoad({ url: `ws://127.0.0.1:${port}/chat/client`, clients, perClient, window, timeoutMs: 60_000 })
    const cpu = (await cpuSeconds(child)) - cpuBefore
    return { ...result, perCpuSecond: result.delivered / cpu }
  } finally {
    child.kill()
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function main(): Promise<void> {
  const results = new Map<Kind, Measured[]>(KINDS.map((k) => [k, []]))
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? KINDS : [...KINDS].reverse()
    for (const kind of order) results.get(kind)!.push(await measure(kind))
  }
  const raw = median(results.get('raw-ws')!.map((r) => r.perSecond))
  const rawCpu = median(results.get('raw-ws')!.map((r) => r.perCpuSecond))
  console.log(
    `chat broadcast over loopback: ${clients} clients in one room, ${perClient} messages each, window ${window}, ` +
      `${clients * perClient * (clients - 1)} deliveries per run, median of ${rounds} rounds (node ${process.version})`,
  )
  console.log('msgs/s is wall-clock (sensitive to other load on the machine); msgs/cpu-s is deliveries per second of server CPU time.')
  console.log('kind             msgs/s     p50 ms   p99 ms   vs raw   msgs/cpu-s   vs raw')
  for (const kind of KINDS) {
    const runs = results.get(kind)!
    const perSecond = median(runs.map((r) => r.perSecond))
    const p50 = median(runs.map((r) => r.p50Ms))
    const p99 = median(runs.map((r) => r.p99Ms))
    const perCpu = median(runs.map((r) => r.perCpuSecond))
    console.log(
      `${kind.padEnd(15)} ${perSecond.toFixed(0).padStart(8)} ${p50.toFixed(2).padStart(9)} ${p99.toFixed(2).padStart(8)} ` +
        `${((perSecond / raw) * 100).toFixed(1).padStart(7)}% ${perCpu.toFixed(0).padStart(12)} ${((perCpu / rawCpu) * 100).toFixed(1).padStart(7)}%`,
    )
  }
}

main()
  .then(() => {
    // Then room broadcasts: openws groups vs socket.io rooms in one process (./rooms.ts), across two
    // instances on Redis and NATS (./cluster.ts), and request/reply round trips against socket.io
    // emitWithAck and a tRPC mutation (./reply.ts); each takes its own options.
    for (const script of ['./rooms.ts', './cluster.ts', './reply.ts']) {
      console.log('')
      const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], { stdio: 'inherit' })
      if (run.status !== 0) process.exit(1)
    }
  })
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
