// Room broadcast over loopback: openws groups vs socket.io rooms, in one run. Each server runs in
// its own child process; K clients join one room, each sends N messages (at most `window` in
// flight, acknowledged by the next client's receipt) and every message reaches the K-1 others.
// The clients are each server's own protocol (raw `ws` + JSON for openws, socket.io-client for
// socket.io), so the ratio that matters is deliveries per second of *server* CPU time.
// Usage: npx tsx bench/e2e/rooms.ts [--rounds 3] [--clients 16] [--messages 2000] [--window 16]
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { io as ioClient } from 'socket.io-client'
import WebSocket from 'ws'

const ROOM_KINDS = ['openws-groups', 'socketio'] as const
type RoomKind = (typeof ROOM_KINDS)[number]

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? fallback : Number(process.argv[i + 1])
}
const rounds = arg('rounds', 3)
const clients = arg('clients', 16)
const perClient = arg('messages', 2000)
const window = arg('window', 16)
const serverScript = fileURLToPath(new URL('./rooms-server.ts', import.meta.url))

/** One client: send(text) and an onReceived hook; the same shape for both protocols. */
interface LoadClient {
  send(userId: string, text: string): void
  onReceived(fn: (text: string) => void): void
  close(): void
}

async function openwsClient(port: number): Promise<LoadClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/chat/client`, { perMessageDeflate: false })
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)))
  ws.send(JSON.stringify({ fromRole: 'client', messageName: 'join', payload: { roomId: 'bench' } }))
  await new Promise((resolve) => ws.once('message', resolve))
  return {
    send: (userId, text) => ws.send(JSON.stringify({ fromRole: 'client', messageName: 'sendMessage', payload: { userId, roomId: 'bench', text } })),
    onReceived: (fn) => ws.on('message', (data: Buffer) => fn((JSON.parse(data.toString()) as { payload: { text: string } }).payload.text)),
    close: () => ws.terminate(),
  }
}

async function socketIoClient(port: number): Promise<LoadClient> {
  const socket = ioClient(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false })
  await new Promise((resolve, reject) => (socket.once('connect', () => resolve(undefined)), socket.once('connect_error', reject)))
  await new Promise<void>((resolve) => socket.emit('join', 'bench', () => resolve()))
  return {
    send: (userId, text) => void socket.emit('sendMessage', { userId, roomId: 'bench', text }),
    onReceived: (fn) => void socket.on('receivedMessage', (p: { text: string }) => fn(p.text)),
    close: () => void socket.disconnect(),
  }
}

async function load(kind: RoomKind, port: number, messages: number): Promise<{ delivered: number; seconds: number }> {
  const list = await Promise.all(Array.from({ length: clients }, () => (kind === 'socketio' ? socketIoClient(port) : openwsClient(port))))
  const total = clients * messages * (clients - 1)
  const sent = new Array<number>(clients).fill(0)
  const acked = new Array<number>(clients).fill(0)
  let delivered = 0
  const started = performance.now()
  const pump = (i: number) => {
    while (sent[i] < messages && sent[i] - acked[i] < window) list[i].send(`u${i}`, `${i}|${sent[i]++}|hello from the benchmark`)
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind}: ${delivered}/${total} delivered`)), 120_000)
    list.forEach((c, i) =>
      c.onReceived((text) => {
        delivered++
        const sender = Number(text.slice(0, text.indexOf('|')))
        if ((sender + 1) % clients === i) {
          acked[sender]++
          pump(sender)
        }
        if (delivered === total) {
          clearTimeout(timer)
          resolve()
        }
      }),
    )
    for (let i = 0; i < clients; i++) pump(i)
  })
  const seconds = (performance.now() - started) / 1000
  for (const c of list) c.close()
  return { delivered, seconds }
}

function startChild(kind: RoomKind): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', serverScript, kind], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
    child.stdout!.on('data', (chunk) => {
      const match = /PORT (\d+)/.exec(String(chunk))
      if (match) resolve({ child, port: Number(match[1]) })
    })
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)))
  })
}

const cpuOf = (child: ChildProcess) =>
  new Promise<number>((resolve) => {
    child.once('message', (u: NodeJS.CpuUsage) => resolve((u.user + u.system) / 1e6))
    child.send('cpu')
  })

async function measure(kind: RoomKind): Promise<{ perSecond: number; perCpuSecond: number }> {
  const { child, port } = await startChild(kind)
  try {
    await load(kind, port, Math.ceil(perClient / 5)) // warm-up
    const before = await cpuOf(child)
    const { delivered, seconds } = await load(kind, port, perClient)
    return { perSecond: delivered / seconds, perCpuSecond: delivered / ((await cpuOf(child)) - before) }
  } finally {
    child.kill()
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]

const results = new Map<RoomKind, { perSecond: number; perCpuSecond: number }[]>(ROOM_KINDS.map((k) => [k, []]))
for (let round = 0; round < rounds; round++) {
  for (const kind of round % 2 === 0 ? ROOM_KINDS : [...ROOM_KINDS].reverse()) results.get(kind)!.push(await measure(kind))
}
const base = results.get('socketio')!
const [baseWall, baseCpu] = [median(base.map((r) => r.perSecond)), median(base.map((r) => r.perCpuSecond))]
console.log(`room broadcast over loopback: ${clients} clients in one room, ${perClient} messages each, window ${window}, median of ${rounds} rounds (node ${process.version})`)
console.log('kind             deliveries/s  vs socket.io   deliveries/server-cpu-s  vs socket.io')
for (const kind of ROOM_KINDS) {
  const runs = results.get(kind)!
  const [wall, cpu] = [median(runs.map((r) => r.perSecond)), median(runs.map((r) => r.perCpuSecond))]
  console.log(`${kind.padEnd(16)} ${wall.toFixed(0).padStart(12)} ${(wall / baseWall).toFixed(2).padStart(10)}x ${cpu.toFixed(0).padStart(24)} ${(cpu / baseCpu).toFixed(2).padStart(12)}x`)
}
