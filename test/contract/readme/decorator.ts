// The README's decorator chat example, as written there (`@polytric/openws/decorator` ->
// `openws/decorator`, `S` from `openws`). TC39 decorators (TypeScript 5 default).
import * as WS from 'openws/decorator'
import { S } from 'openws'

@WS.role({ description: 'A chat client role' })
export class Client {
  @WS.message({ payload: S.obj({ joinerId: S.str, roomId: S.str }) })
  async joinedRoom(_: { joinerId: string; roomId: string }) {
    // reserved for later
  }

  @WS.message({ payload: S.obj({ senderId: S.str, roomId: S.str, text: S.str }) })
  async receivedMessage(_: { senderId: string; roomId: string; text: string }) {
    // reserved for later
  }
}

@WS.role({ description: 'A chat portal role' })
export class Portal {
  @WS.message({ payload: S.obj({ roomId: S.str }) })
  async receivedRoomStats(_: { roomId: string }) {
    // reserved for later
  }
}

@WS.role({ description: 'A chat server role' })
export class Server {
  rooms: { [roomId: string]: { members: string[] } } = {}
  users: { [userId: string]: { userId: string; api: WS.Api<typeof Client> } } = {}

  @WS.handler({ payload: S.obj({ userId: S.str, roomId: S.str }), from: [Client] })
  async createRoom({ userId, roomId }: { userId: string; roomId: string }, api: WS.Api<typeof Client>) {
    this.rooms[roomId] = { members: [userId] }
    this.users[userId] = { userId, api }
    await api.joinedRoom({ roomId, joinerId: userId })
  }

  @WS.handler({ payload: S.obj({ userId: S.str, roomId: S.str }), from: Client })
  async joinRoom({ userId, roomId }: { userId: string; roomId: string }, api: WS.Api<typeof Client>) {
    this.rooms[roomId].members.push(userId)
    this.users[userId] = { userId, api }
    await api.joinedRoom({ roomId, joinerId: userId })
  }

  @WS.handler({
    name: 'sendMessage',
    payload: S.obj({ userId: S.str, roomId: S.str, text: S.str }),
    from: [Client],
  })
  async sendMessage({ userId, roomId, text }: { userId: string; roomId: string; text: string }, _api: WS.Api<typeof Client>) {
    for (const member of this.rooms[roomId].members) {
      if (userId && member === userId) {
        continue
      }
      await this.users[member].api.receivedMessage({
        roomId,
        senderId: userId,
        text,
      })
    }
  }

  @WS.handler({
    name: 'sendMessage',
    from: [Portal],
    // Payload shape must stay identical. It's a limitation that needs to be addressed in the future.
    payload: S.obj({ userId: S.str, roomId: S.str, text: S.str }),
  })
  async sendMessagePortal({ userId, roomId, text }: { userId: string; roomId: string; text: string }) {
    for (const member of this.rooms[roomId].members) {
      await this.users[member].api.receivedMessage({ roomId, senderId: userId, text })
    }
  }

  @WS.handler({ payload: S.obj({ roomId: S.str }), from: [Portal] })
  async requestRoomStats({ roomId }: { roomId: string }, api: WS.Api<typeof Portal>) {
    await api.receivedRoomStats({ roomId })
  }
}

export const binder = WS.bindings({ name: 'chat', description: 'A chat network', roles: [Server, Client, Portal] })
