// Sub-schemas that several payloads' root properties share get one explain() function per
// artifact (src/runtime/codegen/share.ts): written once, and the issues stay the interpreter's.
import { expect, it } from 'vitest'
import { generateArtifact } from '../../src/runtime/codegen/artifact'
import type { JsonSchema, NetworkIR } from '../../src/runtime/ir/types'
import { interpret } from '../../src/runtime/interpret/index'
import { loadArtifact } from '../../bench/support/emitted'

const text = { type: 'string', minLength: 1, maxLength: 8 }
const tags = { type: 'array', maxItems: 3, items: { enum: ['a', 'b'] } }
const count = { type: 'integer', minimum: 0 }
const payloads: JsonSchema[] = [
  { type: 'object', properties: { text, tags, count }, required: ['text'], additionalProperties: false },
  { type: 'object', properties: { title: text, labels: tags, n: count, deep: { type: 'object', properties: { text } } } },
  { type: 'object', properties: { text: { type: 'string' }, more: tags } },
  // Data that spells node fields (`ptr`, `re`) still tells schemas apart: these two share nothing.
  {
    type: 'object',
    properties: { a: { const: { ptr: 1 } }, b: { const: { ptr: 2 } }, e: { enum: [{ re: 1 }] }, f: { enum: [{ re: 2 }] } },
  },
  // JSON writes -0 as 0: `const: 0` is shared, `const: -0` keeps its own code (its issue says -0).
  { type: 'object', properties: { p: { const: 0 }, q: { const: -0 } } },
  { type: 'object', properties: { p2: { const: 0 }, q2: { const: -0 } } },
]
const network: NetworkIR = {
  name: 'shared',
  roles: {
    host: { 'x-openws-host': true, messages: Object.fromEntries(payloads.map((payload, i) => [`m${i}`, { payload, from: ['c'] }])) },
    c: { messages: {} },
  },
}

const inputs: unknown[] = [
  { text: '', tags: ['a', 'c', 'b', 'a'], count: -1 },
  { text: 'way too long', tags: 'a', count: 1.5, x: 1 },
  { title: 7, labels: ['z'], n: -2, deep: { text: '' } },
  { text: 1, more: [1, 2, 3, 4] },
  { more: ['a'], tags: null },
  Object.assign(Object.create({ text: '' }), { tags: ['c'] }),
  { a: { ptr: 2 }, b: { ptr: 1 }, e: { re: 2 }, f: { re: 1 } },
  { a: { ptr: 1 }, b: { ptr: 2 }, e: { re: 1 }, f: { re: 2 } },
  { p: 1, q: 1, p2: 1, q2: 1 },
  [],
  'x',
]

it('writes a shared sub-schema explain() once and reports what the interpreter reports', () => {
  const generated = generateArtifact({ network, hostRole: 'host', maxDepth: 32 })
  const shared = generated.source.match(/function X\d+\(/g) ?? []
  // text (text/title), tags (tags/labels/more), count (count/n), const 0 (p/p2): one function
  // each; a, b, e, f occur once; const -0 (q/q2) is never shared.
  expect(shared).toHaveLength(4)
  const artifact = loadArtifact(generated)
  payloads.forEach((schema, slot) => {
    const compiled = artifact.inbound.validators[slot]!
    const reference = interpret(schema, { maxDepth: 32 })
    for (const input of inputs) {
      for (const max of [1, 2, 10]) expect(compiled.explain(input, max)).toEqual(reference.explain(input, max))
      expect(compiled.is(input)).toBe(reference.is(input))
    }
  })
})
