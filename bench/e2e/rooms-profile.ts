// Where a room server spends its CPU: runs one server kind under --cpu-prof, loads it like
// rooms.ts (or cluster.ts with --broker), and prints the functions with the most self time.
// Usage: npx tsx bench/e2e/rooms-profile.ts [openws-groups|socketio] [--broker redis://127.0.0.1:6379]
//        [--clients 16] [--messages 2000] [--window 16] [--top 30]
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { arg, load, startServer, stopServer } from './rooms-load'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const kind = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'openws-groups'
const brokerAt = process.argv.indexOf('--broker')
const broker = brokerAt === -1 ? undefined : process.argv[brokerAt + 1]
const clients = arg('clients', 16)
const messages = arg('messages', 2000)
const window = arg('window', 16)
const top = arg('top', 30)

const dir = mkdtempSync(join(tmpdir(), 'rooms-profile-'))
const servers = await Promise.all(
  Array.from({ length: broker ? 2 : 1 }, () => startServer(kind, broker, ['--cpu-prof', `--cpu-prof-dir=${dir}`])),
)
const protocol = kind === 'socketio' ? 'socketio' : 'openws'
const { delivered, seconds } = await load({ protocol, ports: servers.map((s) => s.port), clients, messages, window })
await Promise.all(servers.map((s) => stopServer(s.child)))
console.log(`${kind}${broker ? ` on ${broker}` : ''}: ${(delivered / seconds).toFixed(0)} deliveries/s (profiles in ${dir})`)

// Self time per function (idle excluded), summed over the profiles (one per server process).
const self = new Map<string, number>()
let total = 0
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${lineNumber + 1}`
    const dt = profile.timeDeltas[i] ?? 0
    if (functionName === '(idle)') return
    self.set(key, (self.get(key) ?? 0) + dt)
    total += dt
  })
}
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`)
}
