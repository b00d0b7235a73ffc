// toJsonSchema and isSchemaBuilder: how the rest of openws reads payloads.
import { describe, expect, it } from 'vitest'
import { S, isSchemaBuilder, toJsonSchema, SUPPORTED_FORMATS, type SchemaBuilder } from '../../src/runtime/schema/index'

/** A TypeBox-like schema: plain data plus symbol-keyed metadata (TypeBox keeps `Kind` there). */
const Kind = Symbol.for('TypeBox.Kind')
function typeboxLike() {
  return {
    [Kind]: 'Object',
    type: 'object',
    properties: { id: { [Kind]: 'String', type: 'string', format: 'uuid' } },
    required: ['id'],
  }
}

describe('toJsonSchema', () => {
  it('gives a fresh copy of a builder', () => {
    const b = S.obj({ id: S.str })
    const json = toJsonSchema(b)
    expect(json).toEqual({ type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false })
    expect(Object.isFrozen(json)).toBe(false)
    expect(json).not.toBe(toJsonSchema(b))
  })

  it('passes TypeBox-like schemas through, symbol keys dropped, deep-cloned', () => {
    const schema = typeboxLike()
    const json = toJsonSchema(schema)
    expect(json).toEqual({ type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] })
    expect(Object.getOwnPropertySymbols(json)).toEqual([])
    schema.properties.id.type = 'integer'
    schema.required.push('other')
    expect(json).toEqual({ type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] })
  })

  it("keeps keywords of plain schemas as they are (checking them is the IR's job)", () => {
    expect(toJsonSchema({ type: 'string', $comment: 'x' })).toEqual({ type: 'string', $comment: 'x' })
  })

  it('drops undefined properties as JSON does', () => {
    expect(toJsonSchema({ type: 'string', description: undefined })).toEqual({ type: 'string' })
  })

  it('accepts boolean schemas and null-prototype objects', () => {
    expect(toJsonSchema(true)).toBe(true)
    expect(toJsonSchema(false)).toBe(false)
    const bare = Object.assign(Object.create(null), { type: 'null' })
    expect(toJsonSchema(bare)).toEqual({ type: 'null' })
  })

  it('replaces builders nested inside plain schemas by their JSON', () => {
    expect(toJsonSchema({ type: 'array', items: S.int.min(0) })).toEqual({ type: 'array', items: { type: 'integer', minimum: 0 } })
  })

  it('TypeBox-like values work inside S builders too', () => {
    expect(S.arr(typeboxLike()).jsonSchema()).toEqual({
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] },
    })
  })

  it('refuses what is not a schema', () => {
    for (const bad of [undefined, null, 'string', 1, [], () => 1, new Date()]) {
      expect(() => toJsonSchema(bad as never)).toThrow(/openws schema: payload schema must be an S builder or a JSON Schema object/)
    }
  })

  it('copies a look-alike builder (another openws copy) instead of sharing its data', () => {
    const inner = { type: 'string' }
    const fake = { '~openws': 'schema', kind: 'string', isOptional: false, json: Object.freeze({ type: 'array', items: inner }) }
    const arr = S.arr(fake as never)
    inner.type = 'integer'
    expect(arr.jsonSchema()).toEqual({ type: 'array', items: { type: 'array', items: { type: 'string' } } })
    expect(Object.isFrozen(inner)).toBe(false)
    expect(toJsonSchema(fake as never)).toEqual({ type: 'array', items: { type: 'integer' } })
    expect(S.nullable(fake as unknown as SchemaBuilder).jsonSchema()).toEqual({ type: ['array', 'null'], items: { type: 'integer' } })
  })

  it('our modifiers refuse look-alike receivers', () => {
    const fake = { '~openws': 'schema', kind: 'string', isOptional: false, json: { type: 'string' } }
    expect(() => S.str.min.call(fake as never, 1)).toThrow(/\.min\(\) must be called on an S builder/)
  })

  it('refuses a look-alike builder that holds non-JSON data', () => {
    const fake = { '~openws': 'schema', json: { type: 'string', f: () => 1 } }
    expect(isSchemaBuilder(fake)).toBe(true)
    expect(() => S.arr(fake as never)).toThrow(/must be JSON, but "\/f" is function/)
  })
})

describe('isSchemaBuilder', () => {
  it('recognises builders by brand', () => {
    expect(isSchemaBuilder(S.str)).toBe(true)
    expect(isSchemaBuilder(S.obj({}))).toBe(true)
    expect(isSchemaBuilder(S.nullable(S.str).optional())).toBe(true)
  })

  it('is false for everything else', () => {
    for (const value of [undefined, null, 0, 'str', {}, [], { type: 'string' }, typeboxLike(), { '~openws': 'schema' }, { ...S.str }]) {
      expect(isSchemaBuilder(value)).toBe(false)
    }
  })
})

describe('SUPPORTED_FORMATS', () => {
  it('lists the formats and is frozen', () => {
    expect(SUPPORTED_FORMATS).toEqual(['date-time', 'date', 'time', 'email', 'uuid', 'uri', 'ipv4', 'ipv6'])
    expect(Object.isFrozen(SUPPORTED_FORMATS)).toBe(true)
  })
})
