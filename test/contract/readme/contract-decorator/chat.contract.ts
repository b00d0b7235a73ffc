// The README's "One contract, both ends" decorator example: the contract.
import * as WS from 'openws/decorator'
import { S } from 'openws'
const Joined = S.obj({ joinerId: S.str, roomId: S.str })
const Create = S.obj({ userId: S.str, roomId: S.str })
@WS.role()
export class Client {
  @WS.message({ payload: Joined }) async joinedRoom(_: S.Infer<typeof Joined>) {}
}
@WS.role()
export class Server {
  @WS.handler({ payload: Create, from: [Client] }) async createRoom(_: S.Infer<typeof Create>, _api: WS.Api<typeof Client>) {}
}
