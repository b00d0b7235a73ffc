// Hostile values, each decided and documented in src/runtime/validate/index.ts, identical in both paths.
import { describe, expect, it } from 'vitest'
import { interpret } from '../../src/runtime/interpret/index'
import type { JsonSchema } from '../../src/runtime/ir/types'
import type { Validator, ValidatorOptions } from '../../src/runtime/validate/types'
import { compileGenerated } from './compile-source'

const PATHS: Record<string, (s: JsonSchema, o?: ValidatorOptions) => Validator> = { generated: compileGenerated, interpreted: interpret }

function deepObject(n: number): unknown {
  let v: unknown = {}
  for (let i = 0; i < n; i++) v = { next: v }
  return v
}
function deepArray(n: number): unknown {
  let v: unknown = []
  for (let i = 0; i < n; i++) v = [v]
  return v
}
function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    Object.freeze(x)
    for (const v of Object.values(x)) deepFreeze(v)
  }
  return x
}

for (const [name, make] of Object.entries(PATHS)) {
  describe(`${name} validator on hostile values`, () => {
    const linked = make({ $defs: { n: { type: 'object', properties: { next: { $ref: '#/$defs/n' } } } }, $ref: '#/$defs/n' })

    it('reports depth instead of overflowing the stack (default maxDepth 64)', () => {
      // deepObject(n): the innermost object sits at depth n; members at depth > 64 are never visited.
      expect(linked.is(deepObject(63))).toBe(true)
      expect(linked.explain(deepObject(64), 5)).toEqual([{ path: '/next'.repeat(64), code: 'depth', expected: 64, received: undefined }])
      const huge = deepObject(200_000)
      expect(linked.is(huge)).toBe(false)
      const issues = linked.explain(huge, 5)
      expect(issues).toHaveLength(1)
      expect(issues[0]).toMatchObject({ code: 'depth', expected: 64, path: '/next'.repeat(64) })
    })

    it('honours a custom maxDepth', () => {
      const v = make({ items: { items: { items: true, type: 'array' } } }, { maxDepth: 1 })
      expect(v.explain([[[1]]], 5)).toEqual([{ path: '/0', code: 'depth', expected: 1, received: undefined }])
      expect(make({ items: { type: 'array' } }, { maxDepth: 0 }).explain([[]], 5)).toEqual([
        { path: '', code: 'depth', expected: 0, received: undefined },
      ])
    })

    it('never recurses on the value in enum, const and uniqueItems', () => {
      const deep = deepArray(200_000)
      expect(make({ const: [[1]] }).is(deep)).toBe(false)
      expect(make({ enum: [[[]], { a: 1 }] }).is(deep)).toBe(false)
      const unique = make({ uniqueItems: true })
      expect(unique.is([deep, deep])).toBe(false)
      expect(unique.explain([1, deep], 5)).toEqual([{ path: '', code: 'depth', expected: 64, received: undefined }])
      expect(unique.explain([{ a: [1] }, { a: [1] }], 5)).toEqual([{ path: '', code: 'uniqueItems', expected: true, received: 1 }])
    })

    it('uniqueItems on a large array of objects is not quadratic', () => {
      const items = Array.from({ length: 50_000 }, (_, i) => ({ id: i, tags: [String(i)] }))
      expect(make({ uniqueItems: true }).is(items)).toBe(true)
      expect(make({ uniqueItems: true }).explain([...items, { tags: ['7'], id: 7 }], 3)).toEqual([
        { path: '', code: 'uniqueItems', expected: true, received: 50_000 },
      ])
    })

    it('caps issues at maxIssues on huge payloads', () => {
      const big: Record<string, number> = {}
      for (let i = 0; i < 100_000; i++) big['k' + i] = i
      const strict = make({ type: 'object', additionalProperties: false })
      expect(strict.explain(big, 3)).toEqual([
        { path: '/k0', code: 'additionalProperties', expected: false, received: undefined },
        { path: '/k1', code: 'additionalProperties', expected: false, received: undefined },
        { path: '/k2', code: 'additionalProperties', expected: false, received: undefined },
      ])
      expect(make({ items: { type: 'string' } }).explain(new Array(1_000_000).fill(0), 2)).toHaveLength(2)
      // maxIssues below 1 or fractional still reports the first issue.
      expect(strict.explain({ a: 1 }, 0)).toHaveLength(1)
      expect(strict.explain({ a: 1, b: 2 }, 1.9)).toHaveLength(1)
    })

    it('huge strings: maxLength decides from the UTF-16 length when it can', () => {
      const s = 'x'.repeat(10_000_000)
      expect(make({ maxLength: 5 }).is(s)).toBe(false)
      expect(make({ minLength: 5 }).is(s)).toBe(true)
      expect(make({ maxLength: 5 }).explain(s, 1)).toEqual([{ path: '', code: 'maxLength', expected: 5, received: 10_000_000 }])
    })

    it('treats __proto__, constructor and prototype as data keys, own properties only', () => {
      // JSON.parse: in an object literal "__proto__" would set the prototype instead of a key.
      const v = make(
        JSON.parse(
          '{"type": "object", "required": ["__proto__", "constructor"], "properties": {"__proto__": {"type": "string"}, "constructor": {"type": "integer"}, "prototype": {"type": "integer"}}, "additionalProperties": false}',
        ),
      )
      expect(v.is(JSON.parse('{"__proto__": "x", "constructor": 1}'))).toBe(true)
      expect(v.is(JSON.parse('{"__proto__": 1, "constructor": 1}'))).toBe(false)
      expect(v.explain({}, 5)).toEqual([
        { path: '/__proto__', code: 'required', expected: undefined, received: undefined },
        { path: '/constructor', code: 'required', expected: undefined, received: undefined },
      ])
      expect(v.explain(JSON.parse('{"__proto__": "x", "constructor": 1, "prototype": "p"}'), 5)).toEqual([
        { path: '/prototype', code: 'type', expected: 'integer', received: 'string' },
      ])
    })

    it('a polluted prototype never satisfies required or properties', () => {
      const v = make({ type: 'object', required: ['polluted'], properties: { polluted: { type: 'string' } } })
      const proto = Object.prototype as Record<string, unknown>
      proto.polluted = 'yes'
      try {
        expect(v.is({})).toBe(false)
        expect(v.is(Object.create({ polluted: 1 }))).toBe(false)
        expect(make({ additionalProperties: false }).is({})).toBe(true)
        // explain() proves ownership its own (cheaper) way: the same answers.
        const codes = (x: unknown) => v.explain(x, 5).map((i) => [i.path, i.code])
        expect(codes({})).toEqual([['/polluted', 'required']])
        expect(codes(Object.create({ polluted: 1 }))).toEqual([['/polluted', 'required']])
        expect(codes({ polluted: 2 })).toEqual([['/polluted', 'type']])
        expect(codes({ polluted: 's' })).toEqual([])
      } finally {
        delete proto.polluted
      }
    })

    it('open shapes: an inherited value is ignored, an own undefined is validated', () => {
      const v = make({ type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } } })
      expect(v.is({ a: 's' })).toBe(true)
      expect(v.is({ a: 's', b: undefined })).toBe(false)
      expect(v.is({ a: undefined })).toBe(false)
      expect(v.is(Object.create({ b: 'not an integer' }, { a: { value: 's', enumerable: true } }))).toBe(true)
      expect(v.is(Object.create({ a: 's' }))).toBe(false)
      const proto = Object.prototype as Record<string, unknown>
      proto.b = 'not an integer'
      try {
        expect(v.is({ a: 's' })).toBe(true)
        expect(v.is({ a: 's', b: 1 })).toBe(true)
        expect(v.is({ a: 's', b: 'x' })).toBe(false)
        expect(v.explain({ a: 's' }, 5)).toEqual([])
        expect(v.explain({ a: 's', b: 'x' }, 5).map((i) => [i.path, i.code])).toEqual([['/b', 'type']])
      } finally {
        delete proto.b
      }
      expect(make({ type: 'object', required: ['a'] }).is({ a: undefined })).toBe(true)
      expect(make({ type: 'object', properties: { a: {} } }).is(Object.create({ a: 1 }))).toBe(true)
    })

    it('objects: any non-null non-array object; own enumerable keys count', () => {
      const v = make({ type: 'object', properties: { a: { type: 'integer' } }, additionalProperties: false })
      class Point {
        a = 1
      }
      expect(v.is(new Point())).toBe(true)
      expect(v.is(Object.assign(Object.create(null), { a: 1 }))).toBe(true)
      expect(v.is(new Date())).toBe(true)
      expect(v.is([])).toBe(false)
      expect(v.is(null)).toBe(false)
      const hidden = {}
      Object.defineProperty(hidden, 'b', { value: 1, enumerable: false })
      expect(v.is(hidden)).toBe(true)
    })

    it('getters are invoked when read; a throwing getter propagates', () => {
      let reads = 0
      const v = make({ properties: { a: { type: 'string' } } })
      expect(
        v.is({
          get a() {
            reads++
            return 's'
          },
        }),
      ).toBe(true)
      // Documented: a getter may be read more than once (the generated fast path reads, then validates).
      // One on a prototype other than Object.prototype may be called; its value never counts.
      expect(reads).toBeGreaterThanOrEqual(1)
      expect(reads).toBeLessThanOrEqual(2)
      expect(() =>
        v.is({
          get a() {
            throw new Error('boom')
          },
        }),
      ).toThrow('boom')
    })

    it('NaN and Infinity are not numbers; -0 is an integer equal to 0', () => {
      const n = make({ type: 'number' })
      for (const x of [NaN, Infinity, -Infinity]) expect(n.is(x)).toBe(false)
      expect(n.explain(NaN, 1)).toEqual([{ path: '', code: 'type', expected: 'number', received: 'NaN' }])
      expect(make({ type: 'integer' }).is(-0)).toBe(true)
      expect(make({ const: 0 }).is(-0)).toBe(true)
      expect(make({ enum: [[0]] }).is([-0])).toBe(true)
      expect(make({ uniqueItems: true }).is([0, -0])).toBe(false)
      expect(make({ minimum: 0 }).is(NaN)).toBe(false)
      expect(make({ maximum: 10 }).is(Infinity)).toBe(false)
      expect(make({ multipleOf: 2 }).is(Infinity)).toBe(false)
    })

    it('lone surrogates count as one code point and fail formats', () => {
      expect(make({ maxLength: 2 }).is('\ud800\ud800')).toBe(true)
      expect(make({ maxLength: 1 }).is('\ud800\ud800')).toBe(false)
      expect(make({ maxLength: 1 }).is('😀')).toBe(true)
      expect(make({ minLength: 2 }).is('😀')).toBe(false)
      expect(make({ minLength: 2 }).explain('😀', 1)).toEqual([{ path: '', code: 'minLength', expected: 2, received: 1 }])
      for (const f of ['email', 'uuid', 'date', 'uri']) expect(make({ format: f }).is('\ud800')).toBe(false)
    })

    it('sparse arrays: holes are undefined', () => {
      const holes = [1, , 3] // eslint-disable-line no-sparse-arrays
      expect(make({ items: { type: 'integer' } }).explain(holes, 5)).toEqual([
        { path: '/1', code: 'type', expected: 'integer', received: 'undefined' },
      ])
      expect(make({ items: true, minItems: 3 }).is(holes)).toBe(true)
    })

    it('never mutates the value and never writes defaults', () => {
      const v = make({
        type: 'object',
        properties: { a: { default: 1 }, b: { type: 'array', items: { default: 2, type: 'object', properties: { c: { default: 3 } } } } },
      })
      const value = deepFreeze({ b: [{}] })
      expect(v.is(value)).toBe(true)
      expect(v.explain(value, 5)).toEqual([])
      expect(value).toEqual({ b: [{}] })
    })

    it('escapes JSON Pointer tokens in paths', () => {
      const v = make({ properties: { 'a/b~c': { type: 'string' } }, additionalProperties: { type: 'string' } })
      expect(v.explain({ 'a/b~c': 1, 'x/~': 2 }, 5).map((i) => i.path)).toEqual(['/a~1b~0c', '/x~1~0'])
    })
  })
}
