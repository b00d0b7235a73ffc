// Baseline: the chat broadcast on raw `ws` with hand-written JSON handling — what a careful
// developer writes without a framework: parse, check the envelope and payload shape by hand,
// dispatch on messageName with a switch, and build one envelope per recipient (as the README's
// handlers call `api.receivedMessage` once per member).
import { WebSocketServer, type WebSocket } from 'ws'

interface Member {
  ws: WebSocket
}

export function startRawServer(port = 0): Promise<{ port: number; close(): Promise<void> }> {
  const rooms = new Map<string, Set<string>>()
  const users = new Map<string, Member>()
  const wss = new WebSocketServer({ host: '127.0.0.1', port, maxPayload: 1 << 20 })

  function reply(ws: WebSocket, messageName: string, payload: unknown): void {
    ws.send(JSON.stringify({ fromRole: 'server', messageName, payload }))
  }

  function isStr(v: unknown): v is string {
    return typeof v === 'string'
  }

  wss.on('connection', (ws) => {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'binary')
      let frame: any
      try {
        frame = JSON.parse(data.toString())
      } catch {
        return ws.close(1007, 'bad json')
      }
      if (frame === null || typeof frame !== 'object' || frame.fromRole !== 'client') return ws.close(1008, 'role')
      const p = frame.payload
      if (p === null || typeof p !== 'object' || !isStr(p.userId) || !isStr(p.roomId)) {
        return reply(ws, '$error', { code: 'OPENWS_ERR_INVALID_PAYLOAD', message: 'invalid payload' })
      }
      switch (frame.messageName) {
        case 'createRoom':
          rooms.set(p.roomId, new Set([p.userId]))
          users.set(p.userId, { ws })
          return reply(ws, 'joinedRoom', { roomId: p.roomId, joinerId: p.userId })
        case 'joinRoom': {
          const room = rooms.get(p.roomId)
          if (!room) return reply(ws, '$error', { code: 'NO_ROOM', message: 'no room' })
          room.add(p.userId)
          users.set(p.userId, { ws })
          for (const member of room) reply(users.get(member)!.ws, 'joinedRoom', { roomId: p.roomId, joinerId: p.userId })
          return
        }
        case 'sendMessage': {
          if (!isStr(p.text)) return reply(ws, '$error', { code: 'OPENWS_ERR_INVALID_PAYLOAD', message: 'invalid payload' })
          const room = rooms.get(p.roomId)
          if (!room) return
          for (const member of room) {
            if (member !== p.userId) reply(users.get(member)!.ws, 'receivedMessage', { roomId: p.roomId, senderId: p.userId, text: p.text })
          }
          return
        }
        default:
          return reply(ws, '$error', { code: 'OPENWS_ERR_UNKNOWN_MESSAGE', message: 'unknown message' })
      }
    })
  })

  return new Promise((resolve) => {
    wss.on('listening', () => {
      const address = wss.address()
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate()
            wss.close(() => done())
          }),
      })
    })
  })
}
