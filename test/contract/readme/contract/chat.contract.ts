// The README's "One contract, both ends" example, as written there: the contract module.
import { S } from 'openws'
export class Client {
  static CONFIG = { name: 'client', messages: { joinedRoom: { payload: S.obj({ joinerId: S.str, roomId: S.str }) } } }
}
export class Server {
  static CONFIG = { name: 'server', handlers: { createRoom: { payload: S.obj({ userId: S.str, roomId: S.str }), from: [Client] } } }
}
