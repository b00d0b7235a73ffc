// The load generator: K chat clients on plain `ws` with hand-written JSON (identical for every
// server under test, so differences come from the server). All clients join one room; each sends
// `perClient` messages keeping at most `window` of its own messages in flight (counted when the
// next client in the room receives them); every message reaches the K-1 other members.
import WebSocket from 'ws'

export interface LoadOptions {
  url: string
  clients: number
  perClient: number
  window: number
  /** Hard stop for one run, so a broken server cannot hang the benchmark. */
  timeoutMs: number
}

export interface LoadResult {
  delivered: number
  seconds: number
  perSecond: number
  p50Ms: number
  p99Ms: number
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false })
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

function frame(messageName: string, payload: unknown): string {
  return JSON.stringify({ fromRole: 'client', messageName, payload })
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { clients, perClient, window } = options
  const sockets = await Promise.all(Array.from({ length: clients }, () => open(options.url)))
  const roomId = 'bench-room'
  const joined = new Array<number>(clients).fill(0)

  // Join: client 0 creates the room, the others join one by one (each join is broadcast).
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('join timed out')), options.timeoutMs)
    sockets.forEach((ws, i) =>
      ws.on('message', (data) => {
        const msg = JSON.parse(data.toString())
        if (msg.messageName !== 'joinedRoom') return
        joined[i]++
        if (msg.payload.joinerId === `u${i}` && i + 1 < clients) {
          sockets[i + 1].send(frame('joinRoom', { userId: `u${i + 1}`, roomId }))
        }
        if (msg.payload.joinerId === `u${clients - 1}` && i === clients - 1) {
          clearTimeout(timer)
          resolve()
        }
      }),
    )
    sockets[0].send(frame('createRoom', { userId: 'u0', roomId }))
  })
  for (const ws of sockets) ws.removeAllListeners('message')

  const total = clients * perClient * (clients - 1)
  const latencies = new Float64Array(total)
  let delivered = 0
  const sent = new Array<number>(clients).fill(0)
  const ackedByNext = new Array<number>(clients).fill(0)
  const started = performance.now()

  function pump(i: number): void {
    while (sent[i] < perClient && sent[i] - ackedByNext[i] < window) {
      const text = `${i}|${performance.now()}|hello from the benchmark`
      sockets[i].send(frame('sendMessage', { userId: `u${i}`, roomId, text }))
      sent[i]++
    }
  }

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`load timed out after ${delivered}/${total} deliveries`)), options.timeoutMs)
    sockets.forEach((ws, i) =>
      ws.on('message', (data: Buffer) => {
        const now = performance.now()
        // Cheap field extraction instead of JSON.parse, so the load generator is not the bottleneck.
        // Every server under test emits the same envelope; the text is "<sender>|<sentAt>|...".
        const frame = data.toString('latin1')
        if (!frame.includes('"receivedMessage"')) return
        const at = frame.indexOf('"text":"') + 8
        const bar = frame.indexOf('|', at)
        const sender = Number(frame.slice(at, bar))
        latencies[delivered++] = now - Number(frame.slice(bar + 1, frame.indexOf('|', bar + 1)))
        if ((sender + 1) % clients === i) {
          ackedByNext[sender]++
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
  for (const ws of sockets) ws.terminate()
  const sorted = latencies.slice(0, delivered).sort()
  return { delivered, seconds, perSecond: delivered / seconds, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) }
}
