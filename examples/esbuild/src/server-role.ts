// The server's implementation of its role in the chat contract (contract.ts): it hosts the rooms;
// clients and the portal receive messages. Only the server imports this file.
import type { Api, Handlers } from 'openws'
import { Server, type Client, type Portal } from './contract'

type Peer = Api<typeof Client>

export class ChatServer extends Server implements Handlers<typeof Server> {
  rooms = new Map<string, Set<string>>()
  users = new Map<string, Peer>()

  async createRoom({ userId, roomId }: { userId: string; roomId: string }, api: Peer) {
    this.rooms.set(roomId, new Set([userId]))
    this.users.set(userId, api)
    await api.joinedRoom({ roomId, joinerId: userId })
  }

  async joinRoom({ userId, roomId }: { userId: string; roomId: string }, api: Peer) {
    const room = this.rooms.get(roomId) ?? new Set<string>()
    this.rooms.set(roomId, room.add(userId))
    this.users.set(userId, api)
    for (const member of room) await this.users.get(member)?.joinedRoom({ roomId, joinerId: userId })
  }

  async sendMessage({ userId, roomId, text }: { userId: string; roomId: string; text: string }) {
    for (const member of this.rooms.get(roomId) ?? []) {
      if (member !== userId) await this.users.get(member)?.receivedMessage({ roomId, senderId: userId, text })
    }
  }

  async requestRoomStats({ roomId }: { roomId: string }, api: Api<typeof Portal>) {
    await api.receivedRoomStats({ roomId, members: [...(this.rooms.get(roomId) ?? [])] })
  }

  /** A closed connection leaves every room it was in. */
  handleClose(_role: string, peer: object) {
    for (const [userId, api] of this.users) {
      if (api !== peer) continue
      this.users.delete(userId)
      for (const room of this.rooms.values()) room.delete(userId)
    }
  }
}
