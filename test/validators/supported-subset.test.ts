import { describe, expect, it } from 'vitest'
import { checkSupported, SUPPORTED_FORMATS, SUPPORTED_KEYWORDS } from '../../src/runtime/validate/index'
import { interpret } from '../../src/runtime/interpret/index'
import { generateValidator } from '../../src/runtime/codegen/index'
import { isOpenWsError } from '../../src/runtime/openws-error'
import type { JsonSchema } from '../../src/runtime/ir/types'

describe('checkSupported', () => {
  it('accepts the subset, annotations and x- extensions', () => {
    const schema: JsonSchema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:x',
      title: 't',
      description: 'd',
      default: {},
      examples: [],
      $comment: 'c',
      deprecated: false,
      readOnly: false,
      writeOnly: false,
      'x-openws-note': 1,
      type: ['object', 'null'],
      properties: { a: { type: 'string', minLength: 1, maxLength: 3, pattern: '^a', format: 'email' } },
      required: ['a'],
      additionalProperties: { $ref: '#/$defs/n' },
      patternProperties: { '^x': true },
      minProperties: 0,
      maxProperties: 3,
      $defs: { n: { type: 'number', minimum: 0, maximum: 1, exclusiveMinimum: -1, exclusiveMaximum: 2, multipleOf: 0.5 } },
      definitions: { l: { type: 'array', items: { $ref: '#/definitions/l' }, minItems: 0, maxItems: 2, uniqueItems: true } },
      anyOf: [true],
      oneOf: [{ const: 1 }, { enum: [2] }],
      allOf: [{}],
      not: false,
    }
    expect(checkSupported(schema)).toEqual([])
    expect(SUPPORTED_FORMATS).toEqual(['date-time', 'date', 'time', 'email', 'uuid', 'uri', 'ipv4', 'ipv6'])
    expect(SUPPORTED_KEYWORDS).toContain('patternProperties')
  })

  it.each([
    [{ properties: { a: { if: true } } }, '/properties/a/if', 'if', 'unsupported'],
    [{ format: 'hostname' }, '/format', 'format', 'unsupported'],
    [{ items: [{}] }, '/items', 'items', 'unsupported'],
    [{ properties: { a: { $id: 'x' } } }, '/properties/a/$id', '$id', 'unsupported'],
    [{ minLength: -1 }, '/minLength', 'minLength', 'malformed'],
    [{ maxItems: 1.5 }, '/maxItems', 'maxItems', 'malformed'],
    [{ required: 'a' }, '/required', 'required', 'malformed'],
    [{ required: ['a', 'a'] }, '/required', 'required', 'malformed'],
    [{ pattern: '(' }, '/pattern', 'pattern', 'malformed'],
    [{ patternProperties: { '[': true } }, '/patternProperties/[', 'patternProperties', 'malformed'],
    [{ type: 'str' }, '/type', 'type', 'malformed'],
    [{ multipleOf: 0 }, '/multipleOf', 'multipleOf', 'malformed'],
    [{ minimum: '1' }, '/minimum', 'minimum', 'malformed'],
    [{ anyOf: [] }, '/anyOf', 'anyOf', 'malformed'],
    [{ $ref: 'http://example.com/s' }, '/$ref', '$ref', 'malformed'],
    [{ $ref: '#/properties/a', properties: { a: true } }, '/$ref', '$ref', 'malformed'],
    [{ $ref: '#/$defs/missing' }, '/$ref', '$ref', 'malformed'],
    [{ $ref: '#/$defs/a/required', $defs: { a: { required: [] } } }, '/$ref', '$ref', 'malformed'],
    [{ properties: { 'a/b': { enum: 1 } } }, '/properties/a~1b/enum', 'enum', 'malformed'],
  ] as Array<[JsonSchema, string, string, string]>)('%j -> %s', (schema, path, keyword, kind) => {
    expect(checkSupported(schema)).toContainEqual(expect.objectContaining({ path, keyword, kind }))
  })

  it('rejects $ref loops that never descend into the value', () => {
    expect(checkSupported({ $ref: '#' })[0]).toMatchObject({ keyword: '$ref', kind: 'malformed' })
    expect(
      checkSupported({ $defs: { a: { allOf: [{ $ref: '#/$defs/b' }] }, b: { not: { $ref: '#/$defs/a' } } }, $ref: '#/$defs/a' })[0],
    ).toMatchObject({ keyword: '$ref', kind: 'malformed' })
    // Recursion through a member keyword is fine.
    expect(checkSupported({ properties: { next: { $ref: '#' } } })).toEqual([])
  })

  it('rejects non-schemas and absurdly deep schemas without overflowing', () => {
    expect(checkSupported(null as unknown as JsonSchema)[0]).toMatchObject({ path: '', kind: 'malformed' })
    expect(checkSupported({ not: 1 } as unknown as JsonSchema)[0]).toMatchObject({ path: '/not', kind: 'malformed' })
    let deep: JsonSchema = true
    for (let i = 0; i < 10_000; i++) deep = { not: deep }
    expect(checkSupported(deep)[0]).toMatchObject({ kind: 'malformed' })
  })

  it('lists every problem, not just the first', () => {
    expect(checkSupported({ minLength: -1, foo: 1, properties: { a: { bar: 2 } } }).map((p) => p.keyword)).toEqual([
      'minLength',
      'foo',
      'bar',
    ])
  })
})

describe('preparing a schema', () => {
  it('never mutates it', () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"a":{"$ref":"#/$defs/x","default":1}},"required":["a"],"$defs":{"x":{"enum":[1,[2]]}}}',
    )
    const copy = structuredClone(schema)
    const freeze = (x: unknown): void => {
      if (typeof x === 'object' && x !== null) {
        Object.freeze(x)
        Object.values(x).forEach(freeze)
      }
    }
    freeze(schema)
    interpret(schema)
    generateValidator(schema)
    checkSupported(schema)
    expect(schema).toEqual(copy)
  })
})

describe('both validator paths refuse bad schemas with coded errors', () => {
  const paths = { interpret, generate: generateValidator }
  for (const [name, make] of Object.entries(paths)) {
    it(`${name}: unsupported keyword`, () => {
      try {
        make({ properties: { a: { contains: {} } } })
        expect.unreachable()
      } catch (e) {
        expect(isOpenWsError(e) && e.code).toBe('OPENWS_ERR_UNSUPPORTED_KEYWORD')
        expect((e as Error).message).toContain('"contains"')
        expect((e as Error).message).toContain('/properties/a/contains')
      }
    })
    it(`${name}: malformed keyword`, () => {
      try {
        make({ type: 'object', required: 'a' })
        expect.unreachable()
      } catch (e) {
        expect(isOpenWsError(e) && e.code).toBe('OPENWS_ERR_INVALID_SCHEMA')
        expect((e as Error).message).toContain('/required')
      }
    })
    it(`${name}: bad maxDepth option`, () => {
      for (const maxDepth of [-1, 1.5, NaN, '3']) {
        expect(() => make({}, { maxDepth: maxDepth as number })).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
      }
    })
  }
})
