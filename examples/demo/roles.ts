// The README's chat network, class-first, as the server sees it: a server that hosts rooms,
// clients that chat in them, and a portal that asks for room stats. The page's side of the same
// contract is browser-roles.ts (same schemas).
import * as WS from 'openws'
import { Chat, Joined, Received, RoomRef, RoomStats, RoomUser } from './schemas'

export class Client {
  static CONFIG = {
    name: 'client',
    description: 'A chat client role',
    messages: {
      joinedRoom: { payload: Joined },
      receivedMessage: { payload: Received },
    },
  }
}

export class Portal {
  static CONFIG = {
    name: 'portal',
    description: 'A chat portal role',
    messages: {
      receivedRoomStats: { payload: RoomStats },
    },
  }
}

type ClientApi = WS.Api<typeof Client>
const room = (roomId: string) => `room:${roomId}`

// Rooms are openws groups: a broadcast is validated and encoded once and reaches the room's
// members on every instance when the server runs with a broker (`npm run start:cluster`).
export class Server {
  static CONFIG = {
    name: 'server',
    description: 'A chat server role',
    handlers: {
      createRoom: { payload: RoomUser, from: [Client] },
      joinRoom: { payload: RoomUser, from: [Client] },
      sendMessage: { payload: Chat, from: [Client, Portal] },
      requestRoomStats: { payload: RoomRef, from: [Portal] },
    },
  }

  /** Display names of this instance's connections, by connection id (others show as their id). */
  names = new Map<string, string>()
  ids = new WeakMap<object, string>()

  async createRoom({ userId, roomId }: { userId: string; roomId: string }, api: ClientApi) {
    this.enter(userId, roomId, api)
    await api.joinedRoom({ roomId, joinerId: userId })
  }

  // Unlike the README's sketch, joining a room that does not exist yet creates it.
  async joinRoom({ userId, roomId }: { userId: string; roomId: string }, api: ClientApi) {
    const groups = this.enter(userId, roomId, api)
    await groups.to<ClientApi>(room(roomId), 'client').joinedRoom({ roomId, joinerId: userId })
  }

  async sendMessage({ userId, roomId, text }: { userId: string; roomId: string; text: string }, api: object) {
    await WS.groupsOf(api).to<ClientApi>(room(roomId), 'client', { except: api }).receivedMessage({ roomId, senderId: userId, text })
  }

  async requestRoomStats({ roomId }: { roomId: string }, api: WS.Api<typeof Portal>) {
    const ids = await WS.groupsOf(api).members(room(roomId))
    await api.receivedRoomStats({ roomId, members: ids.map((id) => this.names.get(id) ?? id) })
  }

  // A closed connection leaves its rooms by itself; forget its name.
  handleClose(_role: string, peer: object) {
    const id = this.ids.get(peer)
    if (id !== undefined) this.names.delete(id)
  }

  private enter(userId: string, roomId: string, api: ClientApi) {
    const groups = WS.groupsOf(api)
    const id = groups.idOf(api)
    this.names.set(id, userId)
    this.ids.set(api, id)
    groups.join(api, room(roomId))
    return groups
  }
}

export function serverBindings() {
  return WS.bindings({ name: 'chat', description: 'A chat network', roles: [Server, Client, Portal] })
}
