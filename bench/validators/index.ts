// Validator benchmark on what users ship: the validators in the transformer's output (./compiled.ts)
// over a catalogue of shapes we did not pick (./catalogue.ts), loose and strict, valid input and
// each kind of invalid input. Baselines in the same run: typia `is` (loose) / `equals` (strict),
// TypeBox `TypeCompiler.Compile`, ajv. Targets (docs: DESIGN.md, Targets):
//   valid input: gen.is >= 1.0x typia and >= 1.0x TypeBox, every shape;
//   rejection: gen.is then gen.explain (the runtime's path, maxIssues 10) >= 1.0x ajv with errors
//   (allErrors false: ajv stops at the first error and builds `errors`).
// Run: npx tsx bench/validators/index.ts   (compiles ./typia with tspc first; BENCH_ROUNDS=n, default 10)
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Ajv from 'ajv'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { CASES } from './catalogue'
import { shippedValidators } from './compiled'
import { toTypeBox } from './typebox'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const ROOT = join(HERE, '../..')
const TYPIA_OUT = join(ROOT, 'node_modules/.cache/openws-bench-typia/shapes.js')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10)
const MAX_ISSUES = 10 // the runtime's default limits.maxIssues

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
  // compiled function share its call-site feedback.
  const loops = fns.map(
    () =>
      new Function(
        'fn',
        'inputs',
        'n',
        `// loop ${loopId++}\nlet s = 0; for (let i = 0; i < n; i++) if (fn(inputs[i & 63])) s++; return s`,
      ) as (fn: Check, inputs: unknown[], n: number) => number,
  )
  // 64 distinct copies of the input (same shape, as a server sees): one object over and over would
  // let the optimiser hoist an inlined check out of the loop.
  const inputs = Array.from({ length: 64 }, () => JSON.parse(JSON.stringify(input)) as unknown)
  const time = (i: number, n: number): number => {
    const t = process.hrtime.bigint()
    sink += loops[i]!(fns[i]!, inputs, n)
    return Number(process.hrtime.bigint() - t) / 1e9
  }
  const sizes = fns.map((_, i) => {
    let n = 64
    while (time(i, n) < 0.005) n *= 2
    return n
  })
  const best = fns.map(() => 0)
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < fns.length; i++) best[i] = Math.max(best[i]!, sizes[i]! / time(i, sizes[i]!))
  }
  return best
}

async function main(): Promise<void> {
  console.log('compiling typia shapes with tspc ...')
  execFileSync(join(ROOT, 'node_modules/.bin/tspc'), ['-p', join(HERE, 'typia/tsconfig.json')], { stdio: 'inherit', cwd: ROOT })
  const typia = (await import(pathToFileURL(TYPIA_OUT).href)) as Record<'is' | 'equals', Record<string, Check>>
  const shipped = await shippedValidators(CASES.map((c) => c.schema))
  const ajv = new Ajv({ strict: false, allErrors: false })

  const fmt = (x: number): string => (x >= 1e6 ? (x / 1e6).toFixed(2) + 'M' : (x / 1e3).toFixed(0) + 'k').padStart(8)
  const r = (a: number, b: number): string => (a / b).toFixed(2).padStart(6) + 'x'
  const misses: string[] = []
  const ratios = { typia: [] as number[], typebox: [] as number[], ajv: [] as number[] }
  console.log(`node ${process.version}, ops/s (best of ${ROUNDS} interleaved rounds); gen = the transformer's output`)
  console.log(
    `${'valid input'.padEnd(26)}${'gen'.padStart(8)}${'typia'.padStart(8)}${'typebox'.padStart(8)}${'ajv'.padStart(8)}   gen/typia gen/typebox gen/ajv`,
  )
  const rows: [string, () => void][] = []
  CASES.forEach((c, slot) => {
    const gen = shipped[slot]!
    const typiaCheck = typia[c.typia.fn][c.typia.key]!
    const tb = TypeCompiler.Compile(toTypeBox(c.schema))
    const tbCheck: Check = (v) => tb.Check(v)
    const ajvValidate = ajv.compile(c.schema as object)
    const who: [string, Check][] = [
      ['gen', gen.is],
      ['typia', typiaCheck],
      ['typebox', tbCheck],
      ['ajv', ajvValidate as Check],
    ]
    for (const [name, fn] of who) if (fn(c.valid) !== true) throw new Error(`${name} rejects the valid input of ${c.name}`)
    const [g, t, b, a] = measureAll(
      who.map(([, fn]) => fn),
      c.valid,
    ) as [number, number, number, number]
    ratios.typia.push(g / t)
    ratios.typebox.push(g / b)
    if (g < t) misses.push(`${c.name} valid: ${r(g, t)} typia ${c.typia.fn}`)
    if (g < b) misses.push(`${c.name} valid: ${r(g, b)} TypeBox`)
    console.log(`${c.name.padEnd(26)}${fmt(g)}${fmt(t)}${fmt(b)}${fmt(a)}   ${r(g, t)}  ${r(g, b)}    ${r(g, a)}   (typia ${c.typia.fn})`)
    // The rejection path, measured after every valid row (printed below).
    for (const [kind, input] of c.invalid) {
      rows.push([
        `${c.name} ${kind}`,
        () => {
          const genReject: Check = (v) => !gen.is(v) && gen.explain(v, MAX_ISSUES).length > 0
          const ajvReject: Check = (v) => !ajvValidate(v) && ajvValidate.errors!.length > 0
          const typiaReject: Check = (v) => !typiaCheck(v)
          const tbReject: Check = (v) => !tb.Check(v)
          const all: [string, Check][] = [
            ['gen', genReject],
            ['ajv', ajvReject],
            ['typia', typiaReject],
            ['typebox', tbReject],
          ]
          for (const [name, fn] of all) if (fn(input) !== true) throw new Error(`${name} accepts the ${kind} input of ${c.name}`)
          const [g2, a2, t2, b2] = measureAll(
            all.map(([, fn]) => fn),
            input,
          ) as [number, number, number, number]
          ratios.ajv.push(g2 / a2)
          if (g2 < a2) misses.push(`${c.name} ${kind}: ${r(g2, a2)} ajv with errors`)
          console.log(`${`${c.name} ${kind}`.padEnd(34)}${fmt(g2)}${fmt(a2)}${fmt(t2)}${fmt(b2)}   ${r(g2, a2)}`)
        },
      ])
    }
  })
  console.log(
    `\n${'rejection (is, then explain)'.padEnd(34)}${'gen'.padStart(8)}${'ajv+err'.padStart(8)}${'typia'.padStart(8)}${'typebox'.padStart(8)}   gen/ajv   (typia, typebox: is only, no issues)`,
  )
  for (const [, run] of rows) run()
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}x..${Math.max(...xs).toFixed(2)}x`
  console.log(
    `\ntargets: valid >= 1.0x typia on every shape: ${ratios.typia.every((x) => x >= 1) ? 'met' : 'NOT met'} (${range(ratios.typia)})`,
  )
  console.log(
    `         valid >= 1.0x TypeBox on every shape: ${ratios.typebox.every((x) => x >= 1) ? 'met' : 'NOT met'} (${range(ratios.typebox)})`,
  )
  console.log(`         rejection >= 1.0x ajv with errors: ${ratios.ajv.every((x) => x >= 1) ? 'met' : 'NOT met'} (${range(ratios.ajv)})`)
  if (misses.length > 0) console.log(`not met:\n  ${misses.join('\n  ')}`)
  if (sink < 0) console.log(sink)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
