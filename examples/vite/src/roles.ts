// The page's implementation of its role in the chat contract (contract.ts, an identical copy of
// the server's): it hosts the client role (it handles what the server sends); the server is the
// remote role it sends to. Nothing is mirrored and no server code reaches the page.
import type { Handlers } from 'openws'
import { Client } from './contract'

export type Show = (line: string) => void

export class ChatClient extends Client implements Handlers<typeof Client> {
  constructor(private readonly show: Show) {
    super()
  }

  joinedRoom({ joinerId, roomId }: { joinerId: string; roomId: string }) {
    this.show(`${joinerId} joined ${roomId}`)
  }

  receivedMessage({ senderId, text }: { senderId: string; roomId: string; text: string }) {
    this.show(`${senderId}: ${text}`)
  }
}
