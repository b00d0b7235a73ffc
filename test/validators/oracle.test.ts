// A third opinion: on plain JSON values, generated code and interpreter accept exactly what ajv
// accepts. The differential test proves the two paths agree with each other; a mistake both share
// (as the required-but-undeclared key was) only shows against an independent implementation.
// Seed: OPENWS_FC_SEED=<n> to replay; OPENWS_FC_RUNS=<schemas> to change the run size.
//
// Left out, because there ajv is the one that is wrong (checked by hand against the spec):
// - `format`: ajv-formats and the formats differ on purpose (leap seconds, IDN, …).
// - schemas naming `constructor`, `__proto__`, `prototype` or "" as a property: ajv tests
//   `data.constructor === undefined`, which reads inherited values, and writes
//   `(data[""] === undefined) && (missing = "")`, whose "" is falsy, so a missing "" passes.
// - schemas ajv refuses to compile (an empty `enum`, which the spec only says SHOULD not be).
// - a lone surrogate in a schema: ajv's encodeURIComponent of the schema path throws URIError.
import Ajv from 'ajv'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { interpret } from '../../src/runtime/interpret/index'
import { checkSupported } from '../../src/runtime/validate/index'
import type { JsonSchema } from '../../src/runtime/ir/types'
import { familySchemaArb, jsonValueArb, objectSchemaArb, schemaArb } from './arbitraries'
import { compileGenerated } from './compile-source'

const SEED = process.env.OPENWS_FC_SEED !== undefined ? Number(process.env.OPENWS_FC_SEED) : Date.now() ^ (Math.random() * 0x7fffffff)
const AJV_BLIND_SPOTS = /"format"|"(?:constructor|__proto__|prototype|)"|\\ud[89a-f]/i

function comparable(schema: JsonSchema): boolean {
  return checkSupported(schema).length === 0 && !AJV_BLIND_SPOTS.test(JSON.stringify(schema))
}

it(`generated code and interpreter accept what ajv accepts, on JSON values (seed ${SEED})`, () => {
  const ajv = new Ajv({ strict: false, validateSchema: false })
  let cases = 0
  let accepted = 0
  let refused = 0
  try {
    fc.assert(
      fc.property(
        fc.oneof(schemaArb(false), objectSchemaArb(), familySchemaArb()).filter(comparable),
        fc.array(jsonValueArb(), { minLength: 30, maxLength: 30 }),
        (schema, values) => {
          let reference: (v: unknown) => boolean
          try {
            reference = ajv.compile(schema as object) as (v: unknown) => boolean
          } catch {
            refused++
            return
          }
          const gen = compileGenerated(schema)
          const interp = interpret(schema)
          for (const v of values) {
            cases++
            const expected = reference(v)
            if (expected) accepted++
            if (gen.is(v) !== expected) throw new Error(`generated says ${!expected}, ajv ${expected}`)
            if (interp.is(v) !== expected) throw new Error(`interpreter says ${!expected}, ajv ${expected}`)
          }
        },
      ),
      { seed: SEED, numRuns: Number(process.env.OPENWS_FC_RUNS ?? 2000), endOnFailure: true },
    )
  } catch (e) {
    console.log(`oracle test failed; replay with OPENWS_FC_SEED=${SEED}`)
    throw e
  }
  console.log(`oracle (ajv): ${cases} JSON values, ${accepted} accepted, ${refused} schemas ajv refused, seed ${SEED}`)
  expect(accepted).toBeGreaterThan(cases / 10)
}, 120_000)
