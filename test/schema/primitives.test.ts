// Exact JSON Schema of the primitive builders and their modifiers.
import { describe, expect, it } from 'vitest'
import { S, any, bool, double, int, null_, num, str } from '../../src/runtime/schema/index'

describe('primitive builders', () => {
  it('emit one type keyword each', () => {
    expect(S.str.jsonSchema()).toEqual({ type: 'string' })
    expect(S.int.jsonSchema()).toEqual({ type: 'integer' })
    expect(S.num.jsonSchema()).toEqual({ type: 'number' })
    expect(S.double.jsonSchema()).toEqual({ type: 'number' })
    expect(S.bool.jsonSchema()).toEqual({ type: 'boolean' })
    expect(S.null.jsonSchema()).toEqual({ type: 'null' })
    expect(S.any.jsonSchema()).toEqual({})
  })

  it('are values shared with the separate exports', () => {
    expect(S.str).toBe(str)
    expect(S.int).toBe(int)
    expect(S.num).toBe(num)
    expect(S.double).toBe(double)
    expect(S.double).toBe(S.num)
    expect(S.bool).toBe(bool)
    expect(S.null).toBe(null_)
    expect(S.any).toBe(any)
  })

  it('S members cannot be replaced (S is a module namespace)', () => {
    const original = S.str
    try {
      ;(S as any).str = S.int
    } catch {
      // strict-mode TypeError in real ESM; bundlers' namespace objects use getters
    }
    expect(S.str).toBe(original)
    expect(S.str.jsonSchema()).toEqual({ type: 'string' })
  })

  it('S has exactly the documented members', () => {
    expect(Object.keys(S).sort()).toEqual([
      'any',
      'arr',
      'bool',
      'const',
      'double',
      'enum',
      'int',
      'map',
      'null',
      'nullable',
      'num',
      'obj',
      'str',
      'union',
    ])
  })
})

describe('string modifiers', () => {
  it('min/max are minLength/maxLength', () => {
    expect(S.str.min(1).max(10).jsonSchema()).toEqual({ type: 'string', minLength: 1, maxLength: 10 })
    expect(S.str.min(0).jsonSchema()).toEqual({ type: 'string', minLength: 0 })
    expect(S.str.min(3).max(3).jsonSchema()).toEqual({ type: 'string', minLength: 3, maxLength: 3 })
  })

  it('pattern takes a RegExp source or a string', () => {
    expect(S.str.pattern(/^[a-z]+$/).jsonSchema()).toEqual({ type: 'string', pattern: '^[a-z]+$' })
    expect(S.str.pattern(/^\p{L}+$/u).jsonSchema()).toEqual({ type: 'string', pattern: '^\\p{L}+$' })
    expect(S.str.pattern('^a/b$').jsonSchema()).toEqual({ type: 'string', pattern: '^a/b$' })
    expect(S.str.pattern(/^a\/b$/).jsonSchema()).toEqual({ type: 'string', pattern: '^a\\/b$' })
  })

  it('format accepts every supported format', () => {
    for (const name of ['date-time', 'date', 'time', 'email', 'uuid', 'uri', 'ipv4', 'ipv6'] as const) {
      expect(S.str.format(name).jsonSchema()).toEqual({ type: 'string', format: name })
    }
  })

  it('enum keeps the type', () => {
    expect(S.str.enum('a', 'b').jsonSchema()).toEqual({ type: 'string', enum: ['a', 'b'] })
  })

  it('desc and default are annotations', () => {
    expect(S.str.desc('a name').default('bob').jsonSchema()).toEqual({
      type: 'string',
      description: 'a name',
      default: 'bob',
    })
  })

  it('a later call of the same modifier replaces the earlier one', () => {
    expect(S.str.min(1).min(2).jsonSchema()).toEqual({ type: 'string', minLength: 2 })
    expect(S.str.desc('a').desc('b').jsonSchema()).toEqual({ type: 'string', description: 'b' })
  })
})

describe('number modifiers', () => {
  it('min/max are minimum/maximum', () => {
    expect(S.int.min(0).max(100).jsonSchema()).toEqual({ type: 'integer', minimum: 0, maximum: 100 })
    expect(S.num.min(-1.5).max(2.5).jsonSchema()).toEqual({ type: 'number', minimum: -1.5, maximum: 2.5 })
    expect(S.double.min(-1).jsonSchema()).toEqual({ type: 'number', minimum: -1 })
  })

  it('exclusive bounds are numeric keywords', () => {
    expect(S.num.exclusiveMin(0).exclusiveMax(1).jsonSchema()).toEqual({
      type: 'number',
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
    })
    expect(S.int.exclusiveMin(-3).jsonSchema()).toEqual({ type: 'integer', exclusiveMinimum: -3 })
  })

  it('multipleOf', () => {
    expect(S.num.multipleOf(0.5).jsonSchema()).toEqual({ type: 'number', multipleOf: 0.5 })
    expect(S.int.multipleOf(3).jsonSchema()).toEqual({ type: 'integer', multipleOf: 3 })
  })

  it('enum on integers and numbers', () => {
    expect(S.int.enum(1, 2, 3).jsonSchema()).toEqual({ type: 'integer', enum: [1, 2, 3] })
    expect(S.num.enum(0.5, 1).jsonSchema()).toEqual({ type: 'number', enum: [0.5, 1] })
  })

  it('default and desc', () => {
    expect(S.int.default(5).desc('count').jsonSchema()).toEqual({ type: 'integer', default: 5, description: 'count' })
  })
})

describe('other primitives', () => {
  it('take the common modifiers', () => {
    expect(S.bool.default(false).jsonSchema()).toEqual({ type: 'boolean', default: false })
    expect(S.null.desc('nothing').jsonSchema()).toEqual({ type: 'null', description: 'nothing' })
    expect(S.any.desc('anything').jsonSchema()).toEqual({ description: 'anything' })
    expect(S.any.default({ a: [1] }).jsonSchema()).toEqual({ default: { a: [1] } })
  })
})
