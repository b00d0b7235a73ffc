// Load over real sockets (issue 18): many connections, each pipelining many messages; every
// message is handled exactly once and answered in its connection's order, on both adapters.
// Size: OPENWS_LOAD_CONNECTIONS x OPENWS_LOAD_MESSAGES (default 50 x 100; the large size is
// 1000 x 1000). No timing is asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { HOST_MARK, type NetworkIR } from '../../src/runtime/ir/types'
import { ADAPTERS, openPeer, startServer, type TestServer } from '../helpers/servers'

const CONNECTIONS = Number(process.env.OPENWS_LOAD_CONNECTIONS ?? 50)
const MESSAGES = Number(process.env.OPENWS_LOAD_MESSAGES ?? 100)
const WINDOW = 32

const seqSchema = {
  type: 'object',
  properties: { c: { type: 'integer' }, n: { type: 'integer' } },
  required: ['c', 'n'],
  additionalProperties: false,
}

function loadNetwork(): NetworkIR {
  return {
    name: 'load',
    roles: {
      server: { [HOST_MARK]: true, messages: { work: { payload: seqSchema, from: ['client'] } } },
      client: { messages: { done: { payload: seqSchema } } },
    },
  }
}

describe.each(ADAPTERS)('%s adapter under load', (kind) => {
  let server: TestServer
  /** Every (connection, n) the handler saw, to prove exactly-once. */
  const handled = new Map<number, number[]>()
  beforeAll(async () => {
    const binder = bindings(loadNetwork())
    binder.fromRoles.client.on('work', async (p: { c: number; n: number }, api: any) => {
      const seen = handled.get(p.c) ?? []
      seen.push(p.n)
      handled.set(p.c, seen)
      // Yield now and then, so handlers of different connections interleave.
      if (p.n % 7 === 0) await new Promise<void>((resolve) => setImmediate(resolve))
      await api.done(p)
    })
    server = await startServer(kind, { bindings: binder, path: '/load' })
  })
  afterAll(() => server?.close())

  it(`handles ${CONNECTIONS} connections x ${MESSAGES} messages exactly once, in order`, async () => {
    const peers = await Promise.all(Array.from({ length: CONNECTIONS }, () => openPeer(`${server.base}/client`)))
    await Promise.all(
      peers.map(async (peer, c) => {
        // At most WINDOW frames in flight: under limits.maxQueuedMessages (64), as a client must stay.
        const expectReply = async (n: number) =>
          expect(await peer.next(30_000)).toEqual({ fromRole: 'server', messageName: 'done', payload: { c, n } })
        for (let n = 0; n < MESSAGES; n++) {
          peer.send('client', 'work', { c, n })
          if (n >= WINDOW) await expectReply(n - WINDOW)
        }
        for (let n = Math.max(0, MESSAGES - WINDOW); n < MESSAGES; n++) await expectReply(n)
      }),
    )
    const order = Array.from({ length: MESSAGES }, (_, n) => n)
    for (let c = 0; c < CONNECTIONS; c++) expect(handled.get(c), `connection ${c}`).toEqual(order)
    for (const peer of peers) peer.ws.close()
    await Promise.all(peers.map((peer) => peer.closed))
  }, 600_000)
})
