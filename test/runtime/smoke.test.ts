import { describe, expect, it } from 'vitest'
import { interpretArtifact } from '../../src/runtime/artifact/interpreted'
import type { BindingsCore } from '../../src/runtime/contract/types'
import { harness } from '../../src/runtime/harness/index'
import { chatNetwork } from '../adapters/fixtures/chat'

class Server {
  rooms: Record<string, string[]> = {}
  createRoom(p: { userId: string; roomId: string }, api: any) {
    this.rooms[p.roomId] = [p.userId]
    return api.joinedRoom({ roomId: p.roomId, joinerId: p.userId })
  }
  joinRoom() {}
  sendMessage() {}
  requestRoomStats() {}
}

describe('smoke', () => {
  it('runs', async () => {
    const binder: BindingsCore = {
      kind: 'openws.bindings',
      network: chatNetwork(),
      hostRole: 'server',
      routes: { createRoom: { client: 'createRoom' } },
      hostClass: Server,
      lifecycle: {},
      interpret: interpretArtifact,
    }
    const h = harness(binder)
    const a = h.connect('client')
    await a.send('createRoom', { userId: 'a', roomId: 'r' })
    expect(a.frames).toEqual([{ fromRole: 'server', messageName: 'joinedRoom', payload: { roomId: 'r', joinerId: 'a' } }])
    await a.send('requestRoomStats', { roomId: 'r' }, 7)
    await a.sendAs('portal', 'createRoom', { userId: 'a', roomId: 'r' })
    expect(h.frames.map((f) => [f.to, f.messageName, (f.payload as any).code])).toEqual([
      ['client#1', 'joinedRoom', undefined],
      ['client#1', '$error', 'OPENWS_ERR_SENDER_NOT_ALLOWED'],
      ['client#1', '$error', 'OPENWS_ERR_ROLE_MISMATCH'],
    ])
    expect(a.closed).toEqual({ code: 1008, reason: 'OPENWS_ERR_ROLE_MISMATCH' })
  })

  it('refuses bindings that carry neither a compiled artifact nor the interpreter', () => {
    const binder: BindingsCore = { kind: 'openws.bindings', network: chatNetwork(), hostRole: 'server', routes: {}, lifecycle: {} }
    expect(() => harness(binder)).toThrow(/neither a compiled artifact nor the interpreter/)
  })
})
