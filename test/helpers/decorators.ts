// Compiles a decorator fixture the three ways decorators reach users (esbuild TC39, tsc TC39, tsc
// legacy experimentalDecorators: Vite 8's oxc does not lower decorators), writes it to a scratch
// folder beside the fixture's layer and imports it through vitest. Fixtures export a function
// taking the openws modules they need, so they share our module instances.
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { transform } from 'esbuild'
import ts from 'typescript'
import { scratchDir } from './scratch'

export type DecoratorMode = 'esbuild-tc39' | 'tsc-tc39' | 'tsc-legacy'
export const MODES: DecoratorMode[] = ['esbuild-tc39', 'tsc-tc39', 'tsc-legacy']

const testDir = resolve(import.meta.dirname, '..')
const cache = new Map<string, Promise<unknown>>()

/** `fixture`: a path under test/, e.g. `contract/fixtures/decorated-chat.ts`. */
export async function compileDecorated(fixture: string, mode: DecoratorMode): Promise<string> {
  const file = basename(fixture)
  const source = readFileSync(join(testDir, fixture), 'utf8')
  if (mode === 'esbuild-tc39') {
    return (await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: file })).code
  }
  const out = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      experimentalDecorators: mode === 'tsc-legacy',
      useDefineForClassFields: true,
    },
  })
  if (out.diagnostics?.length) throw new Error(ts.flattenDiagnosticMessageText(out.diagnostics[0].messageText, '\n'))
  return out.outputText
}

/** Compiles and imports (once per fixture and mode in a test file); the module's default export. */
export function loadDecorated<T>(fixture: string, mode: DecoratorMode = 'esbuild-tc39'): Promise<T> {
  const key = `${fixture}:${mode}`
  let loaded = cache.get(key)
  if (loaded === undefined) {
    loaded = (async () => {
      // Beside the fixture's layer (test/<layer>/out/), so relative depths stay what they were.
      const dir = scratchDir(join(testDir, dirname(dirname(fixture))), 'decorated')
      const target = join(dir, `${basename(fixture, '.ts')}.${mode}.mjs`)
      writeFileSync(target, await compileDecorated(fixture, mode))
      return ((await import(/* @vite-ignore */ target)) as { default: T }).default
    })()
    cache.set(key, loaded)
  }
  return loaded as Promise<T>
}
