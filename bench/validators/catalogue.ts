// The validator bench catalogue: shapes we did not pick for our own code, each in a loose (open:
// other keys allowed) and a strict (closed: additionalProperties false at every level) variant,
// with a valid input and one input per kind of failure. The same shapes are written as TypeScript
// types in ./typia/shapes.ts (typia `is` for loose, `equals` for strict) and built with TypeBox's
// builders by ./typebox.ts from the JSON Schema here.
import type { JsonSchema } from '../../src/runtime/ir/types'

type Props = Record<string, JsonSchema>
/** An object node; `optional` lists the keys left out of `required`. */
const obj = (properties: Props, optional: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
})

const str = { type: 'string' }
const num = { type: 'number' }
const int = (extra: Record<string, unknown> = {}): JsonSchema => ({ type: 'integer', ...extra })
const bool = { type: 'boolean' }

/** Every object node of `schema` closed (additionalProperties: false). */
function closed(schema: JsonSchema): JsonSchema {
  if (typeof schema !== 'object' || schema === null) return schema
  if (Array.isArray(schema)) return schema.map(closed) as never
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(schema)) {
    out[k] =
      k === 'properties'
        ? Object.fromEntries(Object.entries(v as Props).map(([p, s]) => [p, closed(s)]))
        : k === 'enum' || k === 'const'
          ? v
          : closed(v as JsonSchema)
  }
  if (out.type === 'object') out.additionalProperties = false
  return out as JsonSchema
}

export interface Shape {
  /** Key into the typia module (./typia/shapes.ts). */
  key: string
  schema: JsonSchema
  valid: unknown
  /** kind of failure -> input; 'extra' (an unknown key) only fails the strict variant. */
  invalid: Record<string, unknown>
}

const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x))
const long = 'lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(18).slice(0, 1000)

const item = obj({ id: int({ minimum: 0 }), name: str, price: num, inStock: bool })
const items = Array.from({ length: 20 }, (_, i) => ({ id: i, name: 'item ' + i, price: 9.99 + i, inStock: i % 2 === 0 }))

const base: Shape[] = [
  {
    key: 'numbers',
    schema: obj({ x: num, y: num, z: num, w: num }),
    valid: { x: 1.5, y: -2.25, z: 1e10, w: 0 },
    invalid: { type: { x: 1.5, y: '2', z: 1e10, w: 0 }, missing: { x: 1.5, y: 2, z: 3 }, extra: { x: 1, y: 2, z: 3, w: 4, v: 5 } },
  },
  {
    key: 'integers',
    schema: obj({ a: int(), b: int({ minimum: 0 }), c: int({ maximum: 1000 }), d: int() }),
    valid: { a: -7, b: 0, c: 1000, d: 123456789 },
    invalid: {
      type: { a: 1.5, b: 0, c: 1, d: 2 },
      range: { a: 1, b: -1, c: 1, d: 2 },
      missing: { a: 1, b: 0, c: 1 },
      extra: { a: 1, b: 0, c: 1, d: 2, e: 3 },
    },
  },
  {
    key: 'booleans',
    schema: obj({ a: bool, b: bool, c: bool }),
    valid: { a: true, b: false, c: true },
    invalid: { type: { a: true, b: 0, c: true }, missing: { a: true, b: false }, extra: { a: true, b: false, c: true, d: false } },
  },
  {
    key: 'shortStrings',
    schema: obj({ id: str, name: { type: 'string', minLength: 1, maxLength: 64 }, lang: str }),
    valid: { id: 'u-123', name: 'Ada Lovelace', lang: 'en' },
    invalid: {
      type: { id: 'u', name: 'A', lang: 5 },
      length: { id: 'u', name: '', lang: 'en' },
      missing: { id: 'u', name: 'A' },
      extra: { id: 'u', name: 'A', lang: 'en', x: 1 },
    },
  },
  {
    key: 'longStrings',
    schema: obj({ title: str, body: { type: 'string', maxLength: 4096 } }),
    valid: { title: 'A long read', body: long },
    invalid: {
      type: { title: 'A', body: null },
      length: { title: 'A', body: long.repeat(5) },
      missing: { body: long },
      extra: { title: 'A', body: long, x: 1 },
    },
  },
  {
    key: 'nested',
    schema: obj({
      user: obj({ id: str, profile: obj({ age: int({ minimum: 0 }), email: str, verified: bool }) }),
      meta: obj({ ts: int(), source: str }),
    }),
    valid: { user: { id: 'u1', profile: { age: 36, email: 'ada@example.com', verified: true } }, meta: { ts: 1714557600, source: 'web' } },
    invalid: {
      type: { user: { id: 'u1', profile: { age: '36', email: 'a', verified: true } }, meta: { ts: 1, source: 'web' } },
      missing: { user: { id: 'u1', profile: { age: 36, verified: true } }, meta: { ts: 1, source: 'web' } },
      extra: { user: { id: 'u1', profile: { age: 36, email: 'a', verified: true, admin: true } }, meta: { ts: 1, source: 'web' } },
    },
  },
  {
    key: 'arrayOfObjects',
    schema: obj({ items: { type: 'array', items: item }, total: num }),
    valid: { items, total: 1234.5 },
    invalid: {
      type: { items: items.map((x, i) => (i === 19 ? { ...x, price: '1' } : x)), total: 1 },
      range: { items: items.map((x, i) => (i === 19 ? { ...x, id: -1 } : x)), total: 1 },
      missing: { items: items.map((x, i) => (i === 19 ? { id: 1, name: 'x', price: 1 } : x)), total: 1 },
      extra: { items: items.map((x, i) => (i === 19 ? { ...x, x: 1 } : x)), total: 1 },
    },
  },
  {
    key: 'enumsUnions',
    schema: obj({
      status: { enum: ['draft', 'review', 'published', 'archived'] },
      id: { anyOf: [str, int()] },
      shape: { anyOf: [obj({ kind: { const: 'circle' }, r: num }), obj({ kind: { const: 'rect' }, w: num, h: num })] },
    }),
    valid: { status: 'published', id: 42, shape: { kind: 'rect', w: 2, h: 3 } },
    invalid: {
      enum: { status: 'deleted', id: 42, shape: { kind: 'rect', w: 2, h: 3 } },
      union: { status: 'draft', id: true, shape: { kind: 'rect', w: 2, h: 3 } },
      tag: { status: 'draft', id: 'a', shape: { kind: 'square', w: 2, h: 3 } },
      extra: { status: 'draft', id: 'a', shape: { kind: 'circle', r: 1, w: 2 } },
    },
  },
  {
    key: 'optionals',
    schema: obj({ id: str, nick: str, age: int({ minimum: 0 }), tags: { type: 'array', items: str }, bio: str }, [
      'nick',
      'age',
      'tags',
      'bio',
    ]),
    valid: { id: 'u1', age: 30, tags: ['a', 'b'] },
    invalid: { type: { id: 'u1', age: '30' }, range: { id: 'u1', age: -1 }, missing: { nick: 'x' }, extra: { id: 'u1', x: 1 } },
  },
]

export interface BenchCase {
  name: string
  /** typia key and function: `is` for loose shapes, `equals` for strict ones. */
  typia: { fn: 'is' | 'equals'; key: string }
  schema: JsonSchema
  valid: unknown
  invalid: [kind: string, input: unknown][]
}

/** Inputs go through JSON text, as payloads do on the wire. */
export const CASES: BenchCase[] = base.flatMap((s) => [
  {
    name: `${s.key} loose`,
    typia: { fn: 'is' as const, key: s.key },
    schema: s.schema,
    valid: wire(s.valid),
    invalid: Object.entries(s.invalid)
      .filter(([k]) => k !== 'extra')
      .map(([k, v]) => [k, wire(v)] as [string, unknown]),
  },
  {
    name: `${s.key} strict`,
    typia: { fn: 'equals' as const, key: s.key },
    schema: closed(s.schema),
    valid: wire(s.valid),
    invalid: Object.entries(s.invalid).map(([k, v]) => [k, wire(v)] as [string, unknown]),
  },
])
