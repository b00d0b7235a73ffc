// One contract, both ends, in the decorator and fluent styles (contract.test.ts: class-first).
// Decorators: the contract's classes hold stubs, each side overrides its own role's stubs in a
// subclass. Fluent: the contract is the network builder; each side says `bindings(chat, { host })`.
// Interpreted, compiled by transformSource and by the ts-patch transformer: same behaviour.
import { describe, expect, it } from 'vitest'
import type { BindingsCore } from '../../src/runtime/contract/types'
import { harness } from '../../src/runtime/harness/index'
import { runtime } from '../../src/runtime/session/index'
import { loadFixture } from '../helpers/transformer-load'
import { loadTspatchFixture } from '../helpers/tspatch'

type Way = 'interpreted' | 'compiled' | 'ts-patch'
const WAYS: Way[] = ['interpreted', 'compiled', 'ts-patch']
const STYLES = ['decorator', 'fluent'] as const

async function load<T>(file: string, way: Way): Promise<T> {
  return way === 'ts-patch' ? loadTspatchFixture<T>(file) : loadFixture<T>(file, way)
}

interface ClientModule {
  binder: BindingsCore
  ClientImpl?: new () => { seen: string[] }
  seen?: string[]
}

describe.each(STYLES.flatMap((style) => WAYS.map((way) => [style, way] as const)))('shared %s contract, %s', (style, way) => {
  it('the server hosts its role against the contract', async () => {
    const { binder } = await load<{ binder: BindingsCore }>(`contract-${style}-server.ts`, way)
    expect(binder.compiled === undefined).toBe(way === 'interpreted')
    expect(binder.hostRole).toBe('server')
    expect(Object.keys(binder.network.roles).sort()).toEqual(['client', 'portal', 'server'])
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

  it('the client hosts its own role against the same contract; the server is a remote role', async () => {
    const mod = await load<ClientModule>(`contract-${style}-client.ts`, way)
    const { binder } = mod
    expect(binder.hostRole).toBe('client')
    expect(binder.network.roles.client['x-openws-host']).toBe(true)
    expect(binder.network.roles.server['x-openws-host']).toBeUndefined()
    expect(binder.network.roles.server.messages.createRoom.from).toEqual(['client'])
    const host = mod.ClientImpl ? new mod.ClientImpl() : undefined
    const seen = host ? host.seen : mod.seen!
    const rt = runtime(binder, host ? { host } : {})
    const frames: string[] = []
    const peer = rt.createPeer('server', (_f, _n, _p, _i, frame) => {
      frames.push(frame)
    }) as Record<string, (p: unknown) => Promise<void>>
    await peer.createRoom({ userId: 'alice', roomId: 'r1' })
    expect(JSON.parse(frames[0])).toMatchObject({ fromRole: 'client', messageName: 'createRoom' })
    await expect(peer.createRoom({ userId: 1 })).rejects.toMatchObject({ code: 'OPENWS_ERR_OUTBOUND_INVALID' })
    await expect(peer.joinedRoom({})).rejects.toMatchObject({ code: 'OPENWS_ERR_OUTBOUND_UNKNOWN' })
    const session = rt.newSession(() => {})
    await session.open('server')
    await session.handleMessage('server', 'joinedRoom', { joinerId: 'bob', roomId: 'r1' })
    expect(seen).toEqual(['bob@r1'])
  })

  it('server and client bindings describe the same network, each marking its own host', async () => {
    const server = (await load<{ binder: BindingsCore }>(`contract-${style}-server.ts`, way)).binder
    const client = (await load<{ binder: BindingsCore }>(`contract-${style}-client.ts`, way)).binder
    const unmark = (b: BindingsCore) => JSON.parse(JSON.stringify(b.network, (k, v) => (k === 'x-openws-host' ? undefined : v)))
    expect(unmark(client)).toEqual(unmark(server))
  })
})
