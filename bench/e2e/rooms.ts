// Room broadcast over loopback: openws groups vs socket.io rooms, in one run. Each server runs in
// its own child process; K clients join one room, each sends N messages (at most `window` in
// flight, acknowledged by the next client's receipt) and every message reaches the K-1 others.
// The clients are each server's own protocol (raw `ws` + JSON for openws, socket.io-client for
// socket.io), so the ratio that matters is deliveries per second of *server* CPU time.
// Usage: npx tsx bench/e2e/rooms.ts [--rounds 3] [--clients 16] [--messages 2000] [--window 16]
import { arg, cpuOf, load, median, startServer } from './rooms-load'

const ROOM_KINDS = ['openws-groups', 'socketio'] as const
type RoomKind = (typeof ROOM_KINDS)[number]

const rounds = arg('rounds', 3)
const clients = arg('clients', 16)
const perClient = arg('messages', 2000)
const window = arg('window', 16)

async function measure(kind: RoomKind): Promise<{ perSecond: number; perCpuSecond: number }> {
  const { child, port } = await startServer(kind)
  const protocol = kind === 'socketio' ? 'socketio' : 'openws'
  try {
    await load({ protocol, ports: [port], clients, messages: Math.ceil(perClient / 5), window }) // warm-up
    const before = await cpuOf(child)
    const { delivered, seconds } = await load({ protocol, ports: [port], clients, messages: perClient, window })
    return { perSecond: delivered / seconds, perCpuSecond: delivered / ((await cpuOf(child)) - before) }
  } finally {
    child.kill()
  }
}

const results = new Map<RoomKind, { perSecond: number; perCpuSecond: number }[]>(ROOM_KINDS.map((k) => [k, []]))
for (let round = 0; round < rounds; round++) {
  for (const kind of round % 2 === 0 ? ROOM_KINDS : [...ROOM_KINDS].reverse()) results.get(kind)!.push(await measure(kind))
}
const base = results.get('socketio')!
const [baseWall, baseCpu] = [median(base.map((r) => r.perSecond)), median(base.map((r) => r.perCpuSecond))]
console.log(
  `room broadcast over loopback: ${clients} clients in one room, ${perClient} messages each, window ${window}, median of ${rounds} rounds (node ${process.version})`,
)
console.log('kind             deliveries/s  vs socket.io   deliveries/server-cpu-s  vs socket.io')
for (const kind of ROOM_KINDS) {
  const runs = results.get(kind)!
  const [wall, cpu] = [median(runs.map((r) => r.perSecond)), median(runs.map((r) => r.perCpuSecond))]
  console.log(
    `${kind.padEnd(16)} ${wall.toFixed(0).padStart(12)} ${(wall / baseWall).toFixed(2).padStart(10)}x ${cpu.toFixed(0).padStart(24)} ${(cpu / baseCpu).toFixed(2).padStart(12)}x`,
  )
}
