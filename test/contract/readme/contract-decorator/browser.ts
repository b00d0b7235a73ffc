// The README's "One contract, both ends" decorator example: the browser's implementation.
import * as WS from 'openws/decorator'
import { connect } from 'openws/client'
import { Client, Server } from './chat.contract'
class ChatClient extends Client {
  override async joinedRoom({ joinerId, roomId }: { joinerId: string; roomId: string }) {
    console.log(joinerId, 'joined', roomId)
  }
}
export const clientBinder = WS.bindings({ name: 'chat', roles: [ChatClient, Server] })
export function start() {
  return connect<WS.Api<typeof Server>>({ bindings: clientBinder, url: 'ws://localhost:8080/chat/client' })
}
