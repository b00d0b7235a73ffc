// The README's chat roles for the benchmark (class-first, payloads exactly as in the README), with
// the same defensive lookups as the raw baseline so both do the same work.
import * as WS from '../../src/runtime/entries/index'
import { S } from '../../src/runtime/entries/index'
import { withEmittedArtifact } from '../support/emitted'

class Client {
  static CONFIG = {
    name: 'client',
    messages: {
      joinedRoom: { payload: S.obj({ joinerId: S.str, roomId: S.str }) },
      receivedMessage: { payload: S.obj({ senderId: S.str, roomId: S.str, text: S.str }) },
    },
  }
}

class Server {
  static CONFIG = {
    name: 'server',
    handlers: {
      createRoom: { payload: S.obj({ userId: S.str, roomId: S.str }), from: [Client] },
      joinRoom: { payload: S.obj({ userId: S.str, roomId: S.str }), from: [Client] },
      sendMessage: { payload: S.obj({ userId: S.str, roomId: S.str, text: S.str }), from: [Client] },
    },
  }

  rooms = new Map<string, Set<string>>()
  users = new Map<string, WS.Api<typeof Client>>()

  createRoom({ userId, roomId }: { userId: string; roomId: string }, api: WS.Api<typeof Client>) {
    this.rooms.set(roomId, new Set([userId]))
    this.users.set(userId, api)
    return api.joinedRoom({ roomId, joinerId: userId })
  }

  joinRoom({ userId, roomId }: { userId: string; roomId: string }, api: WS.Api<typeof Client>) {
    const room = this.rooms.get(roomId)
    if (!room) throw new Error('no room')
    room.add(userId)
    this.users.set(userId, api)
    for (const member of room) void this.users.get(member)!.joinedRoom({ roomId, joinerId: userId })
  }

  sendMessage({ userId, roomId, text }: { userId: string; roomId: string; text: string }) {
    const room = this.rooms.get(roomId)
    if (!room) return
    for (const member of room) {
      if (member !== userId) void this.users.get(member)!.receivedMessage({ roomId, senderId: userId, text })
    }
  }
}

/**
 * The bindings, optionally with the artifact the transformer would attach, evaluated here because
 * the benchmark has no build step (../support/emitted.ts).
 */
export function chatBindings(compiled: boolean) {
  const binder = WS.bindings({ name: 'chat', roles: [Server, Client] })
  return compiled ? withEmittedArtifact(binder) : binder
}
