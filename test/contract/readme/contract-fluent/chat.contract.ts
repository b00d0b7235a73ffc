// The README's "One contract, both ends" fluent example: the contract.
import * as WS from 'openws/fluent'
import { S } from 'openws'
export const chat = WS.network('chat')
  .role(
    WS.role('server').message(
      WS.message('createRoom')
        .payload(S.obj({ userId: S.str, roomId: S.str }))
        .from('client'),
    ),
  )
  .role(WS.role('client').message(WS.message('joinedRoom').payload(S.obj({ joinerId: S.str, roomId: S.str }))))
