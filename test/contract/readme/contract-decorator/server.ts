// The README's "One contract, both ends" decorator example: the server's implementation.
import * as WS from 'openws/decorator'
import { Client, Server } from './chat.contract'
class ChatServer extends Server {
  override async createRoom({ userId, roomId }: { userId: string; roomId: string }, api: WS.Api<typeof Client>) {
    await api.joinedRoom({ roomId, joinerId: userId })
  }
}
export const binder = WS.bindings({ name: 'chat', roles: [ChatServer, Client] })
