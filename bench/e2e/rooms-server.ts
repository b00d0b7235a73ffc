// Child process entry of the room benchmarks: one server under test on 127.0.0.1, prints "PORT <n>".
//   openws-groups: openws on `ws`, compiled artifact; rooms are groups, the broadcast is
//                  `groups.to(room, 'client', { except: api }).receivedMessage(...)` (validated and
//                  encoded once, the same frame written to every member).
//   socketio:      socket.io 4 rooms, websocket transport only: `socket.to(room).emit(...)`.
// An optional second argument links instances: `redis://…` (openws/redis, or socket.io's
// @socket.io/redis-adapter on the same `redis` 5 client) or `nats://…` (openws/nats).
import { createServer as createHttpServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createAdapter } from '@socket.io/redis-adapter'
import { createClient } from 'redis'
import { Server as SocketIoServer } from 'socket.io'
import * as WS from '../../src/runtime/entries/index'
import { S } from '../../src/runtime/entries/index'
import { createServer } from '../../src/runtime/adapters/ws/index'
import { natsBroker } from '../../src/runtime/brokers/nats/index'
import { redisBroker } from '../../src/runtime/brokers/redis/index'
import { withEmittedArtifact } from '../support/emitted'

type RoomKind = 'openws-groups' | 'socketio'

class Client {
  static CONFIG = {
    name: 'client',
    messages: {
      joined: { payload: S.obj({ roomId: S.str }) },
      receivedMessage: { payload: S.obj({ senderId: S.str, roomId: S.str, text: S.str }) },
    },
  }
}
type ClientApi = WS.Api<typeof Client>

class Server {
  static CONFIG = {
    name: 'server',
    handlers: {
      join: { payload: S.obj({ roomId: S.str }), from: [Client] },
      sendMessage: { payload: S.obj({ userId: S.str, roomId: S.str, text: S.str }), from: [Client] },
    },
  }

  join({ roomId }: { roomId: string }, api: ClientApi) {
    WS.groupsOf(api).join(api, roomId)
    return api.joined({ roomId })
  }

  sendMessage({ userId, roomId, text }: { userId: string; roomId: string; text: string }, api: ClientApi) {
    return WS.groupsOf(api).to<ClientApi>(roomId, 'client', { except: api }).receivedMessage({ roomId, senderId: userId, text })
  }
}

/** With the artifact the transformer would attach (compiled path). */
const roomBindings = () => withEmittedArtifact(WS.bindings({ name: 'chat', roles: [Server, Client] }))

async function openwsServer(brokerUrl: string | undefined): Promise<number> {
  const broker = brokerUrl?.startsWith('nats:')
    ? natsBroker({ servers: brokerUrl })
    : brokerUrl
      ? redisBroker({ url: brokerUrl })
      : undefined
  const server = await createServer({ bindings: roomBindings(), path: '/chat', heartbeatMs: 0, ...(broker ? { groups: { broker } } : {}) })
  await server.groups.ready
  return server.port
}

async function redisAdapter(url: string) {
  const pub = createClient({ url })
  const sub = pub.duplicate()
  await Promise.all([pub.connect(), sub.connect()])
  return createAdapter(pub, sub)
}

async function start(kind: RoomKind, brokerUrl: string | undefined): Promise<number> {
  if (kind === 'openws-groups') return openwsServer(brokerUrl)
  const http = createHttpServer()
  const adapter = brokerUrl ? { adapter: await redisAdapter(brokerUrl) } : {}
  const io = new SocketIoServer(http, { transports: ['websocket'], perMessageDeflate: false, serveClient: false, ...adapter })
  io.on('connection', (socket) => {
    socket.on('join', (roomId: string, ack: () => void) => {
      void socket.join(roomId)
      ack()
    })
    socket.on('sendMessage', (p: { userId: string; roomId: string; text: string }) => {
      socket.to(p.roomId).emit('receivedMessage', { roomId: p.roomId, senderId: p.userId, text: p.text })
    })
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const address = http.address()
  return typeof address === 'object' && address ? address.port : 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const kind = process.argv[2] as RoomKind
  process.on('message', (message) => {
    if (message === 'cpu') process.send!(process.cpuUsage())
    if (message === 'exit') process.exit(0) // a clean exit: --cpu-prof writes its profile
  })
  start(kind, process.argv[3]).then(
    (port) => process.stdout.write(`PORT ${port}\n`),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
