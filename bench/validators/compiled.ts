// The validators users ship: one fluent role module with a message per bench case, run through the
// transformer (transformSource, syntax mode), written out as a real module next to the bundled
// runtime, imported, and its artifact's inbound validators taken (slot i = case i).
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildSync, transformSync } from 'esbuild'
import { transformSource } from '../../src/transformer/core/index'
import type { JsonSchema } from '../../src/runtime/ir/types'
import type { Validator } from '../../src/runtime/validate/types'

const root = resolve(import.meta.dirname, '../..')

export async function shippedValidators(schemas: JsonSchema[]): Promise<Validator[]> {
  const dir = join(tmpdir(), `openws-bench-validators-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'rt-entry.ts'),
    [
      `export * from ${JSON.stringify(join(root, 'src/runtime/entries/fluent.ts'))}`,
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
  const source = [
    "import * as WS from 'openws/fluent'",
    'const server = WS.role("server").asHost()',
    ...schemas.map((s, i) => `  .message(WS.message("c${i}").payload(${JSON.stringify(s)}).from("client"))`),
    'export const binder = WS.bindings(WS.network("bench").role(server).role(WS.role("client")))',
  ].join('\n')
  const result = transformSource(source, join(dir, 'net.ts'), { mode: 'syntax', runtimeModule: './rt.mjs' })
  if (!result || !result.code.includes('compiledFluentBindings(')) throw new Error(`not compiled: ${JSON.stringify(result?.diagnostics)}`)
  const js = transformSync(result.code, { loader: 'ts', format: 'esm', target: 'es2022' }).code.replaceAll('"openws/fluent"', '"./rt.mjs"')
  writeFileSync(join(dir, 'net.mjs'), js)
  const mod = (await import(pathToFileURL(join(dir, 'net.mjs')).href)) as { binder: { compiled: { inbound: { validators: Validator[] } } } }
  return mod.binder.compiled.inbound.validators
}
