// The server's implementation of its role in the chat contract (contract.ts): a server that hosts
// rooms for clients and answers the portal's stats requests. The page implements its own roles
// against the same contract (browser-roles.ts) and never imports this file.
import * as WS from 'openws'
import { Client, Portal, Server } from './contract'

type Room = { members: string[] }
type User = { userId: string; api: WS.Api<typeof Client> }

/** `implements WS.Handlers<typeof Server>`: every handler exists and takes its message's payload type. */
export class ChatServer extends Server implements WS.Handlers<typeof Server> {
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
  return WS.bindings({ name: 'chat', description: 'A chat network', roles: [ChatServer, Client, Portal] })
}
