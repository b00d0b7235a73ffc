// The issue each keyword reports (path, code, expected, received), pinned for both paths.
import { describe, expect, it } from 'vitest'
import { interpret } from '../../src/runtime/interpret/index'
import type { JsonSchema } from '../../src/runtime/ir/types'
import type { Issue } from '../../src/runtime/validate/types'
import { compileGenerated } from './compile-source'

const U = undefined
const CASES: Array<[string, JsonSchema, unknown, Issue[]]> = [
  ['type', { type: ['string', 'null'] }, 1.5, [{ path: '', code: 'type', expected: ['string', 'null'], received: 'number' }]],
  [
    'type stops the schema',
    { type: 'string', minLength: 3, enum: ['a'] },
    7,
    [{ path: '', code: 'type', expected: 'string', received: 'integer' }],
  ],
  ['const', { const: { a: [1] } }, { a: [2] }, [{ path: '', code: 'const', expected: { a: [1] }, received: 'object' }]],
  ['enum', { enum: ['a', 1] }, 'b', [{ path: '', code: 'enum', expected: ['a', 1], received: 'string' }]],
  ['minimum', { minimum: 2 }, 1, [{ path: '', code: 'minimum', expected: 2, received: 1 }]],
  ['maximum', { maximum: 2 }, 3, [{ path: '', code: 'maximum', expected: 2, received: 3 }]],
  ['exclusiveMinimum', { exclusiveMinimum: 2 }, 2, [{ path: '', code: 'exclusiveMinimum', expected: 2, received: 2 }]],
  ['exclusiveMaximum', { exclusiveMaximum: 2 }, 2, [{ path: '', code: 'exclusiveMaximum', expected: 2, received: 2 }]],
  ['multipleOf', { multipleOf: 0.1 }, 0.35, [{ path: '', code: 'multipleOf', expected: 0.1, received: 0.35 }]],
  ['minLength', { minLength: 2 }, '😀', [{ path: '', code: 'minLength', expected: 2, received: 1 }]],
  ['maxLength', { maxLength: 1 }, 'ab', [{ path: '', code: 'maxLength', expected: 1, received: 2 }]],
  ['pattern', { pattern: '^a' }, 'b', [{ path: '', code: 'pattern', expected: '^a', received: U }]],
  ['format', { format: 'date' }, '2021-02-29', [{ path: '', code: 'format', expected: 'date', received: U }]],
  ['minItems', { minItems: 2 }, [1], [{ path: '', code: 'minItems', expected: 2, received: 1 }]],
  ['maxItems', { maxItems: 0 }, [1], [{ path: '', code: 'maxItems', expected: 0, received: 1 }]],
  ['uniqueItems', { uniqueItems: true }, [1, 2, 1], [{ path: '', code: 'uniqueItems', expected: true, received: 2 }]],
  ['items', { items: { type: 'string' } }, ['a', 1], [{ path: '/1', code: 'type', expected: 'string', received: 'integer' }]],
  ['minProperties', { minProperties: 1 }, {}, [{ path: '', code: 'minProperties', expected: 1, received: 0 }]],
  ['maxProperties', { maxProperties: 0 }, { a: 1 }, [{ path: '', code: 'maxProperties', expected: 0, received: 1 }]],
  [
    'required',
    { required: ['a', 'b/c'] },
    {},
    [
      { path: '/a', code: 'required', expected: U, received: U },
      { path: '/b~1c', code: 'required', expected: U, received: U },
    ],
  ],
  [
    'properties',
    { properties: { a: { properties: { b: { type: 'null' } } } } },
    { a: { b: 0 } },
    [{ path: '/a/b', code: 'type', expected: 'null', received: 'integer' }],
  ],
  [
    'additionalProperties false',
    { properties: { a: true }, additionalProperties: false },
    { a: 1, b: 2 },
    [{ path: '/b', code: 'additionalProperties', expected: false, received: U }],
  ],
  [
    'additionalProperties schema',
    { additionalProperties: { type: 'string' } },
    { b: 2 },
    [{ path: '/b', code: 'type', expected: 'string', received: 'integer' }],
  ],
  [
    'patternProperties',
    { patternProperties: { '^x': { type: 'string' } }, additionalProperties: false },
    { x1: 1, y: 1 },
    [
      { path: '/x1', code: 'type', expected: 'string', received: 'integer' },
      { path: '/y', code: 'additionalProperties', expected: false, received: U },
    ],
  ],
  ['false schema', { properties: { a: false } }, { a: 1 }, [{ path: '/a', code: 'false', expected: false, received: U }]],
  [
    'allOf',
    { allOf: [{ minimum: 5 }, { maximum: 0 }] },
    3,
    [
      { path: '', code: 'minimum', expected: 5, received: 3 },
      { path: '', code: 'maximum', expected: 0, received: 3 },
    ],
  ],
  ['anyOf', { anyOf: [{ type: 'string' }, { minimum: 5 }] }, 3, [{ path: '', code: 'anyOf', expected: U, received: U }]],
  ['oneOf', { oneOf: [{ minimum: 0 }, { maximum: 5 }] }, 3, [{ path: '', code: 'oneOf', expected: 1, received: 2 }]],
  ['not', { not: { type: 'integer' } }, 3, [{ path: '', code: 'not', expected: U, received: U }]],
  [
    '$ref with siblings',
    { $defs: { pos: { minimum: 0 } }, $ref: '#/$defs/pos', maximum: -5 },
    -1,
    [
      { path: '', code: 'minimum', expected: 0, received: -1 },
      { path: '', code: 'maximum', expected: -5, received: -1 },
    ],
  ],
]

for (const [name, make] of Object.entries({ generated: compileGenerated, interpreted: interpret })) {
  describe(`${name} issues`, () => {
    it.each(CASES)('%s', (_label, schema, value, issues) => {
      const v = make(schema)
      expect(v.explain(value, 10)).toStrictEqual(issues)
      expect(v.is(value)).toBe(false)
      expect(v.explain(value, 1)).toStrictEqual(issues.slice(0, 1))
    })
  })
}
