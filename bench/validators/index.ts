// Validator benchmark: generated code vs interpreter vs ajv (compiled, with ajv-formats) vs typia.
// Run: npx tsx bench/validators/index.ts   (compiles ./typia with tspc first; prints ops/s and ratios)
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { generateValidator } from '../../src/runtime/codegen/index'
import { interpret } from '../../src/runtime/interpret/index'
import { validatorHelpers } from '../../src/runtime/validate/helpers'
import type { Validator } from '../../src/runtime/validate/types'
import { CASES } from './schemas'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const ROOT = join(HERE, '../..')
const TYPIA_OUT = join(ROOT, 'node_modules/.cache/openws-bench-typia/shapes.js')

type Check = (v: unknown) => boolean
let sink = 0

/**
 * ops/s of each contender on `input`. Rounds are interleaved (A B C D A B C D ...) and the best round
 * of each counts, so load from other processes on a shared machine biases no one. Each contender
 * gets its own freshly created loop, so call-site feedback stays monomorphic for all of them.
 */
let loopId = 0
function measureAll(fns: Check[], input: unknown): number[] {
  // The source differs per loop: V8 caches `new Function` by source text, and loops sharing one
  // compiled function share its call-site feedback, so every contender after the first would
  // be measured through a polymorphic call that cannot be inlined.
  const loops = fns.map(() => new Function('fn', 'inputs', 'n', `// loop ${loopId++}\nlet s = 0; for (let i = 0; i < n; i++) if (fn(inputs[i & 63])) s++; return s`) as (fn: Check, inputs: unknown[], n: number) => number)
  // 64 distinct copies of the input (same shape, as a server sees): one object over and over would
  // let the optimiser hoist an inlined check out of the loop and time an empty loop.
  const inputs = Array.from({ length: 64 }, () => JSON.parse(JSON.stringify(input)) as unknown)
  const time = (i: number, n: number): number => {
    const t = process.hrtime.bigint()
    sink += loops[i]!(fns[i]!, inputs, n)
    return Number(process.hrtime.bigint() - t) / 1e9
  }
  const sizes = fns.map((_, i) => { let n = 256; while (time(i, n) < 0.01) n *= 2; return n })
  const best = fns.map(() => 0)
  for (let round = 0; round < 30; round++) {
    for (let i = 0; i < fns.length; i++) best[i] = Math.max(best[i]!, sizes[i]! / time(i, sizes[i]!))
  }
  return best
}

function compileGenerated(schema: Parameters<typeof generateValidator>[0]): Validator {
  // Bench only: the transformer inlines this same source at build time.
  return new Function('h', `return ${generateValidator(schema).source}`)(validatorHelpers) as Validator
}

async function main(): Promise<void> {
  console.log('compiling typia shapes with tspc ...')
  execFileSync(join(ROOT, 'node_modules/.bin/tspc'), ['-p', join(HERE, 'typia/tsconfig.json')], { stdio: 'inherit', cwd: ROOT })
  const typia = await import(pathToFileURL(TYPIA_OUT).href) as Record<'is' | 'equals', Record<string, Check>>
  const ajv = new Ajv({ strict: false, allErrors: false })
  addFormats(ajv)

  const fmt = (x: number): string => (x >= 1e6 ? (x / 1e6).toFixed(2) + 'M' : (x / 1e3).toFixed(0) + 'k').padStart(8)
  const r = (a: number, b: number): string => (a / b).toFixed(2).padStart(6) + 'x'
  console.log(`node ${process.version}, ops/s (best of 30 interleaved rounds)`)
  console.log(`${'case'.padEnd(34)}${'gen'.padStart(8)}${'interp'.padStart(8)}${'ajv'.padStart(8)}${'typia'.padStart(8)}   gen/typia gen/ajv interp/ajv typia/ajv`)
  for (const c of CASES) {
    const gen = compileGenerated(c.schema)
    const interp = interpret(c.schema)
    const ajvValidate = ajv.compile(c.schema as object) as Check
    const typiaCheck = typia[c.typia.fn][c.typia.key]!
    for (const [label, input, expected] of [['valid', c.valid, true], ['invalid', c.invalid, false]] as const) {
      for (const [who, fn] of [['gen', gen.is], ['interp', interp.is], ['ajv', ajvValidate], ['typia', typiaCheck]] as const) {
        if (fn(input) !== expected) throw new Error(`${who} disagrees on ${c.name} ${label}`)
      }
      const [g, i, a, t] = measureAll([gen.is, interp.is, ajvValidate, typiaCheck], input) as [number, number, number, number]
      console.log(`${`${c.name} ${label}`.padEnd(34)}${fmt(g)}${fmt(i)}${fmt(a)}${fmt(t)}   ${r(g, t)}  ${r(g, a)}  ${r(i, a)}   ${r(t, a)}   (typia ${c.typia.fn})`)
    }
  }
  // typia's `is` on an open shape is the least any validator can do (a typeof test per field, no
  // key pass): where typia/ajv is under 2, "2x ajv" is out of reach for that shape.
  console.log('typia/ajv: how far the minimal check (typia is, open shapes) itself is from ajv')
  if (sink < 0) console.log(sink)
}

main().catch((e) => { console.error(e); process.exit(1) })
