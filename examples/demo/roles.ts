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

type Room = { members: string[] }
type User = { userId: string; api: WS.Api<typeof Client> }

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

  rooms: { [roomId: string]: Room } = Object.create(null)
  users: { [userId: string]: User } = Object.create(null)

  async createRoom({ userId, roomId }: { userId: string; roomId: string }, api: WS.Api<typeof Client>) {
    this.rooms[roomId] = { members: [userId] }
    this.users[userId] = { userId, api }
    await api.joinedRoom({ roomId, joinerId: userId })
  }

  // Unlike the README's sketch, joining a room that does not exist yet creates it.
  async joinRoom({ userId, roomId }: { userId: string; roomId: string }, api: WS.Api<typeof Client>) {
    const room = (this.rooms[roomId] ??= { members: [] })
    if (!room.members.includes(userId)) room.members.push(userId)
    this.users[userId] = { userId, api }
    for (const member of room.members) await this.users[member]?.api.joinedRoom({ roomId, joinerId: userId })
  }

  async sendMessage({ userId, roomId, text }: { userId: string; roomId: string; text: string }) {
    for (const member of this.rooms[roomId]?.members ?? []) {
      if (member !== userId) await this.users[member]?.api.receivedMessage({ roomId, senderId: userId, text })
    }
  }

  async requestRoomStats({ roomId }: { roomId: string }, api: WS.Api<typeof Portal>) {
    await api.receivedRoomStats({ roomId, members: this.rooms[roomId]?.members ?? [] })
  }

  // A closed connection leaves every room it was in.
  handleClose(_role: string, peer: object) {
    for (const [userId, user] of Object.entries(this.users)) {
      if (user.api !== peer) continue
      delete this.users[userId]
      for (const room of Object.values(this.rooms)) room.members = room.members.filter((m) => m !== userId)
    }
  }
}

export function serverBindings() {
  return WS.bindings({ name: 'chat', description: 'A chat network', roles: [Server, Client, Portal] })
}
