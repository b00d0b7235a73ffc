// The README's "One contract, both ends" fluent example: the browser's handlers.
import * as WS from 'openws/fluent'
import { connect } from 'openws/client'
import { chat } from './chat.contract'
export const clientBinder = WS.bindings(chat, { host: 'client' })
clientBinder.fromRoles.server.on('joinedRoom', ({ joinerId, roomId }) => console.log(joinerId, 'joined', roomId))
export function start() {
  return connect<WS.RoleApi<typeof chat, 'server'>>({ bindings: clientBinder, url: 'ws://localhost:8080/chat/client' })
}
