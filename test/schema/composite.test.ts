// S.arr, S.map, S.enum, S.const, S.union, S.nullable: exact output.
import { describe, expect, it } from 'vitest'
import { S, arr, const_, enum_, map, nullable, union } from '../../src/runtime/schema/index'

describe('S.arr', () => {
  it('has one items schema', () => {
    expect(S.arr(S.str).jsonSchema()).toEqual({ type: 'array', items: { type: 'string' } })
    expect(S.arr(S.obj({ id: S.int })).jsonSchema()).toEqual({
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'], additionalProperties: false },
    })
    expect(S.arr(S.arr(S.num)).jsonSchema()).toEqual({ type: 'array', items: { type: 'array', items: { type: 'number' } } })
  })

  it('min/max are minItems/maxItems; unique is uniqueItems', () => {
    expect(S.arr(S.int).min(1).max(5).unique().jsonSchema()).toEqual({
      type: 'array',
      items: { type: 'integer' },
      minItems: 1,
      maxItems: 5,
      uniqueItems: true,
    })
  })

  it('accepts a plain schema item', () => {
    expect(arr({ type: 'string' }).jsonSchema()).toEqual({ type: 'array', items: { type: 'string' } })
  })
})

describe('S.map', () => {
  it('alone is any object', () => {
    expect(S.map.jsonSchema()).toEqual({ type: 'object' })
    expect(map).toBe(S.map)
  })

  it('.value(s) is additionalProperties', () => {
    expect(S.map.value(S.int).jsonSchema()).toEqual({ type: 'object', additionalProperties: { type: 'integer' } })
  })

  it('.keyPattern(p).value(s) is patternProperties with additionalProperties false', () => {
    expect(S.map.keyPattern('^[a-z]+$').value(S.str).jsonSchema()).toEqual({
      type: 'object',
      patternProperties: { '^[a-z]+$': { type: 'string' } },
      additionalProperties: false,
    })
    expect(S.map.keyPattern(/^\d+$/).value(S.bool).jsonSchema()).toEqual({
      type: 'object',
      patternProperties: { '^\\d+$': { type: 'boolean' } },
      additionalProperties: false,
    })
  })

  it('order of keyPattern and value does not matter', () => {
    expect(S.map.value(S.str).keyPattern('^a').jsonSchema()).toEqual(S.map.keyPattern('^a').value(S.str).jsonSchema())
  })

  it('keyPattern alone allows any value under matching keys', () => {
    expect(S.map.keyPattern('^x').jsonSchema()).toEqual({
      type: 'object',
      patternProperties: { '^x': {} },
      additionalProperties: false,
    })
  })

  it('repeated calls replace', () => {
    expect(S.map.keyPattern('^a').keyPattern('^b').value(S.int).value(S.str).jsonSchema()).toEqual({
      type: 'object',
      patternProperties: { '^b': { type: 'string' } },
      additionalProperties: false,
    })
  })

  it('min/max are minProperties/maxProperties', () => {
    expect(S.map.value(S.int).min(1).max(9).desc('scores').jsonSchema()).toEqual({
      type: 'object',
      additionalProperties: { type: 'integer' },
      minProperties: 1,
      maxProperties: 9,
      description: 'scores',
    })
  })

  it('a __proto__ key pattern is data', () => {
    const schema = S.map.keyPattern('__proto__').value(S.int).jsonSchema()
    expect(JSON.stringify(schema)).toBe(
      '{"type":"object","patternProperties":{"__proto__":{"type":"integer"}},"additionalProperties":false}',
    )
  })
})

describe('S.enum and S.const', () => {
  it('enum lists the values', () => {
    expect(S.enum('red', 'green').jsonSchema()).toEqual({ enum: ['red', 'green'] })
    expect(S.enum(1, 'one', true, null).jsonSchema()).toEqual({ enum: [1, 'one', true, null] })
    expect(S.enum({ a: 1 }, [1, 2]).jsonSchema()).toEqual({ enum: [{ a: 1 }, [1, 2]] })
    expect(enum_).toBe(S.enum)
  })

  it('const holds one value', () => {
    expect(S.const('v1').jsonSchema()).toEqual({ const: 'v1' })
    expect(S.const(0).jsonSchema()).toEqual({ const: 0 })
    expect(S.const(null).jsonSchema()).toEqual({ const: null })
    expect(S.const({ k: ['x'] }).jsonSchema()).toEqual({ const: { k: ['x'] } })
    expect(const_).toBe(S.const)
  })

  it('copies the values it is given', () => {
    const value = { k: [1] }
    const schema = S.const(value)
    value.k.push(2)
    expect(schema.jsonSchema()).toEqual({ const: { k: [1] } })
  })
})

describe('S.union', () => {
  it('is anyOf', () => {
    expect(S.union(S.str, S.int).jsonSchema()).toEqual({ anyOf: [{ type: 'string' }, { type: 'integer' }] })
    expect(S.union(S.obj({ t: S.const('a') }), S.obj({ t: S.const('b'), v: S.num })).jsonSchema()).toEqual({
      anyOf: [
        { type: 'object', properties: { t: { const: 'a' } }, required: ['t'], additionalProperties: false },
        { type: 'object', properties: { t: { const: 'b' }, v: { type: 'number' } }, required: ['t', 'v'], additionalProperties: false },
      ],
    })
    expect(union(S.str).jsonSchema()).toEqual({ anyOf: [{ type: 'string' }] })
  })
})

describe('S.nullable', () => {
  it('adds null to a simple type', () => {
    expect(S.nullable(S.str).jsonSchema()).toEqual({ type: ['string', 'null'] })
    expect(S.nullable(S.int.min(1)).jsonSchema()).toEqual({ type: ['integer', 'null'], minimum: 1 })
    expect(S.nullable(S.obj({ a: S.str })).jsonSchema()).toEqual({
      type: ['object', 'null'],
      properties: { a: { type: 'string' } },
      required: ['a'],
      additionalProperties: false,
    })
    expect(S.nullable(S.arr(S.str)).jsonSchema()).toEqual({ type: ['array', 'null'], items: { type: 'string' } })
    expect(nullable).toBe(S.nullable)
  })

  it('uses anyOf where a type list would be wrong', () => {
    expect(S.nullable(S.str.enum('a', 'b')).jsonSchema()).toEqual({
      anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }],
    })
    expect(S.nullable(S.const(1)).jsonSchema()).toEqual({ anyOf: [{ const: 1 }, { type: 'null' }] })
    expect(S.nullable(S.enum('x')).jsonSchema()).toEqual({ anyOf: [{ enum: ['x'] }, { type: 'null' }] })
    expect(S.nullable(S.union(S.str, S.int)).jsonSchema()).toEqual({
      anyOf: [{ anyOf: [{ type: 'string' }, { type: 'integer' }] }, { type: 'null' }],
    })
    expect(S.nullable(S.nullable(S.str)).jsonSchema()).toEqual({
      anyOf: [{ type: ['string', 'null'] }, { type: 'null' }],
    })
  })

  it('null and any already accept null', () => {
    expect(S.nullable(S.null).jsonSchema()).toEqual({ type: 'null' })
    expect(S.nullable(S.any).jsonSchema()).toEqual({})
  })

  it('keeps .optional()', () => {
    const b = S.nullable(S.str.optional())
    expect(b.isOptional).toBe(true)
    expect(S.obj({ a: b }).jsonSchema()).toEqual({
      type: 'object',
      properties: { a: { type: ['string', 'null'] } },
      required: [],
      additionalProperties: false,
    })
  })

  it('takes desc and default after wrapping', () => {
    expect(S.nullable(S.str).desc('maybe').default(null).jsonSchema()).toEqual({
      type: ['string', 'null'],
      description: 'maybe',
      default: null,
    })
  })
})
