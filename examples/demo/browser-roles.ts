// The page's implementations of its roles in the chat contract (contract.ts): it hosts the `client`
// role (it handles what the server sends) and, for the Stats button, the `portal` role; `server` is
// the remote role both send to. Subclasses of the contract classes, so the implemented class is the
// host and nothing is mirrored. Static definitions: the openws plugin compiles them when server.ts
// bundles the page.
import { bindings, type Handlers } from 'openws'
import { Client, Portal, Server } from './contract'

export type Show = (text: string, kind?: string) => void
export { Server }

export class ChatClient extends Client implements Handlers<typeof Client> {
  constructor(private readonly show: Show) {
    super()
  }

  joinedRoom({ joinerId, roomId }: { joinerId: string; roomId: string }) {
    this.show(`${joinerId} joined #${roomId}`, 'info')
  }

  receivedMessage({ senderId, text }: { senderId: string; roomId: string; text: string }) {
    this.show(`${senderId}: ${text}`)
  }
}

export class ChatPortal extends Portal implements Handlers<typeof Portal> {
  constructor(private readonly show: Show) {
    super()
  }

  receivedRoomStats({ roomId, members }: { roomId: string; members: string[] }) {
    this.show(`portal: #${roomId} has ${members.length} member(s): ${members.join(', ') || '-'}`, 'info')
  }
}

export const clientBindings = bindings({ name: 'chat', roles: [ChatClient, Server] })
export const portalBindings = bindings({ name: 'chat', roles: [ChatPortal, Server] })
