// Child process entry of the request/reply benchmark: one server under test on 127.0.0.1, prints
// "PORT <n>". Every server answers add({a, b}) with {sum: a + b} after checking the input:
//   openws:   a request of a message with a reply schema, ws adapter, the artifact the transformer emits;
//   socketio: socket.io 4 (websocket transport only), an acknowledgement (`emitWithAck` on the client);
//   trpc:     a tRPC 11 mutation over its ws adapter (`wsLink` on the client).
import { createServer as createHttpServer } from 'node:http'
import { initTRPC } from '@trpc/server'
import { applyWSSHandler } from '@trpc/server/adapters/ws'
import { Server as SocketIoServer } from 'socket.io'
import { WebSocketServer } from 'ws'
import * as WS from '../../src/runtime/entries/index'
import { S } from '../../src/runtime/entries/index'
import { createServer } from '../../src/runtime/adapters/ws/index'
import { withEmittedArtifact } from '../support/emitted'

export const REPLY_KINDS = ['openws', 'socketio', 'trpc'] as const
export type ReplyKind = (typeof REPLY_KINDS)[number]

interface Pair {
  a: number
  b: number
}
/** The same input check for socket.io and tRPC (openws checks its schema). */
function pair(value: unknown): Pair {
  const v = value as Pair
  if (typeof v !== 'object' || v === null || !Number.isInteger(v.a) || !Number.isInteger(v.b)) throw new Error('bad input')
  return { a: v.a, b: v.b }
}

export class Client {
  static CONFIG = { name: 'client', messages: {} }
}
export class Server {
  static CONFIG = {
    name: 'server',
    handlers: { add: { payload: S.obj({ a: S.int, b: S.int }), reply: S.obj({ sum: S.int }), from: [Client] } },
  }
  add({ a, b }: Pair) {
    return { sum: a + b }
  }
}

async function start(kind: ReplyKind): Promise<number> {
  if (kind === 'openws') {
    const binder = withEmittedArtifact(WS.bindings({ name: 'calc', roles: [Server, Client] }))
    return (await createServer({ bindings: binder, path: '/calc', heartbeatMs: 0 })).port
  }
  const http = createHttpServer()
  if (kind === 'socketio') {
    const io = new SocketIoServer(http, { transports: ['websocket'], perMessageDeflate: false, serveClient: false })
    io.on('connection', (socket) => {
      socket.on('add', (input: unknown, ack: (reply: unknown) => void) => {
        const { a, b } = pair(input)
        ack({ sum: a + b })
      })
    })
  } else {
    const t = initTRPC.create()
    const router = t.router({ add: t.procedure.input(pair).mutation(({ input }) => ({ sum: input.a + input.b })) })
    applyWSSHandler({ wss: new WebSocketServer({ server: http, perMessageDeflate: false }), router })
  }
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const address = http.address()
  return typeof address === 'object' && address ? address.port : 0
}

if (process.argv[1] && process.argv[1].endsWith('reply-server.ts')) {
  const kind = process.argv[2] as ReplyKind
  if (!REPLY_KINDS.includes(kind)) {
    console.error(`unknown server kind ${kind}; one of ${REPLY_KINDS.join(', ')}`)
    process.exit(1)
  }
  process.on('message', (message) => {
    if (message === 'cpu') process.send!(process.cpuUsage())
    if (message === 'exit') process.exit(0) // a clean exit: --cpu-prof writes its profile
  })
  start(kind).then(
    (port) => process.stdout.write(`PORT ${port}\n`),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
