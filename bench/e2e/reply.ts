// Request/reply round trips over loopback, in one run: openws requests (`await client.api.add()`)
// vs socket.io acknowledgements (`emitWithAck`) vs a tRPC mutation over its wsLink. Each server
// runs in its own child process; each side uses its own client library (that is what a user
// ships); C clients each make N requests with at most `window` in flight. Kinds alternate over
// rounds so drift hits them alike; medians are printed with the targets. Beside wall-clock round
// trips/s, round trips per CPU-second (client process + server child) and client CPU per round
// trip: on a loaded machine the wall clock measures the scheduler as much as the code.
// Usage: npx tsx bench/e2e/reply.ts [--rounds 3] [--clients 4] [--requests 5000] [--window 16]
import { fileURLToPath } from 'node:url'
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client'
import { io as ioClient } from 'socket.io-client'
import WebSocket from 'ws'
import { connect } from '../../src/runtime/adapters/client/index'
import * as WS from '../../src/runtime/entries/index'
import { Client, REPLY_KINDS, Server, type ReplyKind } from './reply-server'
import { withEmittedArtifact } from '../support/emitted'
import { startServerChild } from '../support/child-server'
import { cpuOf } from './rooms-load'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? fallback : Number(process.argv[i + 1])
}
const rounds = arg('rounds', 3)
const clients = arg('clients', 4)
const perClient = arg('requests', 5000)
const window = arg('window', 16)
const serverScript = fileURLToPath(new URL('./reply-server.ts', import.meta.url))

/** One client: add(a, b) resolves to the sum. */
interface Caller {
  add(a: number, b: number): Promise<number>
  close(): void | Promise<void>
}

async function openwsCaller(port: number): Promise<Caller> {
  // The client side of the same contract: Client hosts nothing, Server is the peer.
  const binder = withEmittedArtifact(WS.bindings({ name: 'calc', roles: [Client, Server], host: Client }))
  const client = connect<WS.Api<typeof Server>>({
    bindings: binder,
    url: `ws://127.0.0.1:${port}/calc/client`,
    WebSocket: WebSocket as never,
    reconnect: false,
  })
  await client.ready()
  return { add: async (a, b) => (await client.api.add({ a, b })).sum, close: () => client.close() }
}

async function socketIoCaller(port: number): Promise<Caller> {
  const socket = ioClient(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false })
  await new Promise((resolve, reject) => (socket.once('connect', () => resolve(undefined)), socket.once('connect_error', reject)))
  return { add: async (a, b) => ((await socket.emitWithAck('add', { a, b })) as { sum: number }).sum, close: () => void socket.close() }
}

async function trpcCaller(port: number): Promise<Caller> {
  const ws = createWSClient({ url: `ws://127.0.0.1:${port}`, WebSocket: WebSocket as never })
  const client = createTRPCClient<any>({ links: [wsLink({ client: ws })] }) as unknown as {
    add: { mutate(input: unknown): Promise<{ sum: number }> }
  }
  await client.add.mutate({ a: 0, b: 0 }) // connected
  return { add: async (a, b) => (await client.add.mutate({ a, b })).sum, close: () => ws.close() }
}

const CALLERS: Record<ReplyKind, (port: number) => Promise<Caller>> = { openws: openwsCaller, socketio: socketIoCaller, trpc: trpcCaller }

const startChild = (kind: ReplyKind) => startServerChild(serverScript, [kind], kind)

interface Result {
  perSecond: number
  p50Ms: number
  p99Ms: number
  /** Round trips per CPU-second of the client process and the server child together. */
  perCpuSecond: number
  /** Client process CPU per round trip, µs. */
  clientUs: number
}

/** `count` requests per caller, `window` in flight each; latency per request. */
async function load(callers: Caller[], count: number): Promise<Omit<Result, 'perCpuSecond' | 'clientUs'>> {
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    callers.map(async (caller, c) => {
      let next = 0
      const lane = async () => {
        while (next < count) {
          const i = next++
          const t0 = performance.now()
          const sum = await caller.add(i, c)
          latencies.push(performance.now() - t0)
          if (sum !== i + c) throw new Error(`wrong sum ${sum}`)
        }
      }
      await Promise.all(Array.from({ length: window }, lane))
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    perSecond: latencies.length / seconds,
    p50Ms: latencies[Math.floor(latencies.length * 0.5)],
    p99Ms: latencies[Math.floor(latencies.length * 0.99)],
  }
}

async function measure(kind: ReplyKind): Promise<Result> {
  const { child, port } = await startChild(kind)
  const callers = await Promise.all(Array.from({ length: clients }, () => CALLERS[kind](port)))
  try {
    await load(callers, Math.ceil(perClient / 5)) // warm-up: every side measured with optimised code
    const [server0, client0] = [await cpuOf(child), process.cpuUsage()]
    const result = await load(callers, perClient)
    const client = process.cpuUsage(client0)
    const clientSeconds = (client.user + client.system) / 1e6
    const server = (await cpuOf(child)) - server0
    const total = perClient * clients
    return { ...result, perCpuSecond: total / (clientSeconds + server), clientUs: (clientSeconds * 1e6) / total }
  } finally {
    await Promise.all(callers.map((c) => c.close()))
    child.kill()
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function main(): Promise<void> {
  const results = new Map<ReplyKind, Result[]>(REPLY_KINDS.map((k) => [k, []]))
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? REPLY_KINDS : [...REPLY_KINDS].reverse()
    for (const kind of order) results.get(kind)!.push(await measure(kind))
  }
  const med = (kind: ReplyKind, key: keyof Result) => median(results.get(kind)!.map((r) => r[key]))
  console.log(
    `request/reply round trips over loopback: ${clients} clients x ${perClient} requests, window ${window}, median of ${rounds} rounds (node ${process.version})`,
  )
  console.log('kind        round trips/s   p50 ms   p99 ms   vs socket.io   vs tRPC   per cpu-s   vs socket.io   vs tRPC   client us')
  for (const kind of REPLY_KINDS) {
    const rps = med(kind, 'perSecond')
    const cpu = med(kind, 'perCpuSecond')
    console.log(
      `${kind.padEnd(10)} ${rps.toFixed(0).padStart(14)} ${med(kind, 'p50Ms').toFixed(2).padStart(8)} ${med(kind, 'p99Ms').toFixed(2).padStart(8)} ` +
        `${(rps / med('socketio', 'perSecond')).toFixed(2).padStart(13)}x ${(rps / med('trpc', 'perSecond')).toFixed(2).padStart(8)}x ` +
        `${cpu.toFixed(0).padStart(11)} ${(cpu / med('socketio', 'perCpuSecond')).toFixed(2).padStart(13)}x ${(cpu / med('trpc', 'perCpuSecond')).toFixed(2).padStart(8)}x ` +
        `${med(kind, 'clientUs').toFixed(1).padStart(11)}`,
    )
  }
  const vsIo = med('openws', 'perSecond') / med('socketio', 'perSecond')
  const vsTrpc = med('openws', 'perSecond') / med('trpc', 'perSecond')
  console.log(`target openws >= 1.3x socket.io emitWithAck: ${vsIo.toFixed(2)}x ${vsIo >= 1.3 ? 'met' : 'NOT met'}`)
  console.log(`target openws >= 3x tRPC mutation (wsLink): ${vsTrpc.toFixed(2)}x ${vsTrpc >= 3 ? 'met' : 'NOT met'}`)
  const cpuVs = (kind: ReplyKind) => (med('openws', 'perCpuSecond') / med(kind, 'perCpuSecond')).toFixed(2)
  console.log(`per CPU-second (client + server): ${cpuVs('socketio')}x socket.io, ${cpuVs('trpc')}x tRPC`)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
