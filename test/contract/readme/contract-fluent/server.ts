// The README's "One contract, both ends" fluent example: the server's handlers.
import * as WS from 'openws/fluent'
import { chat } from './chat.contract'
export const binder = WS.bindings(chat, { host: 'server' })
binder.fromRoles.client.on('createRoom', ({ userId, roomId }, api) => api.joinedRoom({ roomId, joinerId: userId }))
