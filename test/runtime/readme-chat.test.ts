// The README's chat scenario, in all three authoring styles, driven in-process; every frame the
// server sends is asserted (recipient, sender role, message, payload), not console output.
import { describe, expect, it } from 'vitest'
import * as DecoratorEntry from '../../src/runtime/entries/decorator'
import { harness, type Harness } from '../../src/runtime/harness/index'
import * as WS from '../../src/runtime/entries/index'
import { readmeClassChat } from './fixtures/readme-chat-class'
import { readmeFluentChat } from './fixtures/readme-chat-fluent'
import { loadDecorated, type DecoratorMode } from '../helpers/decorators'
import { withEmittedArtifact } from '../../bench/support/emitted'
import type { BindingsCore } from '../../src/runtime/contract/types'

const frame = (to: string, messageName: string, payload: unknown) => ({ to, fromRole: 'server', messageName, payload })
const err = (to: string, code: string, messageName: string) => frame(to, '$error', { code, message: expect.any(String), messageName })

/** The README's session script: two clients and a portal. */
async function scenario(h: Harness) {
  const alice = h.connect('client')
  const bob = h.connect('client')
  const portal = h.connect('portal')
  await alice.send('createRoom', { userId: 'userA', roomId: 'room1' })
  await bob.send('joinRoom', { userId: 'userB', roomId: 'room1' })
  await alice.send('sendMessage', { userId: 'userA', roomId: 'room1', text: 'Hello, world!' })
  await bob.send('sendMessage', { userId: 'userB', roomId: 'room1', text: 'Hello, world!' })
  await portal.send('requestRoomStats', { roomId: 'room1' })
  await portal.send('sendMessage', { userId: 'portal', roomId: 'room1', text: 'Maintenance at noon' })
  await portal.send('createRoom', { userId: 'portal', roomId: 'room2' })
  await alice.send('requestRoomStats', { roomId: 'room1' })
  return { alice, bob, portal }
}

describe('README chat scenario', () => {
  for (const emitted of [false, true])
    it(`class-first${emitted ? ' (emitted artifact)' : ''}`, async () => {
      const { binder } = readmeClassChat()
      const h = harness(emitted ? withEmittedArtifact(binder) : binder)
      await scenario(h)
      expect(h.frames).toEqual([
        frame('client#1', 'joinedRoom', { roomId: 'room1', joinerId: 'userA' }),
        frame('client#1', 'joinedRoom', { roomId: 'room1', joinerId: 'userB' }),
        frame('client#2', 'joinedRoom', { roomId: 'room1', joinerId: 'userB' }),
        frame('client#2', 'receivedMessage', { roomId: 'room1', senderId: 'userA', text: 'Hello, world!' }),
        frame('client#1', 'receivedMessage', { roomId: 'room1', senderId: 'userB', text: 'Hello, world!' }),
        frame('portal#1', 'receivedRoomStats', { roomId: 'room1', members: ['userA', 'userB'] }),
        frame('client#1', 'receivedMessage', { roomId: 'room1', senderId: 'portal', text: 'Maintenance at noon' }),
        frame('client#2', 'receivedMessage', { roomId: 'room1', senderId: 'portal', text: 'Maintenance at noon' }),
        err('portal#1', 'OPENWS_ERR_SENDER_NOT_ALLOWED', 'createRoom'),
        err('client#1', 'OPENWS_ERR_SENDER_NOT_ALLOWED', 'requestRoomStats'),
      ])
    })

  for (const mode of ['esbuild-tc39', 'tsc-legacy'] as DecoratorMode[]) {
    it(`decorators (${mode})`, async () => {
      const make = await loadDecorated<(ws: typeof DecoratorEntry) => BindingsCore>('runtime/fixtures/readme-chat-decorated.ts', mode)
      const h = harness(make(DecoratorEntry))
      await scenario(h)
      expect(h.frames).toEqual([
        frame('client#1', 'joinedRoom', { roomId: 'room1', joinerId: 'userA' }),
        frame('client#2', 'joinedRoom', { roomId: 'room1', joinerId: 'userB' }),
        frame('client#2', 'receivedMessage', { roomId: 'room1', senderId: 'userA', text: 'Hello, world!' }),
        frame('client#1', 'receivedMessage', { roomId: 'room1', senderId: 'userB', text: 'Hello, world!' }),
        frame('portal#1', 'receivedRoomStats', { roomId: 'room1' }),
        // the portal's own handler (sendMessagePortal) sends to every member
        frame('client#1', 'receivedMessage', { roomId: 'room1', senderId: 'portal', text: 'Maintenance at noon' }),
        frame('client#2', 'receivedMessage', { roomId: 'room1', senderId: 'portal', text: 'Maintenance at noon' }),
        err('portal#1', 'OPENWS_ERR_SENDER_NOT_ALLOWED', 'createRoom'),
        err('client#1', 'OPENWS_ERR_SENDER_NOT_ALLOWED', 'requestRoomStats'),
      ])
    })
  }

  for (const emitted of [false, true])
    it(`fluent${emitted ? ' (emitted artifact)' : ''}`, async () => {
      const clientStats: string[] = []
      const { binder } = readmeFluentChat(clientStats)
      const h = harness(emitted ? withEmittedArtifact(binder) : binder)
      await scenario(h)
      const sentAt = expect.any(Number)
      expect(h.frames).toEqual([
        frame('client#1', 'joinedRoom', { roomId: 'room1', userId: 'userA' }),
        frame('client#2', 'joinedRoom', { roomId: 'room1', userId: 'userB' }),
        frame('client#2', 'receivedMessage', { roomId: 'room1', senderId: 'userA', text: 'Hello, world!', sentAt }),
        frame('client#1', 'receivedMessage', { roomId: 'room1', senderId: 'userB', text: 'Hello, world!', sentAt }),
        frame('portal#1', 'receivedRoomStats', { roomId: 'room1' }),
        frame('client#1', 'receivedMessage', { roomId: 'room1', senderId: 'portal', text: 'Maintenance at noon', sentAt }),
        frame('client#2', 'receivedMessage', { roomId: 'room1', senderId: 'portal', text: 'Maintenance at noon', sentAt }),
        // no `from` in the fluent README: the portal may send createRoom, but nobody handles it for the portal
        err('portal#1', 'OPENWS_ERR_MISSING_HANDLER', 'createRoom'),
      ])
      // the client's requestRoomStats handler (no frame) ran once
      expect(clientStats).toEqual(['room1'])
    })

  it("the README's runtime and session snippet, as written", async () => {
    const { binder } = readmeClassChat()
    const runtime = WS.runtime(binder)
    const sent: [string, string, unknown][] = []
    const session1 = runtime.newSession(async (fromRole: string, messageName: string, payload: any) => {
      sent.push([fromRole, messageName, payload])
    })
    const session2 = runtime.newSession(async (fromRole: string, messageName: string, payload: any) => {
      sent.push([fromRole, messageName, payload])
    })
    await session1.open('client')
    await session2.open('client')

    await session1.handleMessage('client', 'createRoom', { userId: 'userA', roomId: 'room1' })
    await session2.handleMessage('client', 'joinRoom', { userId: 'userB', roomId: 'room1' })
    await session1.handleMessage('client', 'sendMessage', {
      userId: 'userA',
      roomId: 'room1',
      text: 'Hello, world!',
    })
    await session2.handleMessage('client', 'sendMessage', {
      userId: 'userB',
      roomId: 'room1',
      text: 'Hello, world!',
    })
    expect(sent).toEqual([
      ['server', 'joinedRoom', { roomId: 'room1', joinerId: 'userA' }],
      ['server', 'joinedRoom', { roomId: 'room1', joinerId: 'userB' }],
      ['server', 'joinedRoom', { roomId: 'room1', joinerId: 'userB' }],
      ['server', 'receivedMessage', { roomId: 'room1', senderId: 'userA', text: 'Hello, world!' }],
      ['server', 'receivedMessage', { roomId: 'room1', senderId: 'userB', text: 'Hello, world!' }],
    ])
    await session1.close()
    await session2.close()
  })
})
