// Groups in one runtime, on both paths (interpreted and the emitted artifact): join/leave, typed
// broadcasts (except the sender, per role), direct sends by id, presence, leaving on close, and
// the outcomes of broadcasts that cannot be sent.
import { describe, expect, it, vi } from 'vitest'
import { harness } from '../../src/runtime/harness/index'
import { groupsOf, runtime } from '../../src/runtime/session/index'
import { roomsBindings } from './fixtures/rooms'
import { withEmittedArtifact } from '../../bench/support/emitted'

const paths = [
  ['interpreted', () => roomsBindings()],
  ['compiled', () => withEmittedArtifact(roomsBindings())],
] as const

for (const [path, make] of paths) {
  describe(`groups (${path})`, () => {
    it('broadcasts to the members of a group with the role, except the sender', async () => {
      const h = harness(make())
      const [a, b, c] = [h.connect('client'), h.connect('client'), h.connect('client')]
      const w = h.connect('watcher')
      await a.send('join', { roomId: 'r1' })
      await b.send('join', { roomId: 'r1' })
      await c.send('join', { roomId: 'r2' })
      await w.send('join', { roomId: 'r1' })
      const ids = [a, b, c].map((p) => p.take()[0].payload as { id: string }).map((p) => p.id)
      expect(new Set(ids).size).toBe(3)
      await a.send('say', { roomId: 'r1', text: 'hi' })
      const said = { fromRole: 'server', messageName: 'said', payload: { roomId: 'r1', from: ids[0], text: 'hi' } }
      expect(a.take()).toEqual([])
      expect(b.take()).toEqual([said])
      expect(c.take()).toEqual([])
      expect(w.take()).toEqual([said])
      await b.send('leave', { roomId: 'r1' })
      await a.send('say', { roomId: 'r1', text: 'still there?' })
      expect(b.take()).toEqual([])
      expect(w.take()).toHaveLength(1)
    })

    it('writes one frame text to every member (validated and encoded once)', async () => {
      const rt = runtime(make())
      const texts: string[] = []
      for (let i = 0; i < 3; i++) {
        const s = rt.newSession((_r, _m, _p, _i, frame) => void texts.push(frame))
        await s.open('client')
        rt.groups.join(s.peer as object, i === 0 ? 'one' : 'all')
        if (i === 0) rt.groups.join(s.peer as object, 'all')
      }
      const said = (group: string) =>
        rt.groups.to<{ said(p: unknown): Promise<void> }>(group, 'client').said({ roomId: 'x', from: 'y', text: 'z' })
      // The encoding work (JSON.stringify calls, whatever the encoder does per field) does not grow with the members.
      const stringify = vi.spyOn(JSON, 'stringify')
      await said('one')
      const forOne = stringify.mock.calls.length
      await said('all')
      const forThree = stringify.mock.calls.length - forOne
      stringify.mockRestore()
      expect(forThree).toBe(forOne)
      expect(texts).toHaveLength(4)
      expect(new Set(texts).size).toBe(1)
      expect(JSON.parse(texts[0])).toEqual({ fromRole: 'server', messageName: 'said', payload: { roomId: 'x', from: 'y', text: 'z' } })
    })

    it('sends to one connection by id; another role or a gone id gets nothing', async () => {
      const h = harness(make())
      const [a, b] = [h.connect('client'), h.connect('client')]
      await a.send('join', { roomId: 'r' })
      await b.send('join', { roomId: 'r' })
      const idB = (b.take()[0].payload as { id: string }).id
      a.take()
      await a.send('whisper', { to: idB, text: 'psst' })
      expect(b.take()).toEqual([{ fromRole: 'server', messageName: 'whispered', payload: { from: expect.any(String), text: 'psst' } }])
      await b.close()
      a.take() // b's goodbye from handleClose
      await a.send('whisper', { to: idB, text: 'gone' })
      await a.send('whisper', { to: 'nobody', text: 'x' })
      expect(a.take()).toEqual([])
    })

    it('presence: members and count; a closed connection leaves its groups', async () => {
      const h = harness(make())
      const [a, b] = [h.connect('client'), h.connect('client')]
      await a.send('join', { roomId: 'r' })
      await b.send('join', { roomId: 'r' })
      const [idA, idB] = [a, b].map((p) => (p.take()[0].payload as { id: string }).id)
      await a.send('who', { roomId: 'r' })
      expect(a.take()[0].payload).toEqual({ roomId: 'r', ids: [idA, idB].sort(), count: 2 })
      await b.close()
      expect(a.take()).toEqual([{ fromRole: 'server', messageName: 'said', payload: { roomId: 'r', from: idB, text: '(left)' } }])
      await a.send('who', { roomId: 'r' })
      expect(a.take()[0].payload).toEqual({ roomId: 'r', ids: [idA], count: 1 })
      expect(h.runtime.groups.groupsOf(a.session.peer as object)).toEqual(['room:r'])
      await a.close()
      expect(await h.runtime.groups.count('room:r')).toBe(0)
    })

    it('broadcasts that cannot be sent reject with stable codes, never throw', async () => {
      const h = harness(make())
      const a = h.connect('client')
      await a.send('join', { roomId: 'r' })
      a.take()
      await a.send('sayBadly', { roomId: 'r', text: 'x' })
      expect(a.take().map((f) => (f.payload as { code: string }).code)).toEqual([
        'OPENWS_ERR_OUTBOUND_UNKNOWN', // watchers accept no `joined`
        'OPENWS_ERR_UNKNOWN_ROLE',
        'OPENWS_ERR_OUTBOUND_INVALID',
        'OPENWS_ERR_OUTBOUND_INVALID',
      ])
    })

    it('groupsOf needs a peer; a handler and handleOpen peers resolve to the runtime groups', () => {
      const rt = runtime(make())
      expect(() => groupsOf({})).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
      expect(() => rt.groups.join({}, 'g')).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
      const peer = rt.createPeer('client', () => undefined)
      expect(() => rt.groups.join(peer, 'g')).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
    })

    it('instanceId: a given one is checked by runtime(); the default is drawn once (on first read) and prefixes connection ids', async () => {
      expect(() => runtime(make(), { groups: { instanceId: 'a.b' } })).toThrow(
        expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }),
      )
      expect(runtime(make(), { groups: { instanceId: 'node-1' } }).groups.instanceId).toBe('node-1')
      const h = harness(make())
      const id = h.runtime.groups.instanceId
      expect(id).toMatch(/^[^.\s*>]+$/)
      expect(h.runtime.groups.instanceId).toBe(id)
      const a = h.connect('client')
      await a.send('join', { roomId: 'r1' })
      expect((a.take()[0].payload as { id: string }).id.startsWith(`${id}.`)).toBe(true)
    })
  })
}
