// The chat demo's network (examples/demo/roles.ts, rooms as groups) on two Fastify instances
// linked by a real broker: a join, a message and the room stats cross instances.
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { openws, type OpenWsMount } from '../../src/runtime/adapters/fastify/index'
import { serverBindings } from '../../examples/demo/roles'
import { testClient, type TestClient } from '../helpers/ws-client'
import { makeBroker } from '../helpers/make-broker'
import { binaryOf, startBrokerServer, type BrokerKind, type BrokerServer } from '../../bench/support/broker-servers'

const WAIT = { timeout: 15_000, interval: 50 }

for (const kind of ['redis', 'nats'] as BrokerKind[]) {
  const skip = binaryOf(kind) === undefined && !process.env.CI
  describe.skipIf(skip)(
    `chat demo on two Fastify instances over ${kind}${skip ? ` (skipped: ${kind}-server is not installed)` : ''}`,
    () => {
      let broker: BrokerServer | undefined
      const apps: FastifyInstance[] = []
      const clients: TestClient[] = []

      afterAll(async () => {
        await Promise.all(clients.map((c) => c.close()))
        await Promise.all(apps.map((app) => app.close()))
        await broker?.stop()
      })

      it('joins, chats and counts members across instances', async () => {
        broker = await startBrokerServer(kind)
        const start = async (): Promise<{ url: string; mount: OpenWsMount }> => {
          const app = Fastify()
          apps.push(app)
          await app.register(openws)
          const mount = app.openws({
            path: '/chat',
            bindings: serverBindings(),
            heartbeatMs: 0,
            groups: { broker: makeBroker(kind, broker!.url), heartbeatMs: 200 },
          })
          await app.listen({ port: 0, host: '127.0.0.1' })
          const address = app.server.address()
          return { url: `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/chat`, mount }
        }
        const [a, b] = [await start(), await start()]
        const connect = async (url: string, role = 'client') => {
          const c = await testClient(url, role)
          clients.push(c)
          return c
        }
        const alice = await connect(a.url)
        alice.send('createRoom', { userId: 'alice', roomId: 'lobby' })
        await alice.next('joinedRoom')
        await vi.waitFor(async () => expect(await b.mount.groups.count('room:lobby')).toBe(1), WAIT)

        const bob = await connect(b.url)
        bob.send('joinRoom', { userId: 'bob', roomId: 'lobby' })
        expect(await alice.next('joinedRoom')).toEqual({ roomId: 'lobby', joinerId: 'bob' })
        expect(await bob.next('joinedRoom')).toEqual({ roomId: 'lobby', joinerId: 'bob' })

        bob.send('sendMessage', { userId: 'bob', roomId: 'lobby', text: 'hi from b' })
        expect(await alice.next('receivedMessage')).toEqual({ roomId: 'lobby', senderId: 'bob', text: 'hi from b' })

        await vi.waitFor(async () => expect(await a.mount.groups.count('room:lobby')).toBe(2), WAIT)
        const portal = await connect(a.url, 'portal')
        portal.send('requestRoomStats', { roomId: 'lobby' })
        const stats = await portal.next('receivedRoomStats')
        // Names are known where the connection lives; a remote member shows as its connection id.
        expect(stats.members).toEqual(['alice', expect.stringMatching(/^[^.]+\.\d+$/)])
      })
    },
  )
}
