// The workloads: the README chat network, and synthetic networks of N host messages. Each comes
// with pre-encoded inbound frames and the handler logic every variant implements identically:
// validate the inbound payload, reply to the sender with one validated outbound message.
import type { JsonSchema, NetworkIR } from '../../src/runtime/ir/types'

export interface Workload {
  name: string
  network: NetworkIR
  hostRole: string
  /** The remote role every frame comes from. */
  sender: string
  /** Inbound frames (JSON text), cycled through by every variant. */
  frames: string[]
  /** The application's handlers, as a user writes them: reply through the sender's API (returns its promise). */
  handlers: Record<string, (payload: any, api: any) => unknown>
}

const str: JsonSchema = { type: 'string' }
const obj = (props: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties: props,
  required: Object.keys(props),
  additionalProperties: false,
})

export function chatWorkload(): Workload {
  const network: NetworkIR = {
    name: 'chat',
    roles: {
      server: {
        'x-openws-host': true,
        messages: {
          createRoom: { payload: obj({ userId: str, roomId: str }), from: ['client'] },
          joinRoom: { payload: obj({ userId: str, roomId: str }), from: ['client'] },
          sendMessage: { payload: obj({ userId: str, roomId: str, text: str }), from: ['client', 'portal'] },
          requestRoomStats: { payload: obj({ roomId: str }), from: ['portal'] },
        },
      },
      client: {
        messages: {
          joinedRoom: { payload: obj({ joinerId: str, roomId: str }) },
          receivedMessage: { payload: obj({ senderId: str, roomId: str, text: str }) },
        },
      },
      portal: { messages: { receivedRoomStats: { payload: obj({ roomId: str, members: { type: 'array', items: str } }) } } },
    },
  }
  const frames: string[] = []
  for (let i = 0; i < 1024; i++) {
    const userId = `user${i % 17}`
    frames.push(
      i % 4 === 0
        ? JSON.stringify({ fromRole: 'client', messageName: 'joinRoom', payload: { userId, roomId: 'room1' } })
        : JSON.stringify({
            fromRole: 'client',
            messageName: 'sendMessage',
            payload: { userId, roomId: 'room1', text: `Hello, world! #${i}` },
          }),
    )
  }
  return {
    name: 'chat (README)',
    network,
    hostRole: 'server',
    sender: 'client',
    frames,
    handlers: {
      createRoom: (p, api) => api.joinedRoom({ roomId: p.roomId, joinerId: p.userId }),
      joinRoom: (p, api) => api.joinedRoom({ roomId: p.roomId, joinerId: p.userId }),
      sendMessage: (p, api) => api.receivedMessage({ roomId: p.roomId, senderId: p.userId, text: p.text }),
    },
  }
}

/** Host messages m0..m{n-1}, all {id, name, tags}; the reply is ack {id, name}. Frames hit messages uniformly. */
export function syntheticWorkload(n: number): Workload {
  const item = obj({
    id: { type: 'integer', minimum: 0 },
    name: { type: 'string', maxLength: 64 },
    tags: { type: 'array', items: str, maxItems: 8 },
  })
  const messages: NetworkIR['roles'][string]['messages'] = {}
  for (let i = 0; i < n; i++) messages[`m${i}`] = { payload: item, from: ['client'] }
  const network: NetworkIR = {
    name: `synthetic${n}`,
    roles: {
      server: { 'x-openws-host': true, messages },
      client: { messages: { ack: { payload: obj({ id: { type: 'integer' }, name: str }) } } },
    },
  }
  let seed = 42
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
  const frames: string[] = []
  for (let i = 0; i < 1024; i++) {
    const m = Math.floor(random() * n)
    frames.push(JSON.stringify({ fromRole: 'client', messageName: `m${m}`, payload: { id: i, name: `item-${i}`, tags: ['a', 'b'] } }))
  }
  return {
    name: `${n} messages`,
    network,
    hostRole: 'server',
    sender: 'client',
    frames,
    handlers: Object.fromEntries(Object.keys(messages).map((m) => [m, (p: any, api: any) => api.ack({ id: p.id, name: p.name })])),
  }
}
