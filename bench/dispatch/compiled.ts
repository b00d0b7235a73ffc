// Compiled path, start-up: a 1000-message fluent network written as users write it, run through
// the transformer (transformSource), emitted as a real module and imported cold. Measures the time
// from import to a ready runtime (module evaluation: spec literal, validators, routes, API classes;
// then runtime()), against the interpreted path (builders + bindings() + runtime() with the
// interpreter) on the same network. Run: npx tsx bench/dispatch/compiled.ts
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { buildSync, transformSync } from 'esbuild'
import { transformSource } from '../../src/transformer/core/index'
import { runtime } from '../../src/runtime/session/index'
import * as fluent from '../../src/runtime/entries/fluent'

const root = resolve(import.meta.dirname, '../..')
const ENTRY = join(root, 'src/runtime/entries/fluent.ts')

/**
 * Message k's payload: `shared` gives every message the same schema; distinct ones differ in
 * their property names (`f<k>`), so nothing can be shared between them but helpers.
 */
const payloadSource = (k: number, distinct: boolean) =>
  distinct
    ? `S.obj({ id: S.int, f${k}: S.str.max(200), tags: S.arr(S.str) })`
    : 'S.obj({ id: S.int, text: S.str.max(200), tags: S.arr(S.str) })'

/** A network as source text: host `server` with `n` messages from `client`, `client` with `n` replies. */
export function fluentSource(n: number, distinct = false): string {
  const lines = ["import * as WS from 'openws/fluent'", "import { S } from 'openws/fluent'", 'const server = WS.role("server").asHost()']
  for (let i = 0; i < n; i++) lines.push(`  .message(WS.message("m${i}").payload(${payloadSource(i, distinct)}).from("client"))`)
  lines.push('const client = WS.role("client")')
  for (let i = 0; i < n; i++) lines.push(`  .message(WS.message("r${i}").payload(S.obj({ id: S.int, ok: S.bool })))`)
  lines.push('export const binder = WS.bindings(WS.network("bench").role(server).role(client))')
  return lines.join('\n')
}

/**
 * The runtime as one plain-JS module (rt.mjs, what a bundle holds) and the transformer output as
 * another (net.mjs) importing it, so plain `node` measures module evaluation without any loader.
 */
export function compiledModule(n: number, dir: string, distinct = false): string {
  writeFileSync(
    join(dir, 'rt-entry.ts'),
    [
      `export * from ${JSON.stringify(ENTRY)}`,
      `export { compiledBindings, compiledFluentBindings } from ${JSON.stringify(join(root, 'src/runtime/contract/compiled.ts'))}`,
    ].join('\n'),
  )
  buildSync({
    entryPoints: [join(dir, 'rt-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: join(dir, 'rt.mjs'),
    logLevel: 'error',
  })
  const result = transformSource(fluentSource(n, distinct), join(dir, 'net.ts'), { mode: 'syntax', runtimeModule: './rt.mjs' })
  if (!result || !result.code.includes('compiledFluentBindings(')) throw new Error(`not compiled: ${JSON.stringify(result?.diagnostics)}`)
  const js = transformSync(result.code, { loader: 'ts', format: 'esm', target: 'es2022' }).code
  return js.replaceAll('"openws/fluent"', '"./rt.mjs"')
}

/**
 * In a fresh plain node: load the runtime, then time import(net) + runtime(binder) (ready); then,
 * with a handler per message, the first frame of every message on one session (first use: what
 * a validator that is compiled on its first call costs once), against the same frames again.
 */
const PROBE = `
const rt = await import(process.argv[2] + '/rt.mjs')
const distinct = process.argv[4] === 'distinct'
const t0 = performance.now()
const mod = await import(process.argv[2] + '/' + process.argv[3])
const t1 = performance.now()
const runtime = rt.runtime(mod.binder)
const t2 = performance.now()
if (!mod.binder.compiled) throw new Error('not compiled')
const names = mod.binder.compiled.inbound.messages
let handled = 0
for (const name of names) mod.binder.fromRoles.client.on(name, () => { handled++ })
const frames = names.map((name, k) =>
  JSON.stringify({ fromRole: 'client', messageName: name, payload: { id: k, [distinct ? 'f' + k : 'text']: 'hi', tags: ['a'] } }),
)
const session = runtime.newSession(() => undefined, (code, reason) => { throw new Error(code + ' ' + reason) })
await session.open('client')
const t3 = performance.now()
for (const f of frames) session.receive(f)
const t4 = performance.now()
for (const f of frames) session.receive(f)
const t5 = performance.now()
if (handled !== 2 * names.length) throw new Error('frames were not handled')
console.log(JSON.stringify({ ms: t2 - t0, importMs: t1 - t0, firstMs: t4 - t3, againMs: t5 - t4 }))
`

// Best of the samples: on a shared machine slower samples measure the neighbours, not the code.
const best = (xs: number[]) => Math.min(...xs)
const ms = (ns: bigint) => Number(ns) / 1e6

export async function measureStartup(
  n: number,
  samples = 15,
  distinct = false,
): Promise<{ compiled: number; interpreted: number; bytes: number; minBytes: number; firstUse: number; again: number }> {
  const dir = join(tmpdir(), `openws-bench-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  const js = compiledModule(n, dir, distinct)
  writeFileSync(join(dir, 'net.mjs'), js)
  writeFileSync(join(dir, 'probe.mjs'), PROBE)
  const compiled: number[] = []
  const first: number[] = []
  const again: number[] = []
  for (let i = 0; i < samples; i++) {
    const run = spawnSync(process.execPath, [join(dir, 'probe.mjs'), dir, 'net.mjs', distinct ? 'distinct' : 'shared'], {
      encoding: 'utf8',
    })
    if (run.status !== 0) throw new Error(run.stderr)
    const r = JSON.parse(run.stdout) as { ms: number; firstMs: number; againMs: number }
    compiled.push(r.ms)
    first.push(r.firstMs)
    again.push(r.againMs)
  }
  // Interpreted: the same definition built with the builders at run time.
  const interpreted: number[] = []
  const { S } = fluent
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint()
    let server = fluent.role('server').asHost()
    for (let k = 0; k < n; k++) {
      const payload = distinct
        ? S.obj({ id: S.int, [`f${k}`]: S.str.max(200), tags: S.arr(S.str) })
        : S.obj({ id: S.int, text: S.str.max(200), tags: S.arr(S.str) })
      server = server.message(fluent.message(`m${k}`).payload(payload).from('client'))
    }
    let client = fluent.role('client')
    for (let k = 0; k < n; k++) client = client.message(fluent.message(`r${k}`).payload(S.obj({ id: S.int, ok: S.bool })))
    runtime(fluent.bindings(fluent.network('bench').role(server).role(client)))
    interpreted.push(ms(process.hrtime.bigint() - t0))
  }
  rmSync(dir, { recursive: true, force: true })
  const minBytes = transformSync(js, { minify: true, format: 'esm', loader: 'js' }).code.length
  return { compiled: best(compiled), interpreted: best(interpreted), bytes: js.length, minBytes, firstUse: best(first), again: best(again) }
}

/**
 * Prints compiled and interpreted start-up for 10 and 1000 messages, with shared and with distinct
 * payload schemas, and the generated code's minified size per message (also run by
 * bench/dispatch/index.ts).
 */
export async function printStartup(): Promise<void> {
  for (const distinct of [false, true]) {
    const sizes: Record<number, number> = {}
    for (const n of [10, 1000]) {
      const r = await measureStartup(n, distinct && n === 1000 ? 5 : 15, distinct)
      sizes[n] = r.minBytes
      const kind = distinct ? 'distinct' : 'shared'
      const target = distinct ? 'target compiled faster than interpreted and < 20 ms' : 'target compiled < 5 ms'
      console.log(
        `start-up, ${String(n).padStart(4)} ${kind.padEnd(8)} messages: compiled ${r.compiled.toFixed(2)} ms (module ${(r.bytes / 1024).toFixed(0)} KiB, ` +
          `${(r.minBytes / 1024).toFixed(0)} KiB min; import + runtime()), interpreted ${r.interpreted.toFixed(2)} ms; ${target}` +
          (n === 1000 ? `: ${(distinct ? r.compiled < r.interpreted && r.compiled < 20 : r.compiled < 5) ? 'met' : 'NOT met'}` : ''),
      )
      console.log(
        `  first frame of each of the ${n} messages (compiled): ${r.firstUse.toFixed(2)} ms; the same frames again ${r.again.toFixed(2)} ms`,
      )
    }
    // Marginal minified bytes per message (the 990 messages between the two networks).
    const perMessage = (sizes[1000]! - sizes[10]!) / 990
    console.log(
      `  generated code per ${distinct ? 'distinct' : 'shared-schema'} message: ${(perMessage / 1024).toFixed(2)} KB minified` +
        (distinct ? ` (target ≤ 1.5 KB: ${perMessage <= 1536 ? 'met' : 'NOT met'})` : ''),
    )
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) void printStartup()
