// Everything S emits is a valid schema, with the same meaning, in draft-07 and in 2020-12:
// both ajv dialects compile every output in strict mode (unknown keywords are errors) and
// agree on sample data.
import Ajv from 'ajv'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { S, type SchemaBuilder } from '../../src/runtime/schema/index'

const options = { strict: true, allowUnionTypes: true, allErrors: true } as const
const draft07 = addFormats(new Ajv(options))
const draft2020 = addFormats(new Ajv2020(options))

const ALLOWED = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minProperties',
  'maxProperties',
  'anyOf',
  'description',
  'default',
])

/** Keywords used anywhere in a schema (walks subschemas only, not data like enum values or property maps). */
function keywords(schema: unknown, out = new Set<string>()): Set<string> {
  if (typeof schema !== 'object' || schema === null) return out
  for (const [key, value] of Object.entries(schema)) {
    out.add(key)
    if (key === 'properties' || key === 'patternProperties') for (const sub of Object.values(value as object)) keywords(sub, out)
    if (key === 'items' || key === 'additionalProperties') keywords(value, out)
    if (key === 'anyOf') for (const sub of value as unknown[]) keywords(sub, out)
  }
  return out
}

const catalogue: Array<[string, SchemaBuilder<any>, unknown[], unknown[]]> = [
  [
    'str',
    S.str
      .min(1)
      .max(5)
      .pattern(/^[a-z]+$/u)
      .desc('d')
      .default('ab'),
    ['abc'],
    ['', 'ABC', 'abcdef', 1],
  ],
  ['format', S.str.format('uuid'), ['3f2504e0-4f89-11d3-9a0c-0305e82c3301'], ['nope']],
  ['str enum', S.str.enum('a', 'b'), ['a'], ['c']],
  ['int', S.int.min(0).max(10).multipleOf(2), [0, 4, 10], [1, -2, 12, 2.5]],
  ['num', S.num.exclusiveMin(0).exclusiveMax(1), [0.5], [0, 1]],
  ['num enum', S.num.enum(0.5, 1), [1], [2]],
  ['bool', S.bool.default(true), [false], ['true']],
  ['null', S.null, [null], [0]],
  ['any', S.any, [1, 'x', null, {}], []],
  ['obj', S.obj({ a: S.str, b: S.int.optional() }), [{ a: 'x' }, { a: 'x', b: 1 }], [{}, { a: 'x', c: 1 }, { b: 1 }]],
  // No "__proto__" rows: ajv 8 mishandles that property name (an own "__proto__" key counts as
  // additional, and required: ["__proto__"] is satisfied by {} through Object.prototype).
  ['obj loose', S.obj({ a: S.str }).loose().min(1).max(2), [{ a: 'x', z: 1 }], [{ a: 'x', y: 1, z: 1 }]],
  ['arr', S.arr(S.int).min(1).max(3).unique(), [[1, 2]], [[], [1, 1], [1, 2, 3, 4]]],
  ['map', S.map.value(S.int).min(1), [{ x: 1 }], [{}, { x: 'a' }]],
  ['map keys', S.map.keyPattern('^[a-z]+$').value(S.bool).max(2), [{ ab: true }], [{ AB: true }, { a: 1 }]],
  ['enum', S.enum('a', 1, null, { k: [1] }), ['a', null, { k: [1] }], ['b', { k: [2] }]],
  ['const', S.const({ v: 1 }), [{ v: 1 }], [{ v: 2 }]],
  ['union', S.union(S.str, S.obj({ n: S.int })), ['x', { n: 1 }], [1, { n: 'x' }]],
  ['nullable', S.nullable(S.obj({ a: S.str })), [null, { a: 'x' }], [{}, 1]],
  ['nullable enum', S.nullable(S.str.enum('a')), [null, 'a'], ['b']],
  ['nullable any', S.nullable(S.int.min(1)), [null, 1], [0]],
]

describe.each(catalogue)('%s', (_name, builder, valid, invalid) => {
  const schema = builder.jsonSchema()

  it('uses only keywords of the shared subset', () => {
    for (const key of keywords(schema)) expect(ALLOWED.has(key), key).toBe(true)
  })

  it('compiles in strict draft-07 and 2020-12 and both agree', () => {
    const v07 = draft07.compile(schema)
    const v2020 = draft2020.compile(builder.jsonSchema())
    for (const value of valid) {
      expect(v07(value), JSON.stringify(value)).toBe(true)
      expect(v2020(value), JSON.stringify(value)).toBe(true)
    }
    for (const value of invalid) {
      expect(v07(value), JSON.stringify(value)).toBe(false)
      expect(v2020(value), JSON.stringify(value)).toBe(false)
    }
  })
})
