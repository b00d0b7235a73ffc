// The demo network as the page sees it. The page hosts the `client` role (it handles what the
// server sends) and, for the Stats button, the `portal` role; `server` is the remote role both
// send to. Static definitions, so the openws plugin compiles them when server.ts bundles the page.
import { bindings } from 'openws'
import { Chat, Joined, Received, RoomRef, RoomStats, RoomUser } from './schemas'

export type Show = (text: string, kind?: string) => void

/** The server as a remote role: what it accepts from the page. */
export class Server {
  static CONFIG = {
    name: 'server',
    description: 'A chat server role',
    messages: {
      createRoom: { payload: RoomUser },
      joinRoom: { payload: RoomUser },
      sendMessage: { payload: Chat },
      requestRoomStats: { payload: RoomRef },
    },
  }
}

export class Client {
  static CONFIG = {
    name: 'client',
    description: 'A chat client role',
    handlers: {
      joinedRoom: { payload: Joined, from: [Server] },
      receivedMessage: { payload: Received, from: [Server] },
    },
  }

  constructor(private readonly show: Show) {}

  joinedRoom({ joinerId, roomId }: { joinerId: string; roomId: string }) {
    this.show(`${joinerId} joined #${roomId}`, 'info')
  }

  receivedMessage({ senderId, text }: { senderId: string; roomId: string; text: string }) {
    this.show(`${senderId}: ${text}`)
  }
}

export class Portal {
  static CONFIG = {
    name: 'portal',
    description: 'A chat portal role',
    handlers: { receivedRoomStats: { payload: RoomStats, from: [Server] } },
  }

  constructor(private readonly show: Show) {}

  receivedRoomStats({ roomId, members }: { roomId: string; members: string[] }) {
    this.show(`portal: #${roomId} has ${members.length} member(s): ${members.join(', ') || '-'}`, 'info')
  }
}

export const clientBindings = bindings({ name: 'chat', roles: [Client, Server] })
export const portalBindings = bindings({ name: 'chat', roles: [Portal, Server] })
