// The outbound encoders, generated and interpreted: for every value the schema's validator
// accepts, both write the same text, which parses to the JSON value JSON.stringify gives (key
// order aside), or both give undefined exactly where JSON.stringify cannot write the value. Property tests over random schemas of the
// subset and over schemas of the shapes the encoder writes itself (closed objects, arrays,
// scalars, nullables), then the hostile cases by hand.
// Seed: OPENWS_FC_SEED=<n> to replay.
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateEncoder } from '../../src/runtime/codegen/encoder'
import { interpretEncoder } from '../../src/runtime/interpret/encoder'
import type { JsonSchema } from '../../src/runtime/ir/types'
import { compileGenerated } from './compile-source'
import { KEYS, schemaArb, valueArb } from './arbitraries'

const SEED = process.env.OPENWS_FC_SEED !== undefined ? Number(process.env.OPENWS_FC_SEED) : Date.now() ^ (Math.random() * 0x7fffffff)

type Encoder = (payload: unknown) => string | undefined

/** TEST ONLY: evaluates generated encoder source (src/runtime never does this). */
function generated(schema: JsonSchema): Encoder {
  return new Function(`return ${generateEncoder(schema).source}`)() as Encoder
}

/** Both encoders of a schema, checked against each other on every call: the text must be identical. */
function compileEncoder(schema: JsonSchema): Encoder {
  const gen = generated(schema)
  const interp = interpretEncoder(schema)
  return (value) => {
    const a = gen(value)
    const b = interp(value)
    if (a !== b) throw new Error(`generated and interpreted encoders differ:\ngenerated   ${a}\ninterpreted ${b}`)
    return a
  }
}

/** What JSON.stringify writes, as a JSON value; undefined when it writes nothing or throws. */
function reference(value: unknown): unknown {
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch {
    return undefined
  }
  return text === undefined ? undefined : JSON.parse(text)
}

/** Checks one accepted value; returns whether the encoder wrote the text itself. */
function agree(encode: Encoder, value: unknown): boolean {
  const text = encode(value)
  const expected = reference(value)
  if (text === undefined) {
    if (expected !== undefined) throw new Error(`encoder gave undefined, JSON.stringify ${JSON.stringify(expected)}`)
    return false
  }
  const actual = JSON.parse(text) as unknown
  if (!isDeepStrictEqual(actual, expected)) throw new Error(`encoder wrote ${text}, JSON.stringify ${JSON.stringify(expected)}`)
  return true
}

function own(entries: Array<[string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {}
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}

interface Shape {
  schema: JsonSchema
  value: fc.Arbitrary<unknown>
  /** The schema accepts undefined (so an array of it may have holes). */
  any?: boolean
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 6, unit: 'binary' }),
  fc.constantFrom('\ud800', '\udc00x', '\u2028\u2029', '"\\', '\u0000\u001f', '😀'),
)
const anything = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(undefined, () => 1, Symbol('s'), -0),
)

const leaves: Shape[] = [
  { schema: { type: 'string' }, value: hostileString },
  { schema: { type: 'string', enum: ['a', '\u2028', '"'] }, value: fc.constantFrom('a', '\u2028', '"') },
  { schema: { type: 'integer' }, value: fc.oneof(fc.integer(), fc.constantFrom(-0, 2 ** 53, 1e21, -1e300)) },
  {
    schema: { type: 'number', minimum: -10 },
    value: fc.oneof(fc.double({ min: -10, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 5e-324, 1e-7)),
  },
  { schema: { type: 'boolean' }, value: fc.boolean() },
  { schema: { type: 'null' }, value: fc.constant(null) },
  { schema: {}, value: anything, any: true },
  { schema: true, value: anything, any: true },
  { schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, value: fc.oneof(fc.string(), fc.integer()) },
]

/** The schema's type or null (null joins an enum too). */
function orNull(schema: Record<string, unknown>): JsonSchema {
  const out: Record<string, unknown> = { ...schema, type: [schema.type, 'null'] }
  if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null]
  return out
}

function shapeArb(depth: number): fc.Arbitrary<Shape> {
  const leaf = fc.constantFrom(...leaves)
  if (depth <= 0) return leaf
  const inner = shapeArb(depth - 1)
  const object = fc
    .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), inner, fc.boolean()), { maxLength: 4, selector: ([k]) => k })
    .map((props): Shape => ({
      schema: own([
        ['type', 'object'],
        ['properties', own(props.map(([k, s]) => [k, s.schema]))],
        ['required', props.filter(([, , r]) => r).map(([k]) => k)],
        ['additionalProperties', false],
      ]),
      value: fc
        .tuple(
          ...props.map(([k, s, required]) =>
            required
              ? s.value.map((v) => [[k, v]])
              : fc.option(
                  s.value.map((v) => [[k, v]]),
                  { nil: [] },
                ),
          ),
        )
        .map((parts) => own((parts as Array<Array<[string, unknown]>>).flat())),
    }))
  const array = inner.map((s): Shape => ({
    schema: { type: 'array', items: s.schema, maxItems: 5 },
    value:
      s.any !== true
        ? fc.array(s.value, { maxLength: 5 })
        : fc.oneof(
            fc.array(s.value, { maxLength: 5 }),
            fc.array(s.value, { maxLength: 2 }).map((a) => {
              const x = [...a]
              x.length += 1
              return x
            }),
          ),
  }))
  const nullable = inner
    .filter((s) => typeof s.schema === 'object' && typeof s.schema.type === 'string' && s.schema.type !== 'null')
    .map((s): Shape => ({
      schema: orNull(s.schema as Record<string, unknown>),
      value: fc.oneof(s.value, fc.constant(null)),
    }))
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 3, arbitrary: object },
    { weight: 2, arbitrary: array },
    { weight: 1, arbitrary: nullable },
  )
}

/** fc.assert with this run's seed, printed on failure so the run can be replayed. */
function assertWithSeed(property: fc.IProperty<unknown>, numRuns: number): void {
  try {
    fc.assert(property, { seed: SEED, numRuns, endOnFailure: true })
  } catch (e) {
    console.log(`encoder test failed; replay with OPENWS_FC_SEED=${SEED}`)
    throw e
  }
}

describe('generated encoders', () => {
  it(`write what JSON.stringify writes, for accepted values of random schemas (seed ${SEED})`, () => {
    let accepted = 0
    let written = 0
    assertWithSeed(
      fc.property(fc.oneof(schemaArb(false), schemaArb(true)), fc.array(valueArb(), { minLength: 20, maxLength: 20 }), (schema, values) => {
        let validate
        try {
          validate = compileGenerated(schema)
        } catch {
          return // outside the subset: never reaches an encoder
        }
        const encode = compileEncoder(schema)
        for (const v of values) {
          if (!validate.is(v)) continue
          accepted++
          if (agree(encode, v)) written++
        }
      }),
      1500,
    )
    expect(accepted).toBeGreaterThan(1000)
    expect(written).toBeGreaterThan(accepted / 2)
  }, 120_000)

  it(`write what JSON.stringify writes, for values of the shapes they write themselves (seed ${SEED})`, () => {
    let cases = 0
    let written = 0
    assertWithSeed(
      fc.property(
        shapeArb(3).chain((s) => fc.tuple(fc.constant(s.schema), fc.array(s.value, { minLength: 10, maxLength: 10 }))),
        ([schema, values]) => {
          const validate = compileGenerated(schema)
          const encode = compileEncoder(schema)
          for (const v of values) {
            // The generator builds valid values by construction; the validator must agree.
            if (!validate.is(v)) throw new Error(`generated value rejected: ${String(JSON.stringify(v))}`)
            cases++
            if (agree(encode, v)) written++
          }
        },
      ),
      3000,
    )
    console.log(
      `encoders: ${cases} valid values, ${written} written as text (the rest cannot be written by JSON.stringify either), seed ${SEED}`,
    )
    expect(cases).toBe(30_000)
    expect(written).toBeGreaterThan(cases * 0.9)
  }, 120_000)

  it('write keys as data: __proto__, quotes, backslashes, line separators and lone surrogates', () => {
    const keys = ['__proto__', 'constructor', 'q"uote', 'back\\slash', 'new\nline', 'sep\u2028', '\ud800', '"); throw 1; ("', '']
    const schema = own([
      ['type', 'object'],
      ['properties', own(keys.map((k) => [k, { type: 'string' }]))],
      ['required', keys],
      ['additionalProperties', false],
    ])
    const source = generateEncoder(schema).source
    expect(source).not.toContain('\u2028')
    const value = own(keys.map((k) => [k, k]))
    const text = compileEncoder(schema)(value)!
    expect(text).toBe(JSON.stringify(value))
    expect(Object.getPrototypeOf(JSON.parse(text))).toBe(Object.prototype)
    expect(Object.keys(JSON.parse(text))).toEqual(keys)
  })

  it('write closed shapes in schema order, leaving out absent and unwritable properties', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { a: { type: 'integer' }, any: {}, b: { type: ['string', 'null'] }, list: { type: 'array', items: {} } },
      required: ['b'],
      additionalProperties: false,
    }
    const encode = compileEncoder(schema)
    expect(encode({ b: null })).toBe('{"b":null}')
    // eslint-disable-next-line no-sparse-arrays -- a hole is one of the cases
    expect(encode({ list: [1, , undefined, () => 1], b: 'x', a: -0 })).toBe('{"a":0,"b":"x","list":[1,null,null,null]}')
    expect(encode({ any: () => 1, b: 'x' })).toBe('{"b":"x"}')
    expect(encode({ any: undefined, b: 'x', a: 1 })).toBe('{"a":1,"b":"x"}')
  })

  it('give undefined where JSON.stringify throws or writes nothing, so the runtime reports it', () => {
    const open = compileEncoder({ type: 'object', properties: { x: {} }, additionalProperties: false })
    expect(open({ x: 1n })).toBeUndefined()
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(open({ x: cycle })).toBeUndefined()
    expect(compileEncoder({})(undefined)).toBeUndefined()
    expect(compileEncoder({})(() => 1)).toBeUndefined()
    // A getter that throws on the second read (the validator read it once).
    let reads = 0
    const flaky = Object.defineProperty({}, 'x', {
      enumerable: true,
      get: () => {
        if (++reads > 1) throw new Error('gone')
        return 1
      },
    })
    const integers: JsonSchema = { type: 'object', properties: { x: { type: 'integer' } }, additionalProperties: false }
    expect(compileGenerated(integers).is(flaky)).toBe(true)
    expect(compileEncoder(integers)(flaky)).toBeUndefined()
  })

  it('write the values the validator checked, not what toJSON would return', () => {
    const schema: JsonSchema = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false }
    const value = { id: 'a', toJSON: undefined as unknown }
    Object.defineProperty(value, 'toJSON', { value: () => ({ id: 'forged', admin: true }), enumerable: false })
    expect(compileGenerated(schema).is(value)).toBe(true)
    expect(compileEncoder(schema)(value)).toBe('{"id":"a"}')
  })
})
