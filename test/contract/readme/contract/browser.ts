// The README's "One contract, both ends" example: the browser's implementation.
import * as WS from 'openws'
import { connect } from 'openws/client'
import { Client, Server } from './chat.contract'
class ChatClient extends Client implements WS.Handlers<typeof Client> {
  joinedRoom({ joinerId, roomId }: WS.Payload<typeof Client, 'joinedRoom'>) {
    console.log(joinerId, 'joined', roomId)
  }
}
const clientBinder = WS.bindings({ name: 'chat', roles: [ChatClient, Server] })
const client = connect<WS.Api<typeof Server>>({ bindings: clientBinder, url: 'ws://localhost:8080/chat/client' })
await client.api.createRoom({ userId: 'alice', roomId: 'r1' }) // typed from the contract
export { clientBinder }
