// fast-check arbitraries for the differential test: schemas of the supported subset and hostile values.
import fc from 'fast-check'
import type { JsonSchema } from '../../src/runtime/ir/types'

/** Keys shared by schemas and values so that properties actually meet. */
export const KEYS = [
  'a',
  'b',
  'c',
  'id',
  '__proto__',
  'constructor',
  'prototype',
  'a/b',
  '~0',
  'q"uote',
  'back\\slash',
  'new\nline',
  'sep\u2028',
  '\ud800',
  '',
  '0',
  'x-1',
]
const PATTERNS = ['^a', 'b$', '^[a-c]+$', '\\d', '^_', '.', '^\\p{L}+$', '(?:x|y)-']
const FORMATS = ['date-time', 'date', 'time', 'email', 'uuid', 'uri', 'ipv4', 'ipv6']
const STRINGS = [
  '',
  'a',
  'ab',
  'abc',
  'b',
  'x-1',
  '2020-02-29',
  '2021-02-29',
  '23:59:60Z',
  '12:00:00+01:00',
  '1990-12-31T15:59:50.123-08:00',
  'joe@example.com',
  'a@[127.0.0.1]',
  '2eb8aa08-aa98-11ea-b4aa-73b441d16380',
  'http://x.org/a?b#c',
  'urn:a:b',
  '192.168.0.1',
  '::1',
  '1:2:3:4:5:6:7:8',
  '\ud800',
  '\udc00\ud800',
  '😀',
  '😀😀',
  'é',
  '\u2028',
  '__proto__',
  '012',
]

const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 3 }))
const num = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, 1.5, 0.1, 100, -2.5))

function json(depth: number): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(fc.constant(null), fc.boolean(), num, fc.constantFrom(...STRINGS))
  if (depth <= 0) return leaf
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(json(depth - 1), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.array(fc.tuple(key, json(depth - 1)), { maxLength: 3 }).map(toObject) },
  )
}

/** Builds an object with own data properties, `__proto__` included (as JSON.parse does). */
function toObject(entries: Array<[string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {}
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}

const schemaObject = (entries: Array<[string, unknown] | null>): JsonSchema =>
  toObject(entries.filter((e): e is [string, unknown] => e !== null)) as JsonSchema

function opt<T>(keyword: string, arb: fc.Arbitrary<T>): fc.Arbitrary<[string, unknown] | null> {
  return fc.option(
    arb.map((v): [string, unknown] => [keyword, v]),
    { freq: 4, nil: null },
  )
}

const TYPES = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']

export function schemaArb(refs: boolean): fc.Arbitrary<JsonSchema> {
  const { schema } = fc.letrec<{ schema: JsonSchema }>((tie) => {
    const sub = fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.boolean(), tie('schema')) as fc.Arbitrary<JsonSchema>
    const body = fc
      .tuple(
        fc.tuple(
          opt('type', fc.oneof(fc.constantFrom(...TYPES), fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 3 }))),
          opt('const', json(2)),
          opt('enum', fc.oneof(fc.array(json(1), { maxLength: 4 }), fc.array(json(0), { minLength: 9, maxLength: 14 }))),
          opt('minimum', num),
          opt('maximum', num),
          opt('exclusiveMinimum', num),
          opt('exclusiveMaximum', num),
          opt('multipleOf', fc.constantFrom(1, 2, 0.5, 0.1, 3)),
        ),
        fc.tuple(
          opt('minLength', fc.nat(3)),
          opt('maxLength', fc.nat(3)),
          opt('pattern', fc.constantFrom(...PATTERNS)),
          opt('format', fc.constantFrom(...FORMATS)),
          opt('items', sub),
          opt('minItems', fc.nat(3)),
          opt('maxItems', fc.nat(3)),
          opt('uniqueItems', fc.boolean()),
        ),
        fc.tuple(
          opt('properties', fc.array(fc.tuple(key, sub), { maxLength: 3 }).map(toObject)),
          opt('required', fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 3 })),
          opt('additionalProperties', sub),
          opt('patternProperties', fc.array(fc.tuple(fc.constantFrom(...PATTERNS), sub), { maxLength: 2 }).map(toObject)),
          opt('minProperties', fc.nat(3)),
          opt('maxProperties', fc.nat(3)),
        ),
        fc.tuple(
          opt('allOf', fc.array(sub, { minLength: 1, maxLength: 2 })),
          opt('anyOf', fc.array(sub, { minLength: 1, maxLength: 2 })),
          opt('oneOf', fc.array(sub, { minLength: 1, maxLength: 2 })),
          opt('not', sub),
          refs ? opt('$ref', fc.constantFrom('#', '#/$defs/a', '#/definitions/b~1c')) : fc.constant(null),
          opt('description', fc.string({ maxLength: 3 })),
        ),
      )
      .map(([a, b, c, d]) => schemaObject([...a, ...b, ...c, ...d]))
    return { schema: fc.oneof({ maxDepth: 3, depthSize: 'small' }, fc.boolean(), body) as fc.Arbitrary<JsonSchema> }
  })
  if (!refs) return schema
  return fc.tuple(schema, schema, schema).map(([root, a, b]) => {
    if (typeof root === 'boolean') return root
    return toObject([...Object.entries(root), ['$defs', { a }], ['definitions', { 'b/c': b }]]) as JsonSchema
  })
}

/** Hostile values: NaN, ±Infinity, -0, lone surrogates, sparse arrays, null-prototype objects, deep nesting. */
export function valueArb(): fc.Arbitrary<unknown> {
  const hostileLeaf = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, undefined, 2 ** 53, 1e308, -1e-7)
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { maxDepth: 4, depthSize: 'small' },
      { weight: 4, arbitrary: fc.oneof(json(0), hostileLeaf, fc.string({ maxLength: 4, unit: 'binary' })) },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
      {
        weight: 1,
        arbitrary: fc.array(tie('value'), { maxLength: 3 }).map((a) => {
          const s = [...a]
          s.length += 2
          return s
        }),
      },
      { weight: 2, arbitrary: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(toObject) },
      {
        weight: 1,
        arbitrary: fc.array(fc.tuple(key, tie('value')), { maxLength: 3 }).map((e) => Object.assign(Object.create(null), toObject(e))),
      },
    ),
  }))
  return fc.oneof({ weight: 9, arbitrary: value }, { weight: 1, arbitrary: fc.nat(8).map(nest) })
}

function nest(n: number): unknown {
  let v: unknown = 'leaf'
  for (let i = 0; i < n; i++)
    v =
      i % 2 === 0
        ? toObject([
            ['a', v],
            ['b', [v]],
          ])
        : [v, { a: v }]
  return v
}

/**
 * Objects built from the keys a schema names (`required`, `properties`), so closed shapes and
 * required-but-undeclared keys meet values that have exactly those keys, which random keys
 * almost never produce.
 */
export function shapedValueArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (typeof schema !== 'object' || schema === null) return valueArb()
  const s = schema as { required?: unknown; properties?: unknown }
  const named = [
    ...(Array.isArray(s.required) ? (s.required as string[]) : []),
    ...(typeof s.properties === 'object' && s.properties !== null ? Object.keys(s.properties) : []),
  ]
  if (named.length === 0) return valueArb()
  return fc
    .tuple(fc.subarray([...new Set(named)]), fc.option(key, { freq: 3, nil: undefined }))
    .chain(([keys, extra]) =>
      fc.tuple(...[...keys, ...(extra === undefined ? [] : [extra])].map((k) => fc.tuple(fc.constant(k), valueArb()))),
    )
    .map(toObject)
}

/**
 * Object schemas with only the object keywords and simple member schemas: here most values pass
 * every other keyword, so a wrong `properties`/`required`/`additionalProperties` decision shows.
 */
export function objectSchemaArb(): fc.Arbitrary<JsonSchema> {
  const member = fc.oneof(fc.boolean(), fc.constantFrom<JsonSchema>({ type: 'string' }, { type: 'integer' }, {}, { not: {} }))
  return fc
    .tuple(
      opt('type', fc.constant('object')),
      opt('properties', fc.array(fc.tuple(key, member), { maxLength: 3 }).map(toObject)),
      opt('required', fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 3 })),
      opt('additionalProperties', member),
      opt('patternProperties', fc.array(fc.tuple(fc.constantFrom(...PATTERNS), member), { maxLength: 2 }).map(toObject)),
    )
    .map((entries) => schemaObject(entries))
}

/**
 * One keyword family per schema (arrays, numbers, strings, combinators) over simple members, for
 * the same reason as objectSchemaArb: values pass the other keywords often enough to matter.
 */
export function familySchemaArb(): fc.Arbitrary<JsonSchema> {
  const member = fc.oneof(
    fc.boolean(),
    fc.constantFrom<JsonSchema>(
      { type: 'string' },
      { type: 'integer' },
      { type: 'object' },
      {},
      { minimum: 0 },
      { enum: [1, 'a', null] },
      { const: 'a' },
    ),
  )
  const arrays = fc.tuple(
    opt('type', fc.constant('array')),
    opt('items', member),
    opt('minItems', fc.nat(3)),
    opt('maxItems', fc.nat(3)),
    opt('uniqueItems', fc.boolean()),
  )
  const numbers = fc.tuple(
    opt('type', fc.constantFrom('number', 'integer')),
    opt('minimum', num),
    opt('maximum', num),
    opt('exclusiveMinimum', num),
    opt('exclusiveMaximum', num),
    opt('multipleOf', fc.constantFrom(1, 2, 0.5, 0.1, 3)),
  )
  const strings = fc.tuple(
    opt('type', fc.constant('string')),
    opt('minLength', fc.nat(3)),
    opt('maxLength', fc.nat(3)),
    opt('pattern', fc.constantFrom(...PATTERNS)),
    opt('format', fc.constantFrom(...FORMATS)),
  )
  const combinators = fc.tuple(
    opt('allOf', fc.array(member, { minLength: 1, maxLength: 3 })),
    opt('anyOf', fc.array(member, { minLength: 1, maxLength: 3 })),
    opt('oneOf', fc.array(member, { minLength: 1, maxLength: 3 })),
    opt('not', member),
  )
  return fc.oneof(arrays, numbers, strings, combinators).map((entries) => schemaObject(entries as Array<[string, unknown] | null>))
}
/** Plain JSON values (what JSON.parse returns), for comparing with implementations that assume them. */
export const jsonValueArb = (): fc.Arbitrary<unknown> => json(3)
