// Payload schemas of the demo's chat network, shared by the contract (contract.ts), which the server
// (roles.ts) and the page (browser.ts) both implement.
import { S } from 'openws'

export const RoomUser = S.obj({ userId: S.str.min(1).max(40), roomId: S.str.min(1).max(40) })
export const Chat = S.obj({ userId: S.str, roomId: S.str, text: S.str.max(2000) })
export const RoomRef = S.obj({ roomId: S.str })
export const Joined = S.obj({ joinerId: S.str, roomId: S.str })
export const Received = S.obj({ senderId: S.str, roomId: S.str, text: S.str })
export const RoomStats = S.obj({ roomId: S.str, members: S.arr(S.str) })
