// The chat network's contract: each role, the messages it accepts, their payloads and who may send
// them. No methods: the server (this example, server-role.ts) and the browser client (examples/vite,
// which keeps an identical copy) each implement their own role in a subclass.
import { S } from 'openws'
import { Chat, Joined, Received, RoomUser } from './schemas'

export class Client {
  static CONFIG = {
    name: 'client',
    description: 'A chat client',
    messages: {
      joinedRoom: { payload: Joined },
      receivedMessage: { payload: Received },
    },
  }
}

export class Portal {
  static CONFIG = {
    name: 'portal',
    description: 'The admin portal',
    messages: {
      receivedRoomStats: { payload: S.obj({ roomId: S.str, members: S.arr(S.str) }) },
    },
  }
}

export class Server {
  static CONFIG = {
    name: 'server',
    description: 'The chat server',
    handlers: {
      createRoom: { payload: RoomUser, from: [Client] },
      joinRoom: { payload: RoomUser, from: [Client] },
      sendMessage: { payload: Chat, from: [Client, Portal] },
      requestRoomStats: { payload: S.obj({ roomId: S.str }), from: [Portal] },
    },
  }
}
