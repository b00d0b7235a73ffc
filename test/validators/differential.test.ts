// Differential property test: generated code and interpreter agree on accept/reject AND on the
// exact issues, for random schemas of the subset and hostile values.
// Seed: OPENWS_FC_SEED=<n> to replay; OPENWS_FC_RUNS=<schemas> to change the run size.
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { interpret } from '../../src/runtime/interpret/index'
import { checkSupported } from '../../src/runtime/validate/index'
import { compileGenerated } from './compile-source'
import { familySchemaArb, objectSchemaArb, schemaArb, shapedValueArb, valueArb } from './arbitraries'

const SEED = process.env.OPENWS_FC_SEED !== undefined ? Number(process.env.OPENWS_FC_SEED) : Date.now() ^ (Math.random() * 0x7fffffff)
const SCHEMAS = Number(process.env.OPENWS_FC_RUNS ?? 3000)
const VALUES_PER_SCHEMA = 45

it(`codegen and interpreter agree (seed ${SEED})`, () => {
  let cases = 0
  let skipped = 0
  let accepted = 0
  const codes = new Map<string, number>()
  try {
    fc.assert(
      fc.property(
        fc
          .oneof(schemaArb(false), schemaArb(true), objectSchemaArb(), familySchemaArb())
          .chain((schema) =>
            fc.tuple(
              fc.constant(schema),
              fc.array(fc.oneof(valueArb(), shapedValueArb(schema)), { minLength: VALUES_PER_SCHEMA, maxLength: VALUES_PER_SCHEMA }),
            ),
          ),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        ([schema, values], maxDepth, maxIssues) => {
          if (checkSupported(schema).length > 0) {
            skipped++
            return
          }
          const gen = compileGenerated(schema, { maxDepth })
          const interp = interpret(schema, { maxDepth })
          for (const v of values) {
            cases++
            const ok = gen.is(v)
            if (interp.is(v) !== ok) throw new Error(`is() differs: generated ${ok}`)
            if (ok) accepted++
            for (const n of [maxIssues, 100]) {
              const a = gen.explain(v, n)
              const b = interp.explain(v, n)
              if (!isDeepStrictEqual(a, b)) throw new Error(`explain(v, ${n}) differs:\ngenerated   ${fmt(a)}\ninterpreted ${fmt(b)}`)
              if (a.length > n) throw new Error('more than maxIssues issues')
              if ((a.length === 0) !== ok) throw new Error(`is() is ${ok} but explain gave ${a.length} issues`)
              if (n === 100) for (const issue of a) codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1)
            }
          }
        },
      ),
      { seed: SEED, numRuns: SCHEMAS, endOnFailure: true },
    )
  } catch (e) {
    console.log(`differential test failed; replay with OPENWS_FC_SEED=${SEED}`)
    throw e
  }
  console.log(
    `differential: ${cases} cases (${accepted} accepted) over ${SCHEMAS} schemas (${skipped} outside the subset), seed ${SEED}\nissue codes seen: ${[...codes].map(([c, n]) => `${c}=${n}`).join(' ')}`,
  )
  // Most generated schemas must be inside the subset, whatever the run size (3000 schemas: 100k+ cases).
  expect(cases).toBeGreaterThanOrEqual(Math.floor(SCHEMAS * VALUES_PER_SCHEMA * 0.7))
  // The generators must exercise both outcomes and the hostile paths.
  expect(accepted).toBeGreaterThan(cases / 10)
  expect(codes.has('depth')).toBe(true)
}, 120_000)

function fmt(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v === undefined ? '<undefined>' : v))
}
