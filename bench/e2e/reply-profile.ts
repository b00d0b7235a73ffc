// Where request/reply spends CPU on both sides: runs the openws reply server (reply-server.ts) under
// --cpu-prof and the client load of reply.ts in this process under the inspector's profiler, then
// prints the functions with the most self time of each (idle excluded; the warm-up is not profiled
// on the client, module loading is on the server: pass enough requests to dwarf it).
// Usage: npx tsx bench/e2e/reply-profile.ts [--clients 4] [--requests 50000] [--window 16] [--top 30]
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'
import { connect } from '../../src/runtime/adapters/client/index'
import * as WS from '../../src/runtime/entries/index'
import { Client, Server } from './reply-server'
import { withEmittedArtifact } from '../support/emitted'
import { startServerChild } from '../support/child-server'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? fallback : Number(process.argv[i + 1])
}
const clients = arg('clients', 4)
const perClient = arg('requests', 50000)
const window = arg('window', 16)
const top = arg('top', 30)
const dir = mkdtempSync(join(tmpdir(), 'reply-profile-'))

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
  samples: number[]
  timeDeltas: number[]
}

/** Self time per function (idle excluded), summed over the profiles, as rooms-profile.ts prints it. */
function printTop(label: string, profiles: Profile[]): void {
  const self = new Map<string, number>()
  let total = 0
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    profile.samples.forEach((id, i) => {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame
      if (functionName === '(idle)') return
      const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${lineNumber + 1}`
      const dt = profile.timeDeltas[i] ?? 0
      self.set(key, (self.get(key) ?? 0) + dt)
      total += dt
    })
  }
  console.log(label)
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`)
  }
}

const serverScript = fileURLToPath(new URL('./reply-server.ts', import.meta.url))
const { child, port } = await startServerChild(serverScript, ['openws'], 'openws', ['--cpu-prof', `--cpu-prof-dir=${dir}`])
const binder = withEmittedArtifact(WS.bindings({ name: 'calc', roles: [Client, Server], host: Client }))
const conns = await Promise.all(
  Array.from({ length: clients }, async () => {
    const client = connect<WS.Api<typeof Server>>({
      bindings: binder,
      url: `ws://127.0.0.1:${port}/calc/client`,
      WebSocket: WebSocket as never,
      reconnect: false,
    })
    await client.ready()
    return client
  }),
)
const run = (count: number) =>
  Promise.all(
    conns.map(async (client, c) => {
      let next = 0
      const lane = async () => {
        while (next < count) {
          const i = next++
          const { sum } = await client.api.add({ a: i, b: c })
          if (sum !== i + c) throw new Error('wrong sum')
        }
      }
      await Promise.all(Array.from({ length: window }, lane))
    }),
  )
await run(Math.ceil(perClient / 5)) // warm-up
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.start')
const t0 = performance.now()
const cpu0 = process.cpuUsage()
await run(perClient)
const cpu = process.cpuUsage(cpu0)
const { profile } = await session.post('Profiler.stop')
const total = clients * perClient
console.log(
  `openws: ${(total / ((performance.now() - t0) / 1000)).toFixed(0)} round trips/s, client ${((cpu.user + cpu.system) / total).toFixed(1)} us CPU per round trip (server profile in ${dir})`,
)
await Promise.all(conns.map((c) => c.close()))
await new Promise<void>((resolve) => {
  child.once('exit', () => resolve())
  child.send('exit')
})
printTop('client (this process)', [profile as Profile])
// The child's threads (tsx's loader runs in one) each write a profile: summed.
const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))
printTop(
  'server (child)',
  files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Profile),
)
process.exit(0)
