// The chat network seen from the browser: this page hosts the client role (it handles what the
// server sends), the server is the remote role it sends to. The schemas are the server's.
import { Chat, Joined, Received, RoomUser } from './schemas'

export class Server {
  static CONFIG = {
    name: 'server',
    description: 'The chat server',
    messages: {
      createRoom: { payload: RoomUser },
      joinRoom: { payload: RoomUser },
      sendMessage: { payload: Chat },
    },
  }
}

export type Show = (line: string) => void

export class Client {
  static CONFIG = {
    name: 'client',
    description: 'A chat client',
    handlers: {
      joinedRoom: { payload: Joined, from: [Server] },
      receivedMessage: { payload: Received, from: [Server] },
    },
  }

  constructor(private readonly show: Show) {}

  joinedRoom({ joinerId, roomId }: { joinerId: string; roomId: string }) {
    this.show(`${joinerId} joined ${roomId}`)
  }

  receivedMessage({ senderId, text }: { senderId: string; roomId: string; text: string }) {
    this.show(`${senderId}: ${text}`)
  }
}
