// Payload schemas of the chat network, shared by the server (this example) and the browser
// client (examples/vite keeps an identical copy).
import { S } from 'openws'

export const RoomUser = S.obj({ userId: S.str.min(1).max(64), roomId: S.str.min(1).max(64) })
export const Chat = S.obj({ userId: S.str.min(1).max(64), roomId: S.str.min(1).max(64), text: S.str.min(1).max(2000) })
export const Joined = S.obj({ joinerId: S.str, roomId: S.str })
export const Received = S.obj({ senderId: S.str, roomId: S.str, text: S.str })
