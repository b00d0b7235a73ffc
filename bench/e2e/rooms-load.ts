// The load side of the room benchmarks (rooms.ts in one process, cluster.ts across instances):
// K clients, client i on ports[i % ports.length], all in one room; each sends N messages (at most
// `window` in flight, acknowledged by the next client's receipt) and every message reaches the
// K-1 others. The clients speak each server's own protocol (raw `ws` + JSON for openws,
// socket.io-client for socket.io), so the ratio that matters is deliveries per server CPU second.
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { io as ioClient } from 'socket.io-client'
import WebSocket from 'ws'
import { startServerChild } from '../support/child-server'

export type Protocol = 'openws' | 'socketio'

export interface LoadOptions {
  protocol: Protocol
  ports: number[]
  clients: number
  messages: number
  window: number
}

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
    send: (userId, text) =>
      ws.send(JSON.stringify({ fromRole: 'client', messageName: 'sendMessage', payload: { userId, roomId: 'bench', text } })),
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

/**
 * Waits until a probe from the first client of every instance reached every other client. Across
 * instances a fresh member's subscription takes effect after its join returned (the at-most-once
 * window), so the measured run starts only once the room is complete everywhere. Probe texts start
 * with "p" and are not counted.
 */
async function untilRoomComplete(list: LoadClient[], senders: number, onProbe: { fn: (text: string, to: number) => void }): Promise<void> {
  const seen = list.map(() => new Set<number>())
  const complete = () => seen.every((s, i) => s.size >= (i < senders ? senders - 1 : senders))
  onProbe.fn = (text, to) => void seen[to].add(Number(text.split('|')[1]))
  for (let attempt = 0; !complete(); attempt++) {
    if (attempt === 200) throw new Error('the room never became complete on every instance')
    for (let s = 0; s < senders; s++) list[s].send(`u${s}`, `p|${s}|${attempt}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export async function load(options: LoadOptions): Promise<{ delivered: number; seconds: number }> {
  const { protocol, ports, clients, messages, window } = options
  const open = protocol === 'socketio' ? socketIoClient : openwsClient
  const list = await Promise.all(Array.from({ length: clients }, (_, i) => open(ports[i % ports.length])))
  const probe = { fn: (_text: string, _to: number) => {} }
  let onLoad = (_text: string, _to: number) => {}
  list.forEach((c, i) => c.onReceived((text) => (text.startsWith('p') ? probe.fn(text, i) : onLoad(text, i))))
  await untilRoomComplete(list, Math.min(ports.length, clients), probe)

  const total = clients * messages * (clients - 1)
  const sent = new Array<number>(clients).fill(0)
  const acked = new Array<number>(clients).fill(0)
  let delivered = 0
  const started = performance.now()
  const pump = (i: number) => {
    while (sent[i] < messages && sent[i] - acked[i] < window) list[i].send(`u${i}`, `${i}|${sent[i]++}|hello from the benchmark`)
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${protocol}: ${delivered}/${total} delivered`)), 120_000)
    onLoad = (text, i) => {
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
    }
    for (let i = 0; i < clients; i++) pump(i)
  })
  const seconds = (performance.now() - started) / 1000
  for (const c of list) c.close()
  return { delivered, seconds }
}

const serverScript = fileURLToPath(new URL('./rooms-server.ts', import.meta.url))

/** Starts `rooms-server.ts <kind> [brokerUrl]` in its own process; resolves with its port. */
export function startServer(
  kind: string,
  brokerUrl?: string,
  nodeArgs: readonly string[] = [],
): Promise<{ child: ChildProcess; port: number }> {
  return startServerChild(serverScript, [kind, ...(brokerUrl ? [brokerUrl] : [])], kind, nodeArgs)
}

/** Asks the child to exit cleanly (so `--cpu-prof` writes its profile); resolves once it did. */
export const stopServer = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.send('exit')
  })

/** The child's CPU time so far (user + system), in seconds. */
export const cpuOf = (child: ChildProcess) =>
  new Promise<number>((resolve) => {
    child.once('message', (u: NodeJS.CpuUsage) => resolve((u.user + u.system) / 1e6))
    child.send('cpu')
  })

export const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]

export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? fallback : Number(process.argv[i + 1])
}
