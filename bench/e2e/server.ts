// Child process entry: starts one server under test on 127.0.0.1 and prints "PORT <n>".
// Each server runs in its own process so the load generator does not share its event loop.
import Fastify from 'fastify'
import { openws } from '../../src/runtime/adapters/fastify/index'
import { createServer } from '../../src/runtime/adapters/ws/index'
import { chatBindings } from './chat-roles'
import { startRawServer } from './raw-server'
import { KINDS, type Kind } from './server-kinds'

async function start(kind: Kind): Promise<number> {
  // Same limits everywhere: ws's default maxPayload is what the raw server also uses (1 MiB).
  const common = { bindings: chatBindings(kind !== 'openws-ws-interp'), path: '/chat', heartbeatMs: 0 }
  if (kind === 'raw-ws') return (await startRawServer()).port
  if (kind === 'openws-ws' || kind === 'openws-ws-interp') return (await createServer(common)).port
  const app = Fastify({ logger: false })
  await app.register(openws, { websocket: { options: { maxPayload: 1 << 20 } } })
  app.openws(common)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  return typeof address === 'object' && address ? address.port : 0
}

const kind = process.argv[2] as Kind
if (!KINDS.includes(kind)) {
  console.error(`unknown server kind ${kind}; one of ${KINDS.join(', ')}`)
  process.exit(1)
}
// The orchestrator asks for this process's CPU time around each run: throughput per server CPU
// second does not depend on what else the (shared) machine is doing.
process.on('message', (message) => {
  if (message === 'cpu') process.send!(process.cpuUsage())
  if (message === 'exit') process.exit(0)
})
start(kind).then(
  (port) => process.stdout.write(`PORT ${port}\n`),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
