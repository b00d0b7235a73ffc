// README "Request/reply": the shared contract.
import { S } from 'openws'
export class Client {
  static CONFIG = { name: 'client', messages: { confirm: { payload: S.obj({ q: S.str }), reply: S.obj({ ok: S.bool }) } } }
}
export class Server {
  static CONFIG = {
    name: 'server',
    handlers: {
      createRoom: { payload: S.obj({ name: S.str }), reply: S.obj({ roomId: S.str }), from: [Client] },
      deleteRoom: { payload: S.obj({ roomId: S.str }), reply: S.obj({ deleted: S.bool }), from: [Client] },
    },
  }
}
