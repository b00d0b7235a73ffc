// src/runtime/envelope/walk.ts holds the envelope validators, hand-written so that the codec (and
// so every bundle of transformed code) needs neither the interpreter nor generated code. This test
// proves they decide and explain exactly as the interpreter does on ./schema.ts, on random and
// hostile envelopes: `__proto__` and `constructor` keys, null prototypes, wrong types, extra keys,
// ids around the 128-code-point bound, `$` names, and issue limits.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ENVELOPE_SCHEMA, ERROR_ENVELOPE_SCHEMA, REPLY_ENVELOPE_SCHEMA } from '../../src/runtime/envelope/schema'
import { envelope, errorEnvelope, isId, replyEnvelope } from '../../src/runtime/envelope/walk'
import { isValidId } from '../../src/runtime/envelope/codec'
import { interpret } from '../../src/runtime/interpret/index'
import { DEFAULT_LIMITS } from '../../src/runtime/limits'
import type { Validator } from '../../src/runtime/validate/types'

const OPTIONS = { maxDepth: DEFAULT_LIMITS.maxDepth + 1 }
const SCHEMAS = [
  ['envelope', envelope, ENVELOPE_SCHEMA],
  ['replyEnvelope', replyEnvelope, REPLY_ENVELOPE_SCHEMA],
  ['errorEnvelope', errorEnvelope, ERROR_ENVELOPE_SCHEMA],
] as const

const astral = '\u{1F600}'
/** Strings around the id bound, counted in code points and in UTF-16 units. */
const ids = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    'a'.repeat(128),
    'a'.repeat(129),
    astral.repeat(64),
    astral.repeat(128),
    astral.repeat(129),
    `${astral.repeat(127)}a`,
    '\uD800'.repeat(128),
    '\uD800'.repeat(129),
    'a'.repeat(300),
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 1,
    -Number.MAX_SAFE_INTEGER,
    -0,
    1.5,
    NaN,
    Infinity,
    null,
    true,
  ),
)
const names = fc.oneof(fc.string(), fc.constantFrom('', '$', '$x', 'x$', '$error', '$reply', 'client', '\uD800', astral, 1, null))
const anyValue = fc.oneof(fc.anything(), names, ids)
const keys = fc.constantFrom(
  'fromRole',
  'messageName',
  'payload',
  'id',
  '__proto__',
  'constructor',
  'extra',
  'code',
  'message',
  'issues',
  'path',
)

/** An own-property object built with defineProperty, so `__proto__` is a plain own key. */
function own(entries: [string, unknown][], nullProto: boolean): object {
  const o = nullProto ? Object.create(null) : {}
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}
const hostileObject = (value: fc.Arbitrary<unknown>) =>
  fc.tuple(fc.array(fc.tuple(keys, value), { maxLength: 7 }), fc.boolean()).map(([entries, nullProto]) => own(entries, nullProto))

const issue = fc.oneof(
  fc.record({ path: fc.string(), code: fc.string() }),
  fc.record(
    { path: fc.oneof(fc.string(), fc.integer()), code: fc.oneof(fc.string(), fc.constant(null)), extra: fc.anything() },
    { requiredKeys: [] },
  ),
  hostileObject(fc.oneof(fc.string(), fc.anything())),
  fc.anything(),
)
const errorPayload = fc.oneof(
  fc.record(
    {
      code: fc.oneof(fc.string(), fc.integer()),
      message: fc.oneof(fc.string(), fc.integer()),
      messageName: fc.oneof(fc.string(), fc.integer()),
      id: ids,
      issues: fc.oneof(fc.array(issue, { maxLength: 4 }), fc.anything()),
      seq: fc.integer(),
    },
    { requiredKeys: [] },
  ),
  hostileObject(fc.oneof(fc.string(), ids, fc.array(issue, { maxLength: 3 }))),
  fc.anything(),
)
const frames = fc.oneof(
  fc.record(
    {
      fromRole: names,
      messageName: fc.oneof(names, fc.constantFrom('$error', '$reply')),
      payload: fc.anything(),
      id: ids,
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    { fromRole: names, messageName: fc.constantFrom('$error', '$reply', 'x'), payload: errorPayload, id: ids },
    { requiredKeys: [] },
  ),
  // Valid heads, so that the id alone decides.
  fc.record({ fromRole: fc.constant('client'), messageName: fc.constantFrom('m', '$reply'), payload: fc.anything(), id: ids }),
  hostileObject(anyValue),
  hostileObject(fc.oneof(names, ids, errorPayload)),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.anything(),
)

/** JSON text round trip: what decodeEnvelope really validates (`__proto__` becomes an own key). */
const parsed = frames.chain((v) => {
  let text: string | undefined
  try {
    text = JSON.stringify(v)
  } catch {
    text = undefined
  }
  return fc.constant(text === undefined ? v : (JSON.parse(text) as unknown))
})

function agree(walked: Validator, interpreted: Validator, value: unknown): void {
  expect(walked.is(value)).toBe(interpreted.is(value))
  for (const max of [1, 2, 10, 0]) expect(walked.explain(value, max)).toEqual(interpreted.explain(value, max))
}

describe('hand-written envelope validators', () => {
  it.each(SCHEMAS)('%s decides and explains like the interpreter', (_, walked, schema) => {
    const interpreted = interpret(schema, OPTIONS)
    fc.assert(
      fc.property(fc.oneof(frames, parsed), (value) => agree(walked, interpreted, value)),
      { numRuns: 3000 },
    )
  })

  it.each(SCHEMAS)('%s agrees on hand-picked hostile frames', (_, walked, schema) => {
    const interpreted = interpret(schema, OPTIONS)
    const base = { fromRole: 'client', payload: {} }
    const cases: unknown[] = [
      JSON.parse('{"__proto__":{"fromRole":"x","messageName":"m","payload":1},"x":1}'),
      JSON.parse('{"fromRole":"c","messageName":"m","payload":1,"__proto__":{"id":[]}}'),
      JSON.parse('{"fromRole":"c","messageName":"$error","payload":{"code":"c","message":"m","__proto__":{"issues":7}}}'),
      Object.create({ fromRole: 'c', messageName: 'm', payload: 1 }),
      { ...base, messageName: 'm', id: astral.repeat(128) },
      { ...base, messageName: 'm', id: astral.repeat(129) },
      { ...base, messageName: '$reply', id: 'a'.repeat(129) },
      { ...base, messageName: '$reply' },
      { ...base, messageName: '$error', payload: { code: 'c', message: 'm', issues: [{ path: '', code: 'x' }, { path: 1 }] } },
      { ...base, messageName: '$error', payload: { code: 'c', message: 'm', issues: Array.from({ length: 50 }, () => ({})) } },
      { fromRole: '', messageName: '', payload: undefined, id: undefined },
      { fromRole: 1, messageName: null },
      [],
      null,
      'frame',
    ]
    for (const value of cases) agree(walked, interpreted, value)
  })

  // Mutants of the real validator, each a plausible bug: the comparison must catch every one.
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const nameOk = (v: unknown) => typeof v === 'string' && v !== '' && !v.startsWith('$')
  const mutants: [string, Validator][] = [
    [
      'reads inherited properties (`in`)',
      { ...envelope, is: (v) => envelope.is(v) || (isObj(v) && nameOk(v.fromRole) && nameOk(v.messageName) && 'payload' in v) },
    ],
    [
      'counts id length in UTF-16 units',
      { ...envelope, is: (v) => envelope.is(v) && !(isObj(v) && typeof v.id === 'string' && v.id.length > 128) },
    ],
    [
      'accepts extra-long ids',
      { ...envelope, is: (v) => envelope.is(v) || (isObj(v) && typeof v.id === 'string' && envelope.is({ ...v, id: 1 })) },
    ],
    ['forgets the last issue', { ...envelope, explain: (v, max) => envelope.explain(v, max).slice(0, -1) }],
  ]
  it.each(mutants)('catches a validator that %s', (_, broken) => {
    const interpreted = interpret(ENVELOPE_SCHEMA, OPTIONS)
    expect(() =>
      fc.assert(
        fc.property(fc.oneof(frames, parsed), (value) => agree(broken, interpreted, value)),
        { numRuns: 3000 },
      ),
    ).toThrow()
  })
})

describe('ids are counted in code points everywhere', () => {
  it.each([
    ['128 ASCII characters', 'a'.repeat(128), true],
    ['129 ASCII characters', 'a'.repeat(129), false],
    ['128 astral characters (256 UTF-16 units)', astral.repeat(128), true],
    ['129 astral characters', astral.repeat(129), false],
    ['128 lone surrogates', '\uD800'.repeat(128), true],
    ['129 lone surrogates', '\uD800'.repeat(129), false],
    ['MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER, true],
    ['MAX_SAFE_INTEGER + 1', Number.MAX_SAFE_INTEGER + 1, false],
    ['1.5', 1.5, false],
    ['null', null, false],
  ] as const)('%s: valid %s', (_, id, valid) => {
    const interpreted = interpret(ENVELOPE_SCHEMA, OPTIONS)
    const frame = { fromRole: 'c', messageName: 'm', payload: 1, id }
    expect(interpreted.is(frame)).toBe(valid)
    expect(isId(id)).toBe(valid)
    expect(isValidId(id)).toBe(valid)
  })

  it('isValidId takes undefined (no id)', () => {
    expect(isValidId(undefined)).toBe(true)
  })
})
