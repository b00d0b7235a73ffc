// One openws instance in its own process (for the crash test): `node --import tsx broker-instance.ts
// <redis|nats> <brokerUrl>` prints its URL on stdout and serves until killed.
import { createServer } from '../../src/runtime/adapters/ws/index'
import { roomsBindings } from '../runtime/fixtures/rooms'
import { makeBroker } from './make-broker'

const [kind, url] = process.argv.slice(2) as ['redis' | 'nats', string]
const server = await createServer({
  bindings: roomsBindings(),
  heartbeatMs: 0,
  groups: { broker: makeBroker(kind, url), heartbeatMs: 200, presenceTtlMs: 1000, onBrokerError: () => undefined },
})
process.stdout.write(`${server.url}\n`)
