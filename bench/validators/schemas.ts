// The bench payload schemas (the README chat messages and one larger nested payload) and inputs.
// The same shapes are written as TypeScript types in ./typia/shapes.ts.
import type { JsonSchema } from '../../src/runtime/ir/types'

const str = { type: 'string' }
/** What `S.obj({...})` produces: every key required, no other keys. */
const closed = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, required: Object.keys(properties), additionalProperties: false })
const open = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, required: Object.keys(properties) })
const int = (extra: Record<string, unknown> = {}): JsonSchema => ({ type: 'integer', ...extra })

const memberOf = (obj: typeof open): JsonSchema => obj({ userId: { type: 'string', minLength: 1, maxLength: 64 }, name: str, role: { enum: ['owner', 'member', 'guest'] }, joinedAt: int({ minimum: 0 }) })
const reactionOf = (obj: typeof open): JsonSchema => obj({ emoji: str, count: int({ minimum: 0 }) })
const messageOf = (obj: typeof open): JsonSchema => obj({
  id: { type: 'string', format: 'uuid' }, senderId: str, text: { type: 'string', maxLength: 2000 }, ts: int(), edited: { type: 'boolean' },
  reactions: { type: 'array', items: reactionOf(obj) },
})
const roomStateOf = (obj: typeof open): JsonSchema => obj({
  roomId: str, name: { type: 'string', minLength: 1, maxLength: 64 }, createdAt: { type: 'string', format: 'date-time' },
  members: { type: 'array', items: memberOf(obj) }, messages: { type: 'array', items: messageOf(obj) },
  settings: obj({ public: { type: 'boolean' }, maxMembers: int({ minimum: 1, maximum: 1000 }), topic: { type: ['string', 'null'] } }),
})

export interface BenchCase {
  name: string
  schema: JsonSchema
  /** Key into the typia module, and whether to use `equals` (closed objects) or `is`. */
  typia: { fn: 'is' | 'equals', key: 'joinRoom' | 'sendMessage' | 'roomState' }
  valid: unknown
  invalid: unknown
}

const roomValue = {
  roomId: 'lobby', name: 'The Lobby', createdAt: '2024-05-01T10:00:00Z',
  members: Array.from({ length: 8 }, (_, i) => ({ userId: 'u' + i, name: 'User ' + i, role: i === 0 ? 'owner' : 'member', joinedAt: 1714557600 + i })),
  messages: Array.from({ length: 12 }, (_, i) => ({
    id: `2eb8aa08-aa98-11ea-b4aa-73b441d163${String(10 + i)}`, senderId: 'u' + (i % 8), text: 'hello number ' + i, ts: 1714557700 + i, edited: i % 3 === 0,
    reactions: i % 2 === 0 ? [{ emoji: '👍', count: i }, { emoji: '🎉', count: 1 }] : [],
  })),
  settings: { public: true, maxMembers: 50, topic: null },
}
const roomInvalid = JSON.parse(JSON.stringify(roomValue))
roomInvalid.messages[11].reactions = [{ emoji: '👍', count: -1 }] // deep, late failure

// Inputs go through JSON text, as payloads do on the wire.
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x))

export const CASES: BenchCase[] = [
  { name: 'joinRoom (closed)', schema: closed({ userId: str, roomId: str }), typia: { fn: 'equals', key: 'joinRoom' },
    valid: wire({ userId: 'u1', roomId: 'lobby' }), invalid: wire({ userId: 'u1', roomId: 'lobby', admin: true }) },
  { name: 'sendMessage (closed)', schema: closed({ userId: str, roomId: str, text: str }), typia: { fn: 'equals', key: 'sendMessage' },
    valid: wire({ userId: 'u1', roomId: 'lobby', text: 'hello there' }), invalid: wire({ userId: 'u1', roomId: 'lobby', text: 42 }) },
  { name: 'sendMessage (open)', schema: open({ userId: str, roomId: str, text: str }), typia: { fn: 'is', key: 'sendMessage' },
    valid: wire({ userId: 'u1', roomId: 'lobby', text: 'hello there' }), invalid: wire({ userId: 'u1', roomId: 'lobby', text: 42 }) },
  { name: 'roomState (nested, closed)', schema: roomStateOf(closed), typia: { fn: 'equals', key: 'roomState' }, valid: wire(roomValue), invalid: wire(roomInvalid) },
  { name: 'roomState (nested, open)', schema: roomStateOf(open), typia: { fn: 'is', key: 'roomState' }, valid: wire(roomValue), invalid: wire(roomInvalid) },
]
