// Cross-instance fan-out over loopback: two server processes linked by a broker, clients split
// between them (client i on instance i % 2), all in one room; every message reaches the K-1 others,
// half of them through the broker. In one run:
//   openws-redis     openws groups on openws/redis
//   socketio-redis   socket.io rooms on @socket.io/redis-adapter (the baseline; same `redis` client)
//   openws-nats      openws groups on openws/nats (reported beside them)
// redis-server and nats-server are started here on free loopback ports (a kind whose server binary
// is missing is skipped with a message). CPU is the sum over both instances; the brokers' own CPU
// is not counted. Usage: npx tsx bench/e2e/cluster.ts [--rounds 3] [--clients 16] [--messages 1000] [--window 16]
import { binaryOf, startBrokerServer, type BrokerKind, type BrokerServer } from '../support/broker-servers'
import { arg, cpuOf, load, median, startServer } from './rooms-load'

const KINDS = [
  { name: 'openws-redis', server: 'openws-groups', protocol: 'openws', broker: 'redis' },
  { name: 'socketio-redis', server: 'socketio', protocol: 'socketio', broker: 'redis' },
  { name: 'openws-nats', server: 'openws-groups', protocol: 'openws', broker: 'nats' },
] as const
type Kind = (typeof KINDS)[number]
const TARGET = 1.2

const rounds = arg('rounds', 3)
const clients = arg('clients', 16)
const perClient = arg('messages', 1000)
const window = arg('window', 16)

interface Measured {
  perSecond: number
  perCpuSecond: number
}

async function measure(kind: Kind, broker: BrokerServer): Promise<Measured> {
  const servers = await Promise.all([startServer(kind.server, broker.url), startServer(kind.server, broker.url)])
  const ports = servers.map((s) => s.port)
  const cpu = async () => (await Promise.all(servers.map((s) => cpuOf(s.child)))).reduce((a, b) => a + b, 0)
  try {
    await load({ protocol: kind.protocol, ports, clients, messages: Math.ceil(perClient / 5), window }) // warm-up
    const before = await cpu()
    const { delivered, seconds } = await load({ protocol: kind.protocol, ports, clients, messages: perClient, window })
    return { perSecond: delivered / seconds, perCpuSecond: delivered / ((await cpu()) - before) }
  } finally {
    for (const s of servers) s.child.kill()
  }
}

const brokers = new Map<BrokerKind, BrokerServer>()
for (const kind of ['redis', 'nats'] as const) {
  if (binaryOf(kind)) brokers.set(kind, await startBrokerServer(kind))
  else console.log(`${kind}-server not found: the ${kind} kinds are skipped`)
}
const kinds = KINDS.filter((k) => brokers.has(k.broker))
const results = new Map<string, Measured[]>(kinds.map((k) => [k.name, []]))
try {
  for (let round = 0; round < rounds; round++) {
    for (const kind of round % 2 === 0 ? kinds : [...kinds].reverse()) {
      const m = await measure(kind, brokers.get(kind.broker)!)
      // Each run, too: on a shared machine the spread says how far to trust the medians.
      console.log(
        `  round ${round + 1} ${kind.name}: ${m.perSecond.toFixed(0)} deliveries/s, ${m.perCpuSecond.toFixed(0)} per server CPU s`,
      )
      results.get(kind.name)!.push(m)
    }
  }
} finally {
  for (const broker of brokers.values()) await broker.stop()
}

const summary = new Map(
  [...results].map(([name, runs]) => [name, { wall: median(runs.map((r) => r.perSecond)), cpu: median(runs.map((r) => r.perCpuSecond)) }]),
)
console.log(
  `cross-instance fan-out over loopback: 2 instances, ${clients} clients split between them in one room, ` +
    `${perClient} messages each, window ${window}, median of ${rounds} rounds (node ${process.version})`,
)
const base = summary.get('socketio-redis')
console.log('kind             deliveries/s  vs socket.io   deliveries/server-cpu-s  vs socket.io')
for (const [name, { wall, cpu }] of summary) {
  const ratios = base ? [(wall / base.wall).toFixed(2), (cpu / base.cpu).toFixed(2)] : ['-', '-']
  console.log(
    `${name.padEnd(16)} ${wall.toFixed(0).padStart(12)} ${ratios[0].padStart(10)}x ${cpu.toFixed(0).padStart(24)} ${ratios[1].padStart(12)}x`,
  )
}
const ours = summary.get('openws-redis')
if (base && ours) {
  const verdict = (ratio: number) => `${ratio.toFixed(2)}x ${ratio >= TARGET ? 'met' : 'NOT met'}`
  console.log(
    `target ≥ ${TARGET}x socket.io + redis-adapter (openws-redis): per server CPU second ${verdict(ours.cpu / base.cpu)}; ` +
      `wall-clock deliveries/s ${verdict(ours.wall / base.wall)}`,
  )
}
