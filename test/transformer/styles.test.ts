// The README chat network in all three styles, interpreted and compiled: same network, same
// behaviour; the compiled bindings carry an artifact.
import { describe, expect, it } from 'vitest'
import type { BindingsCore } from '../../src/runtime/contract/types'
import { harness } from '../../src/runtime/harness/index'
import { loadFixture } from '../helpers/transformer-load'
import { loadTspatchFixture } from '../helpers/tspatch'

const STYLES = ['class-chat.ts', 'decorator-chat.ts', 'fluent-chat.ts']
type Way = 'interpreted' | 'compiled' | 'ts-patch'
const MODES: Way[] = ['interpreted', 'compiled', 'ts-patch']

async function binderOf(file: string, mode: Way): Promise<BindingsCore> {
  const mod =
    mode === 'ts-patch' ? await loadTspatchFixture<{ binder: BindingsCore }>(file) : await loadFixture<{ binder: BindingsCore }>(file, mode)
  return mod.binder
}

describe.each(STYLES)('%s', (file) => {
  it('compiles to the same network as the interpreter builds', async () => {
    const interpreted = await binderOf(file, 'interpreted')
    const compiled = await binderOf(file, 'compiled')
    expect(interpreted.compiled).toBeUndefined()
    expect(compiled.compiled).toBeDefined()
    expect((await binderOf(file, 'ts-patch')).compiled).toBeDefined()
    expect(JSON.parse(JSON.stringify(compiled.network))).toEqual(JSON.parse(JSON.stringify(interpreted.network)))
    expect(compiled.hostRole).toBe(interpreted.hostRole)
    expect(JSON.parse(JSON.stringify(compiled.routes))).toEqual(JSON.parse(JSON.stringify(interpreted.routes)))
  })

  it.each(MODES)('%s: dispatches, validates and enforces senders', async (mode) => {
    const h = harness(await binderOf(file, mode))
    const a = h.connect('client')
    await a.send('createRoom', { userId: 'a', roomId: 'r1' })
    expect(a.frames[0]).toMatchObject({ fromRole: 'server', messageName: 'joinedRoom', payload: { roomId: 'r1' } })
    await a.send('createRoom', { userId: 'a' })
    expect(a.frames[1]).toMatchObject({ messageName: '$error', payload: { code: 'OPENWS_ERR_INVALID_PAYLOAD' } })
    await a.send('requestRoomStats', { roomId: 'r1' })
    expect(a.frames[2]).toMatchObject({ messageName: '$error', payload: { code: 'OPENWS_ERR_SENDER_NOT_ALLOWED' } })
    await a.send('nope', {})
    expect(a.frames[3]).toMatchObject({ messageName: '$error', payload: { code: 'OPENWS_ERR_UNKNOWN_MESSAGE' } })
    const p = h.connect('portal')
    await p.send('requestRoomStats', { roomId: 'r1' })
    expect(p.frames[0]).toMatchObject({ messageName: 'receivedRoomStats', payload: { roomId: 'r1' } })
  })
})

describe('roles split across modules (renamed imports, re-exported decorated class, imported schema)', () => {
  it.each(MODES)('%s', async (mode) => {
    const binder = (
      mode === 'ts-patch'
        ? await loadTspatchFixture<{ binder: BindingsCore }>('split-server.ts')
        : await loadFixture<{ binder: BindingsCore }>('split-server.ts', mode)
    ).binder
    expect(binder.compiled === undefined).toBe(mode === 'interpreted')
    expect(Object.keys(binder.network.roles).sort()).toEqual(['client', 'portal', 'server'])
    const h = harness(binder)
    const c = h.connect('client')
    await c.send('createRoom', { userId: 'u', roomId: 'r' })
    const p = h.connect('portal')
    await p.send('joinRoom', { userId: 'u', roomId: 'r' })
    await p.send('createRoom', { userId: 'u', roomId: 'r' })
    expect(c.frames.map((f) => f.messageName)).toEqual(['joinedRoom'])
    expect(p.frames.map((f) => (f.messageName === '$error' ? (f.payload as { code: string }).code : f.messageName))).toEqual([
      'audit',
      'OPENWS_ERR_SENDER_NOT_ALLOWED',
    ])
  })
})
