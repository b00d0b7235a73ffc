// The demo's chat network as one contract, imported by the server (roles.ts) and the page
// (browser.ts): each role, the messages it accepts, their payloads and who may send them.
// No methods here: each side implements its own role in a subclass, so the page's bundle never
// holds server code and neither side mirrors the other.
import { Chat, Joined, Received, RoomRef, RoomStats, RoomUser } from './schemas'

export class Client {
  static CONFIG = {
    name: 'client',
    description: 'A chat client role',
    messages: {
      joinedRoom: { payload: Joined },
      receivedMessage: { payload: Received },
    },
  }
}

export class Portal {
  static CONFIG = {
    name: 'portal',
    description: 'A chat portal role',
    messages: {
      receivedRoomStats: { payload: RoomStats },
    },
  }
}

export class Server {
  static CONFIG = {
    name: 'server',
    description: 'A chat server role',
    handlers: {
      createRoom: { payload: RoomUser, from: [Client] },
      joinRoom: { payload: RoomUser, from: [Client] },
      sendMessage: { payload: Chat, from: [Client, Portal] },
      requestRoomStats: { payload: RoomRef, from: [Portal] },
    },
  }
}
