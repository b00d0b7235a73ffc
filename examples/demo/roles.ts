// The server's implementation of its role in the chat contract (contract.ts): a server that hosts
// rooms for clients and answers the portal's stats requests. The page implements its own roles
// against the same contract (browser.ts) and never imports this file.
import * as WS from 'openws'
import { Client, Portal, Server } from './contract'

type ClientApi = WS.Api<typeof Client>
const room = (roomId: string) => `room:${roomId}`

// Rooms are openws groups: a broadcast is validated and encoded once and reaches the room's
// members on every instance when the server runs with a broker (`npm run start:cluster`).
/** `implements WS.Handlers<typeof Server>`: every handler exists and takes its message's payload type. */
export class ChatServer extends Server implements WS.Handlers<typeof Server> {
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
  return WS.bindings({ name: 'chat', description: 'A chat network', roles: [ChatServer, Client, Portal] })
}
