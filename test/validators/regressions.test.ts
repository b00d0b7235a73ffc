// One test per bug found (ajv style), each checked on both paths.
import { describe, expect, it } from 'vitest'
import { interpret } from '../../src/runtime/interpret/index'
import { codePointLength } from '../../src/runtime/validate/helpers'
import { compileGenerated } from './compile-source'

describe('regressions', () => {
  // Found by the differential test: in a $ref'd function the uniqueItems depth budget was emitted as
  // `max - 1 - d + 1` (missing parentheses) instead of `max - 1 - (d + 1)`.
  it('uniqueItems depth budget inside a $ref target', () => {
    const schema = { $defs: { a: { items: { uniqueItems: true } } }, $ref: '#/$defs/a' }
    for (const v of [compileGenerated(schema, { maxDepth: 3 }), interpret(schema, { maxDepth: 3 })]) {
      expect(v.explain([[[[1]]]], 5)).toEqual([{ path: '/0', code: 'depth', expected: 3, received: undefined }])
      expect(v.is([[[1]]])).toBe(true)
    }
  })

  // Found by the differential test's object-keyword schemas: in 'is' mode the additionalProperties
  // check ended with `break`, which, with no `properties` to switch on, ended the for-in loop:
  // only the first key was checked, so `S.map.value(S.int)` accepted `{a: 1, b: "x"}`.
  it('additionalProperties with no properties checks every key, not only the first', () => {
    const schema = { type: 'object', additionalProperties: { type: 'integer' } }
    for (const v of [compileGenerated(schema), interpret(schema)]) {
      expect(v.is({ a: 1, b: 2, c: 3 })).toBe(true)
      expect(v.is({ a: 1, b: 'x' })).toBe(false)
      expect(v.is({ a: 1, b: 2, c: null })).toBe(false)
      expect(v.explain({ a: 1, b: 'x' }, 5)).toEqual([{ path: '/b', code: 'type', expected: 'integer', received: 'string' }])
    }
  })

  // Found with the one above: a required key that `properties` does not name is still an
  // additional property, but the one-pass key loop marked it present and skipped it.
  it('a required key not named in properties meets additionalProperties', () => {
    const closed = { type: 'object', required: ['a'], additionalProperties: false }
    const typed = { type: 'object', required: ['a'], properties: { b: {} }, additionalProperties: { type: 'string' } }
    for (const v of [compileGenerated(closed), interpret(closed)]) {
      expect(v.is({ a: 1 })).toBe(false)
      expect(v.is({})).toBe(false)
      expect(v.explain({ a: 1 }, 5)).toEqual([{ path: '/a', code: 'additionalProperties', expected: false, received: undefined }])
    }
    for (const v of [compileGenerated(typed), interpret(typed)]) {
      expect(v.is({ a: 'x', b: 1 })).toBe(true)
      expect(v.is({ a: 1, b: 1 })).toBe(false)
      expect(v.is({ b: 1 })).toBe(false)
    }
  })
})

describe('large enums', () => {
  it('use a set lookup with the same semantics as ===', () => {
    const values = [...Array.from({ length: 20 }, (_, i) => 'v' + i), 0, null, true]
    for (const v of [compileGenerated({ enum: values }), interpret({ enum: values })]) {
      expect(v.is('v19')).toBe(true)
      expect(v.is(-0)).toBe(true)
      expect(v.is(null)).toBe(true)
      expect(v.is(NaN)).toBe(false)
      expect(v.is('v20')).toBe(false)
      expect(v.is(1)).toBe(false)
      expect(v.explain('x', 1)).toStrictEqual([{ path: '', code: 'enum', expected: values, received: 'string' }])
    }
  })
})

describe('open-shape fast path (prototype is Object.prototype)', () => {
  it('falls back to the own-key pass when Object.prototype is polluted or the prototype differs', () => {
    const schema = { type: 'object', required: ['a', 'b'], properties: { a: { type: 'string' }, b: { type: 'integer' } } }
    for (const v of [compileGenerated(schema), interpret(schema)]) {
      expect(v.is({ a: 'x', b: 1 })).toBe(true)
      expect(v.is({ a: 'x', b: undefined })).toBe(false)
      expect(v.is({ a: 'x' })).toBe(false)
      const proto = Object.prototype as Record<string, unknown>
      proto.b = 1
      try {
        expect(v.is({ a: 'x' })).toBe(false)
        expect(v.is({ a: 'x', b: 2 })).toBe(true)
      } finally {
        delete proto.b
      }
      expect(v.is(Object.create({ a: 'x', b: 1 }))).toBe(false)
      expect(v.is(Object.assign(Object.create(null), { a: 'x', b: 1 }))).toBe(true)
      const hidden = { a: 'x' }
      Object.defineProperty(hidden, 'b', { value: 3, enumerable: false })
      expect(v.is(hidden)).toBe(true)
    }
  })
})

describe('open-shape fast path and accessor pollution', () => {
  it('a getter on Object.prototype that hides from Object.prototype itself still counts as inherited', () => {
    const schema = { type: 'object', required: ['sneaky'], properties: { sneaky: { type: 'integer' } } }
    for (const v of [compileGenerated(schema), interpret(schema)]) {
      Object.defineProperty(Object.prototype, 'sneaky', {
        configurable: true,
        get(this: object) {
          return this === Object.prototype ? undefined : 1
        },
      })
      try {
        expect(v.is({})).toBe(false)
      } finally {
        delete (Object.prototype as Record<string, unknown>).sneaky
      }
    }
  })
})

describe('code point length', () => {
  it('counts from the first high surrogate on, a lone surrogate as one, as string iteration does', () => {
    const samples = [
      '',
      'abc',
      'é'.repeat(9),
      '\u{1F600}',
      'a\u{1F600}b',
      '\uDC00x\uD800',
      'x\uD800\uD800\uDC00',
      '\uDC00\uDC00',
      'ab\uD83D',
    ]
    for (const s of samples) expect([s, codePointLength(s)]).toEqual([s, Array.from(s).length])
    expect(codePointLength('x'.repeat(5000) + '\u{1F600}'.repeat(3))).toBe(5003)
  })
})
