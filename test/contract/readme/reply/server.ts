// README "Request/reply": the server; the return value is the reply.
import * as WS from 'openws'
import { Client, Server } from './calc.contract'

class CalcServer extends Server implements WS.Handlers<typeof Server> {
  createRoom({ name }: WS.Payload<typeof Server, 'createRoom'>) {
    return { roomId: `room-${name}` }
  }
  async deleteRoom({ roomId }: WS.Payload<typeof Server, 'deleteRoom'>, api: WS.Api<typeof Client>) {
    const { ok } = await api.confirm({ q: `delete ${roomId}?` }, { timeoutMs: 10_000 }) // server -> client
    return { deleted: ok }
  }
}
export const binder = WS.bindings({ name: 'calc', roles: [CalcServer, Client] })
