// S.obj: exact output, optional properties, strictness, and property names that are data.
import { describe, expect, it } from 'vitest'
import { S, obj } from '../../src/runtime/schema/index'

describe('S.obj', () => {
  it('is strict with every non-optional key required, in order', () => {
    expect(S.obj({ joinerId: S.str, roomId: S.str }).jsonSchema()).toEqual({
      type: 'object',
      properties: { joinerId: { type: 'string' }, roomId: { type: 'string' } },
      required: ['joinerId', 'roomId'],
      additionalProperties: false,
    })
    expect(S.obj({ b: S.str, a: S.str }).jsonSchema().required).toEqual(['b', 'a'])
  })

  it('leaves optional keys out of required', () => {
    expect(S.obj({ a: S.str.optional(), b: S.int, c: S.bool.optional().desc('flag') }).jsonSchema()).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'boolean', description: 'flag' } },
      required: ['b'],
      additionalProperties: false,
    })
  })

  it('an empty shape is an empty strict object', () => {
    expect(S.obj({}).jsonSchema()).toEqual({ type: 'object', properties: {}, required: [], additionalProperties: false })
  })

  it('nests', () => {
    expect(S.obj({ user: S.obj({ id: S.str }), tags: S.arr(S.str) }).jsonSchema()).toEqual({
      type: 'object',
      properties: {
        user: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['user', 'tags'],
      additionalProperties: false,
    })
  })

  it('.loose() drops additionalProperties: false', () => {
    expect(S.obj({ a: S.str }).loose().jsonSchema()).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
    })
  })

  it('.min/.max are minProperties/maxProperties', () => {
    expect(S.obj({ a: S.str.optional(), b: S.str.optional() }).min(1).max(2).jsonSchema()).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      required: [],
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 2,
    })
  })

  it('accepts plain JSON Schema property values, always required', () => {
    expect(S.obj({ a: { type: 'string', minLength: 1 }, b: true, c: false }).jsonSchema()).toEqual({
      type: 'object',
      properties: { a: { type: 'string', minLength: 1 }, b: true, c: false },
      required: ['a', 'b', 'c'],
      additionalProperties: false,
    })
  })

  it('the separate export is the same factory', () => {
    expect(obj).toBe(S.obj)
  })

  it('an optional object can be a property', () => {
    expect(S.obj({ meta: S.obj({ v: S.int }).optional() }).jsonSchema().required).toEqual([])
  })
})

describe('property names are data', () => {
  it('__proto__ is a real own property and is required', () => {
    const schema = S.obj({ ['__proto__']: S.str }).jsonSchema()
    const properties = schema.properties as Record<string, unknown>
    expect(Object.keys(properties)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(properties, '__proto__')?.value).toEqual({ type: 'string' })
    expect(schema.required).toEqual(['__proto__'])
    expect(JSON.stringify(schema)).toBe(
      '{"type":"object","properties":{"__proto__":{"type":"string"}},"required":["__proto__"],"additionalProperties":false}',
    )
  })

  it('constructor, hasOwnProperty, toString and prototype are ordinary names', () => {
    const schema = S.obj({ constructor: S.int, hasOwnProperty: S.str, toString: S.bool, prototype: S.null }).jsonSchema()
    expect(Object.keys(schema.properties as object)).toEqual(['constructor', 'hasOwnProperty', 'toString', 'prototype'])
    expect(schema.required).toEqual(['constructor', 'hasOwnProperty', 'toString', 'prototype'])
    expect(JSON.parse(JSON.stringify(schema)).properties.constructor).toEqual({ type: 'integer' })
  })

  it('a JSON.parse shape with __proto__ works too', () => {
    const shape = JSON.parse('{"__proto__": {"type": "string"}, "x": {"type": "integer"}}')
    expect(JSON.stringify(S.obj(shape))).toBe(
      '{"type":"object","properties":{"__proto__":{"type":"string"},"x":{"type":"integer"}},"required":["__proto__","x"],"additionalProperties":false}',
    )
  })

  it('__proto__ inside plain nested schemas survives cloning', () => {
    const nested = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"null"}}}')
    const schema = S.obj({ n: nested }).jsonSchema() as { properties: { n: { properties: object } } }
    expect(Object.keys(schema.properties.n.properties)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(schema.properties.n.properties)).toBe(Object.prototype)
  })

  it('empty and odd keys', () => {
    expect(Object.keys(S.obj({ '': S.str, 'a/b': S.str, '~0': S.str, '1': S.str }).jsonSchema().properties as object)).toEqual([
      '1',
      '',
      'a/b',
      '~0',
    ])
  })
})
