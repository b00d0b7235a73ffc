// The README's "One contract, both ends" example: the server's implementation.
import * as WS from 'openws'
import { Client, Server } from './chat.contract'
class ChatServer extends Server implements WS.Handlers<typeof Server> {
  async createRoom({ userId, roomId }: WS.Payload<typeof Server, 'createRoom'>, api: WS.Api<typeof Client>) {
    await api.joinedRoom({ roomId, joinerId: userId })
  }
}
export const binder = WS.bindings({ name: 'chat', roles: [ChatServer, Client] })
