// The document schema means the same to our interpreter (validate) as to ajv: accept/reject agree
// on generated documents, valid and invalid alike.
import Ajv2020 from 'ajv/dist/2020'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OPENWS_DOCUMENT_SCHEMA, specIssues } from '../../src/runtime/spec/index'

const anyJson = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 3 }), fc.constant([]), fc.constant({}))
/** Mostly the valid value, sometimes junk: so both outcomes occur often. */
const v = <T>(valid: fc.Arbitrary<T>, junk: fc.Arbitrary<unknown> = anyJson) =>
  fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: junk, weight: 1 })
const goodName = fc.constantFrom('chat', 'a', 'b-c', 'd_e9', 'X', 'constructor')
const name: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: goodName, weight: 30 },
  { arbitrary: fc.constantFrom('', '1a', 'a-', 'a b', '$x', '__proto__', 'é'), weight: 1 },
)
const text = fc.string({ maxLength: 3 })
/** Optional fields: present or absent; required ones absent only rarely. */
const opt = { requiredKeys: [] as never[] }

const endpoint = fc.record(
  {
    scheme: v(fc.constant('ws')),
    host: v(fc.constant('localhost')),
    port: v(fc.integer({ min: 1, max: 65535 }), fc.constantFrom(0, -1, 65536, 1.5, '80', null)),
    path: v(fc.constant('/')),
    'x-e': anyJson,
  },
  { requiredKeys: ['host', 'port', 'path'] },
)
const message = fc.record(
  {
    description: v(text),
    payload: v(fc.constantFrom({ type: 'string' }, true, false, {})),
    from: v(fc.array(name, { maxLength: 2 })),
    'x-m': anyJson,
  },
  { requiredKeys: ['payload'] },
)
const role = fc.record(
  {
    description: v(text),
    'x-openws-host': v(fc.boolean()),
    endpoints: v(fc.array(v(endpoint), { maxLength: 2 })),
    messages: v(fc.dictionary(name, v(message), { maxKeys: 3 })),
  },
  { requiredKeys: ['messages'] },
)
const network = fc.record(
  {
    description: v(text),
    roles: v(fc.dictionary(name, v(role), { maxKeys: 3 })),
    'x-n': anyJson,
  },
  { requiredKeys: ['roles'] },
)
const doc = fc.record(
  {
    openws: v(fc.constantFrom('0.0.1', '0.0.2'), fc.constantFrom('0.0.3', 1, null)),
    title: v(text),
    version: v(text),
    networks: v(fc.dictionary(name, v(network), { maxKeys: 2 })),
    'x-d': anyJson,
  },
  opt,
)

describe('OPENWS_DOCUMENT_SCHEMA: interpreter and ajv agree', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  const ajvValidate = ajv.compile(OPENWS_DOCUMENT_SCHEMA)

  it('on generated documents', () => {
    let accepted = 0
    fc.assert(
      fc.property(doc, (d) => {
        const ours = specIssues(d).length === 0
        expect(ours).toBe(ajvValidate(d))
        if (ours) accepted++
      }),
      { numRuns: 3000, seed: 20261126 },
    )
    // the generator reaches both outcomes, so the agreement means something
    expect(accepted).toBeGreaterThan(100)
    expect(accepted).toBeLessThan(2900)
  })
})
