// depthBound: which schemas bound the nesting of the values they accept (validate/depth-bound.ts),
// the same on the generated and the interpreted validator, and never an overstatement: no value
// `is` accepts has a container on a level at or below its bound.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { interpret } from '../../src/runtime/interpret/index'
import type { JsonSchema } from '../../src/runtime/ir/types'
import { checkSupported } from '../../src/runtime/validate/index'
import { tooDeepAt } from '../../src/runtime/validate/depth'
import { compileGenerated } from './compile-source'
import { familySchemaArb, objectSchemaArb, schemaArb, shapedValueArb, valueArb } from './arbitraries'

const str = { type: 'string' }
const closed = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
})
const tree: JsonSchema = {
  $ref: '#/$defs/n',
  $defs: { n: { type: 'object', properties: { next: { $ref: '#/$defs/n' } }, additionalProperties: false } },
}

const CASES: [string, JsonSchema, number][] = [
  ['a scalar', str, 0],
  ['a closed object of scalars', closed({ a: str, b: { type: 'integer' } }), 1],
  ['closed objects nested', closed({ a: closed({ b: { type: 'array', items: str } }) }), 3],
  ['additional properties typed', { type: 'object', additionalProperties: { type: 'number' } }, 1],
  ['an enum of scalars, no type', { enum: ['a', 1, null] }, 0],
  ['anyOf of bounded alternatives', { anyOf: [str, closed({ a: str })] }, 1],
  ['allOf with one bounded member', { allOf: [{ type: 'object' }, closed({ a: str })] }, 1],
  ['a recursive closed shape', tree, 64],
  ['an open object', { type: 'object', properties: { a: str } }, Infinity],
  ['any value', {}, Infinity],
  ['an array without items', { type: 'array' }, Infinity],
  ['a property that takes anything', { type: 'object', properties: { a: {} }, additionalProperties: false }, Infinity],
  ['an enum holding a container', { enum: [{ a: 1 }] }, Infinity],
  ['anyOf with one open alternative', { anyOf: [str, { type: 'object' }] }, Infinity],
  ['not alone', { not: str }, Infinity],
  ['an object node without type (arrays pass it)', { properties: { a: str }, additionalProperties: false }, Infinity],
]

/** Closes every object node and gives every array node `items`, so that most schemas confine. */
function confine(s: unknown): unknown {
  if (typeof s !== 'object' || s === null) return s
  if (Array.isArray(s)) return s.map(confine)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(s)) out[k] = k === 'enum' || k === 'const' ? v : confine(v)
  if (out.type === 'object' && out.additionalProperties === undefined) out.additionalProperties = false
  if (out.type === 'array' && out.items === undefined) out.items = { type: 'integer' }
  return out
}

describe('depthBound', () => {
  it.each(CASES)('%s', (_name, schema, bound) => {
    expect(compileGenerated(schema).depthBound).toBe(bound)
    expect(interpret(schema).depthBound).toBe(bound)
  })

  it('follows maxDepth on a recursive shape, on both paths', () => {
    for (const maxDepth of [0, 3, 100]) {
      expect(compileGenerated(tree, { maxDepth }).depthBound).toBe(maxDepth)
      expect(interpret(tree, { maxDepth }).depthBound).toBe(maxDepth)
    }
    // Finite heights above maxDepth are capped by it as well.
    const three = closed({ a: closed({ b: closed({ c: str }) }) })
    expect(compileGenerated(three, { maxDepth: 2 }).depthBound).toBe(2)
    expect(interpret(three, { maxDepth: 2 }).depthBound).toBe(2)
  })

  it('a bounded recursive shape refuses a value nested beyond its bound', () => {
    let v: Record<string, unknown> = {}
    for (let i = 0; i < 64; i++) v = { next: v }
    expect(compileGenerated(tree).is(v)).toBe(false)
    expect(interpret(tree).is(v)).toBe(false)
    expect(compileGenerated(tree).is((v as { next: unknown }).next)).toBe(true)
  })

  it('never overstates: accepted values keep below the bound, and both paths agree', () => {
    let checked = 0
    fc.assert(
      fc.property(
        fc
          .oneof(
            schemaArb(false),
            schemaArb(true),
            objectSchemaArb(),
            familySchemaArb().map((x) => confine(x) as JsonSchema),
            objectSchemaArb().map((x) => confine(x) as JsonSchema),
          )
          .chain((schema) =>
            fc.tuple(fc.constant(schema), fc.array(fc.oneof(valueArb(), shapedValueArb(schema)), { minLength: 20, maxLength: 20 })),
          ),
        fc.integer({ min: 0, max: 6 }),
        ([schema, values], maxDepth) => {
          if (checkSupported(schema).length > 0) return
          const gen = compileGenerated(schema, { maxDepth })
          const interp = interpret(schema, { maxDepth })
          expect(gen.depthBound).toBe(interp.depthBound)
          const bound = gen.depthBound!
          if (bound === Infinity) return
          for (const v of values) {
            if (!gen.is(v)) continue
            checked++
            expect(tooDeepAt(v, bound)).toBeUndefined()
          }
        },
      ),
      { numRuns: Number(process.env.OPENWS_FC_RUNS ?? 600) },
    )
    // Bounded schemas with accepted values must come up, or this test proves nothing.
    expect(checked).toBeGreaterThan(10)
  })
})
