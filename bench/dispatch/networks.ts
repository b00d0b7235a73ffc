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

/** Property names the distinct schemas draw from (a message's fields are distinct names). */
const WORDS = [
  'userId',
  'roomId',
  'text',
  'title',
  'amount',
  'price',
  'count',
  'score',
  'level',
  'status',
  'kind',
  'mode',
  'lat',
  'lng',
  'width',
  'height',
  'color',
  'label',
  'active',
  'muted',
  'visible',
  'createdAt',
  'updatedAt',
  'ttl',
  'owner',
  'target',
  'channel',
  'topic',
  'reason',
  'code',
  'version',
  'locale',
  'region',
  'currency',
  'quantity',
  'rating',
  'comment',
  'avatar',
  'email',
  'phone',
  'street',
  'city',
  'zip',
  'country',
  'sku',
  'orderId',
  'items',
  'meta',
  'options',
  'position',
  'size',
  'flags',
  'members',
  'scores',
  'limits',
  'range',
  'cursor',
  'page',
]

/** A deterministic generator of realistic payload schemas (and values valid against them). */
function schemaMaker(seed: number) {
  // mulberry32: exact in 32-bit integer arithmetic, so it never falls into a short cycle
  const random = () => {
    let t = (seed = (seed + 0x6d2b79f5) | 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!
  const leaf = (): JsonSchema => {
    switch (int(0, 6)) {
      case 0:
        return { type: 'string', maxLength: pick([16, 64, 200]) }
      case 1:
        return { type: 'string', minLength: 1, maxLength: 40 }
      case 2:
        return { type: 'number', minimum: -1000, maximum: 1000 }
      case 3:
        return { type: 'integer', minimum: 0, maximum: pick([100, 10000, 1e9]) }
      case 4:
        return { type: 'boolean' }
      case 5:
        return { type: 'string', enum: Array.from({ length: int(2, 5) }, (_, i) => `${pick(WORDS).toLowerCase()}${i}`) }
      default:
        return { type: 'integer' }
    }
  }
  /** An object of 2..7 fields (some optional), nested objects and arrays while `depth` allows. */
  const object = (depth: number, base: Record<string, JsonSchema> = {}): JsonSchema => {
    const properties: Record<string, JsonSchema> = { ...base }
    const required = Object.keys(base)
    const fields = int(2, depth === 0 ? 7 : 4)
    for (let f = 0; f < fields; f++) {
      let name = pick(WORDS)
      while (name in properties) name = pick(WORDS)
      const r = random()
      properties[name] =
        depth < 2 && r < 0.15
          ? object(depth + 1)
          : depth < 2 && r < 0.28
            ? { type: 'array', maxItems: pick([8, 32]), items: random() < 0.5 ? leaf() : object(depth + 1) }
            : leaf()
      if (random() < 0.75) required.push(name)
    }
    return { type: 'object', properties, required, additionalProperties: false }
  }
  /** A value valid against `s` (optional fields present 70% of the time). */
  const value = (s: JsonSchema): unknown => {
    const o = s as Record<string, any>
    if (o.enum) return pick(o.enum as unknown[])
    switch (o.type) {
      case 'object': {
        const v: Record<string, unknown> = {}
        for (const [k, p] of Object.entries(o.properties as Record<string, JsonSchema>)) {
          if ((o.required as string[]).includes(k) || random() < 0.7) v[k] = value(p)
        }
        return v
      }
      case 'array':
        return Array.from({ length: int(0, 4) }, () => value(o.items as JsonSchema))
      case 'string':
        return `${pick(WORDS)}-${int(0, 999)}`.slice(0, o.maxLength ?? 40)
      case 'number':
        return Math.round((random() * 2000 - 1000) * 100) / 100
      case 'integer':
        return int(o.minimum ?? -50, Math.min(o.maximum ?? 1e6, 1e6))
      case 'boolean':
        return random() < 0.5
      default:
        throw new Error(`no value for ${JSON.stringify(s)}`)
    }
  }
  return { object, value, int }
}

/**
 * Host messages d0..d{n-1}, each with its own schema: generated from a seed, objects of strings,
 * numbers, integers, booleans, enums, optional fields, nested objects and arrays; every one has
 * `id` and `name` (what the reply echoes). The reply is ack {id, name}, as on the shared networks.
 * Frame i carries message i mod n, so 1000 messages keep 1000 validators in the working set.
 */
export function distinctWorkload(n: number, seed = 7): Workload {
  const gen = schemaMaker(seed)
  const messages: NetworkIR['roles'][string]['messages'] = {}
  const seen = new Set<string>()
  for (let i = 0; i < n; i++) {
    let payload: JsonSchema
    do {
      payload = gen.object(0, { id: { type: 'integer', minimum: 0 }, name: { type: 'string', maxLength: 64 } })
    } while (seen.has(JSON.stringify(payload)))
    seen.add(JSON.stringify(payload))
    messages[`d${i}`] = { payload, from: ['client'] }
  }
  const network: NetworkIR = {
    name: `distinct${n}`,
    roles: {
      server: { 'x-openws-host': true, messages },
      client: { messages: { ack: { payload: obj({ id: { type: 'integer' }, name: str }) } } },
    },
  }
  const frames: string[] = []
  for (let i = 0; i < 1024; i++) {
    const m = `d${i % n}`
    const payload = gen.value(messages[m]!.payload) as Record<string, unknown>
    payload.id = i
    payload.name = `item-${i}`
    frames.push(JSON.stringify({ fromRole: 'client', messageName: m, payload }))
  }
  return {
    name: `${n} distinct`,
    network,
    hostRole: 'server',
    sender: 'client',
    frames,
    handlers: Object.fromEntries(Object.keys(messages).map((m) => [m, (p: any, api: any) => api.ack({ id: p.id, name: p.name })])),
  }
}
