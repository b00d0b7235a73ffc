// Random builder trees: outputs are plain JSON in the shared subset, valid in draft-07 and
// 2020-12 with the same meaning on random data, and building never mutates the parts used.
import Ajv from 'ajv'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { S, type SchemaBuilder } from '../../src/runtime/schema/index'

const options = { strict: true, allowUnionTypes: true } as const
const draft07 = addFormats(new Ajv(options))
const draft2020 = addFormats(new Ajv2020(options))

const name = fc.constantFrom('a', 'b', 'id', 'constructor', 'toString', 'x-y', '')
const leaf: fc.Arbitrary<SchemaBuilder<any>> = fc.oneof(
  fc.constant(S.str),
  fc.constant(S.int),
  fc.constant(S.num),
  fc.constant(S.bool),
  fc.constant(S.null),
  fc.constant(S.any),
  fc.tuple(fc.nat(5), fc.nat(5)).map(([a, b]) => S.str.min(Math.min(a, b)).max(Math.max(a, b))),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.nat(9)).map(([lo, span]) => S.int.min(lo).max(lo + span)),
  fc.constantFrom('^[a-z]*$', '\\d', '^$').map((p) => S.str.pattern(p)),
  fc.constantFrom('date', 'email', 'uuid', 'ipv4' as const).map((f) => S.str.format(f)),
  fc.uniqueArray(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((v) => S.str.enum(...(v as [string]))),
  fc
    .uniqueArray(fc.jsonValue({ maxDepth: 1 }), {
      minLength: 1,
      maxLength: 3,
      comparator: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    })
    .map((v) => S.enum(...(v as [null]))),
  fc.jsonValue({ maxDepth: 1 }).map((v) => S.const(v as null)),
)

const tree = fc.letrec<{ node: SchemaBuilder<any> }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('node').map((item) => S.arr(item.isOptional ? S.any : item)),
    fc
      .dictionary(name, fc.tuple(tie('node'), fc.boolean()), { maxKeys: 3 })
      .map((shape) => S.obj(Object.fromEntries(Object.entries(shape).map(([k, [v, opt]]) => [k, opt ? v.optional() : v])))),
    tie('node').map((v) => S.map.value(v.isOptional ? S.any : v)),
    fc
      .array(tie('node'), { minLength: 1, maxLength: 3 })
      .map((members) => S.union(...(members.map((m) => (m.isOptional ? S.any : m)) as [SchemaBuilder]))),
    tie('node').map((v) => S.nullable(v)),
  ),
})).node

describe('random builder trees', () => {
  it('output is plain JSON, stable, and not shared with the builder', () => {
    fc.assert(
      fc.property(tree, (builder) => {
        const json = builder.jsonSchema()
        expect(JSON.parse(JSON.stringify(json))).toEqual(json)
        expect(JSON.parse(JSON.stringify(builder))).toEqual(json)
        const before = JSON.stringify(json)
        ;(json as Record<string, unknown>).type = 'mutated'
        expect(JSON.stringify(builder.jsonSchema())).toBe(before)
      }),
      { numRuns: 200 },
    )
  })

  it('compiles in strict draft-07 and 2020-12 and both agree on random data', () => {
    // Keys that shadow Object.prototype members crash ajv's deep equality (fast-deep-equal calls
    // `a.valueOf()`), which `const` and `enum` use: ajv's bug, not a disagreement between drafts.
    const ajvSafe = fc
      .jsonValue({ maxDepth: 3 })
      .filter((v) => !/"(valueOf|toString|constructor|__proto__|hasOwnProperty)":/.test(JSON.stringify(v)))
    fc.assert(
      fc.property(tree, fc.array(ajvSafe, { maxLength: 8 }), (builder, values) => {
        const v07 = draft07.compile(builder.jsonSchema())
        const v2020 = draft2020.compile(builder.jsonSchema())
        for (const value of values) expect(v07(value)).toBe(v2020(value))
      }),
      { numRuns: 150 },
    )
  })
})
