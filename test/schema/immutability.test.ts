// Builders never change: modifiers return new builders, outputs are fresh copies, and inputs
// given to the builder are copied so mutating them later cannot change a schema (or a network).
import { describe, expect, it } from 'vitest'
import { S, type SchemaBuilder } from '../../src/runtime/schema/index'

describe('modifiers return new builders', () => {
  const cases: Array<[string, SchemaBuilder, (b: any) => SchemaBuilder]> = [
    ['optional', S.str, (b) => b.optional()],
    ['desc', S.str, (b) => b.desc('x')],
    ['default', S.int, (b) => b.default(1)],
    ['min', S.str, (b) => b.min(1)],
    ['max', S.int, (b) => b.max(1)],
    ['exclusiveMin', S.num, (b) => b.exclusiveMin(1)],
    ['exclusiveMax', S.num, (b) => b.exclusiveMax(1)],
    ['multipleOf', S.num, (b) => b.multipleOf(2)],
    ['pattern', S.str, (b) => b.pattern('^a')],
    ['format', S.str, (b) => b.format('uuid')],
    ['enum', S.str, (b) => b.enum('a')],
    ['unique', S.arr(S.str), (b) => b.unique()],
    ['loose', S.obj({ a: S.str }), (b) => b.loose()],
    ['keyPattern', S.map, (b) => b.keyPattern('^a')],
    ['value', S.map, (b) => b.value(S.int)],
  ]

  it.each(cases)('.%s leaves the original unchanged', (_name, original, modify) => {
    const before = original.jsonSchema()
    const optional = original.isOptional
    const next = modify(original)
    expect(next).not.toBe(original)
    // The new builder differs (in its JSON, or for .optional() in its flag) ...
    expect([next.jsonSchema(), next.isOptional]).not.toEqual([before, optional])
    // ... and the original is exactly as it was.
    expect(original.jsonSchema()).toEqual(before)
    expect(original.isOptional).toBe(optional)
  })

  it('shared primitives stay pristine after heavy use', () => {
    S.obj({ a: S.str.min(1).optional(), b: S.int.max(3) })
    S.nullable(S.str)
    expect(S.str.jsonSchema()).toEqual({ type: 'string' })
    expect(S.int.jsonSchema()).toEqual({ type: 'integer' })
    expect(S.str.isOptional).toBe(false)
  })

  it('optional is kept through later modifiers', () => {
    expect(S.str.optional().min(1).desc('d').isOptional).toBe(true)
    expect(S.str.optional().enum('a').isOptional).toBe(true)
    expect(S.map.optional().value(S.int).isOptional).toBe(true)
    expect(S.obj({}).optional().loose().isOptional).toBe(true)
  })
})

describe('builders are frozen data', () => {
  it('cannot be mutated', () => {
    const b = S.obj({ a: S.str })
    expect(Object.isFrozen(b)).toBe(true)
    expect(Object.isFrozen(b.json)).toBe(true)
    expect(Object.isFrozen(b.json.properties)).toBe(true)
    expect(() => {
      ;(b.json as any).type = 'string'
    }).toThrow(TypeError)
    expect(() => {
      ;(b as any).kind = 'string'
    }).toThrow(TypeError)
    expect(b.jsonSchema().type).toBe('object')
  })

  it('own enumerable fields are only kind, json and isOptional', () => {
    expect(Object.keys(S.str.min(1))).toEqual(['kind', 'json', 'isOptional'])
    expect({ ...S.str.min(1) }).toEqual({ kind: 'string', json: { type: 'string', minLength: 1 }, isOptional: false })
  })
})

describe('outputs are fresh plain copies', () => {
  it('jsonSchema() and valueOf() return a new mutable object each call', () => {
    const b = S.obj({ a: S.arr(S.str) })
    const one = b.jsonSchema()
    const two = b.valueOf()
    expect(one).toEqual(two)
    expect(one).not.toBe(two)
    expect(Object.isFrozen(one)).toBe(false)
    ;(one.properties as any).a.items.type = 'integer'
    ;(one.required as string[]).push('x')
    expect(b.jsonSchema()).toEqual(two)
  })

  it('JSON.stringify prints the schema', () => {
    expect(JSON.stringify(S.arr(S.int).min(1))).toBe('{"type":"array","items":{"type":"integer"},"minItems":1}')
    expect(JSON.stringify({ payload: S.str })).toBe('{"payload":{"type":"string"}}')
  })
})

describe('inputs are copied', () => {
  it('a plain schema in S.obj is cloned', () => {
    const plain = { type: 'object', properties: { x: { type: 'string' } } }
    const b = S.obj({ p: plain })
    plain.properties.x.type = 'integer'
    expect((b.jsonSchema().properties as any).p.properties.x.type).toBe('string')
  })

  it('default values are cloned', () => {
    const value = { a: [1] }
    const b = S.any.default(value)
    value.a.push(2)
    expect(b.jsonSchema()).toEqual({ default: { a: [1] } })
  })

  it('enum values are copied from the argument list', () => {
    const values: string[] = ['a', 'b']
    const b = S.str.enum(...(values as ['a', 'b']))
    values.push('c')
    expect(b.jsonSchema()).toEqual({ type: 'string', enum: ['a', 'b'] })
  })
})
