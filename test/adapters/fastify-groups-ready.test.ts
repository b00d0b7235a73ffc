// A Fastify mount with a broker: the app is ready only once the broker is connected (as
// `createServer` on ws listens only then), so users need not await `mount.groups.ready`.
import Fastify from 'fastify'
import { expect, it } from 'vitest'
import { openws } from '../../src/runtime/adapters/fastify/index'
import type { Broker } from '../../src/runtime/groups/types'
import { chatServerBindings } from './fixtures/chat'

/** A broker whose start resolves when the test says so. */
function gatedBroker(): { broker: Broker; connect: () => void } {
  let connect = () => {}
  const started = new Promise<void>((resolve) => (connect = resolve))
  const broker: Broker = { start: () => started, subscribe() {}, unsubscribe() {}, publish() {}, close: async () => {} }
  return { broker, connect: () => connect() }
}

it('app.ready() waits for the groups broker to connect', async () => {
  const { broker, connect } = gatedBroker()
  const app = Fastify({ logger: false })
  await app.register(openws)
  app.openws({ bindings: chatServerBindings(), heartbeatMs: 0, groups: { broker } })
  let ready = false
  const readying = app.ready().then(() => (ready = true))
  // Let fastify run every other boot step: only the broker holds it back now.
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
  expect(ready).toBe(false)
  connect()
  await readying
  expect(ready).toBe(true)
  await app.close()
})
