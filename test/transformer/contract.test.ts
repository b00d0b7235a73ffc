// One contract, both ends (DESIGN principle 7): contract classes hold only static CONFIG; the
// server and the client each implement their own role in a subclass. Interpreted, compiled by
// transformSource and by the ts-patch transformer: same networks, same behaviour.
import { describe, expect, it } from 'vitest'
import type { BindingsCore } from '../../src/runtime/contract/types'
import { harness } from '../../src/runtime/harness/index'
import { runtime } from '../../src/runtime/session/index'
import { loadFixture } from '../helpers/transformer-load'
import { loadTspatchFixture } from '../helpers/tspatch'

type Way = 'interpreted' | 'compiled' | 'ts-patch'
const WAYS: Way[] = ['interpreted', 'compiled', 'ts-patch']

async function load<T>(file: string, way: Way): Promise<T> {
  return way === 'ts-patch' ? loadTspatchFixture<T>(file) : loadFixture<T>(file, way)
}

describe.each(WAYS)('shared contract, %s', (way) => {
  it('the server implements its role in a subclass of the contract class: it is the host', async () => {
    const { binder } = await load<{ binder: BindingsCore }>('contract-server.ts', way)
    expect(binder.compiled === undefined).toBe(way === 'interpreted')
    expect(binder.hostRole).toBe('server')
    expect(binder.network.roles.server['x-openws-host']).toBe(true)
    expect(binder.routes).toEqual({ createRoom: { client: 'createRoom' }, requestRoomStats: { portal: 'requestRoomStats' } })
    const h = harness(binder)
    const c = h.connect('client')
    await c.send('createRoom', { userId: 'alice', roomId: 'r1' })
    expect(c.take()).toEqual([{ fromRole: 'server', messageName: 'joinedRoom', payload: { joinerId: 'alice', roomId: 'r1' } }])
    const p = h.connect('portal')
    await p.send('requestRoomStats', { roomId: 'r1' })
    expect(p.take()).toEqual([{ fromRole: 'server', messageName: 'receivedRoomStats', payload: { roomId: 'r1', members: ['alice'] } }])
    await c.send('requestRoomStats', { roomId: 'r1' })
    expect(c.take()[0]).toMatchObject({ messageName: '$error', payload: { code: 'OPENWS_ERR_SENDER_NOT_ALLOWED' } })
  })

  it('the client implements its role against the same contract: its class is the host, the server a remote role', async () => {
    const { binder, ClientImpl } = await load<{ binder: BindingsCore; ClientImpl: new () => { seen: string[] } }>('contract-client.ts', way)
    expect(binder.hostRole).toBe('client')
    expect(binder.hostClass).toBe(ClientImpl)
    expect(binder.network.roles.server.messages.createRoom.from).toEqual(['client'])
    const host = new ClientImpl()
    const rt = runtime(binder, { host })
    const frames: string[] = []
    const peer = rt.createPeer('server', (_f, _n, _p, _i, frame) => {
      frames.push(frame)
    }) as Record<string, (p: unknown) => Promise<void>>
    await peer.createRoom({ userId: 'alice', roomId: 'r1' })
    expect(JSON.parse(frames[0])).toMatchObject({ fromRole: 'client', messageName: 'createRoom' })
    await expect(peer.createRoom({ userId: 1 })).rejects.toMatchObject({ code: 'OPENWS_ERR_OUTBOUND_INVALID' })
    const session = rt.newSession(() => {})
    await session.open('server')
    await session.handleMessage('server', 'joinedRoom', { joinerId: 'bob', roomId: 'r1' })
    expect(host.seen).toEqual(['bob@r1'])
  })

  it('server and client bindings describe the same network, each marking its own host', async () => {
    const server = (await load<{ binder: BindingsCore }>('contract-server.ts', way)).binder
    const client = (await load<{ binder: BindingsCore }>('contract-client.ts', way)).binder
    const unmark = (b: BindingsCore) => JSON.parse(JSON.stringify(b.network, (k, v) => (k === 'x-openws-host' ? undefined : v)))
    expect(unmark(client)).toEqual(unmark(server))
  })
})
