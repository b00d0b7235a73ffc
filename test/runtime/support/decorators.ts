// Loads the decorator fixtures: Vite 8 (oxc) does not lower decorators, so each fixture is compiled
// with esbuild (TC39 decorators) or tsc (legacy experimentalDecorators), written under
// test/runtime/out/ (git-ignored) and imported, sharing our module instances via the passed-in APIs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'
import ts from 'typescript'

export type DecoratorMode = 'esbuild-tc39' | 'tsc-legacy'

const here = dirname(fileURLToPath(import.meta.url))
const cache = new Map<string, Promise<unknown>>()

async function compile(file: string, mode: DecoratorMode): Promise<string> {
  const source = readFileSync(join(here, '..', 'fixtures', file), 'utf8')
  if (mode === 'esbuild-tc39') {
    return (await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: file })).code
  }
  return ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, experimentalDecorators: true, useDefineForClassFields: true },
  }).outputText
}

/** The fixture's default export (a function taking the APIs it needs). */
export function loadDecorated<T>(file: string, mode: DecoratorMode = 'esbuild-tc39'): Promise<T> {
  const key = `${file}:${mode}`
  let p = cache.get(key)
  if (p === undefined) {
    p = (async () => {
      const outDir = join(here, '..', 'out')
      mkdirSync(outDir, { recursive: true })
      const target = join(outDir, `${basename(file, '.ts')}.${mode}.${process.pid}.mjs`)
      writeFileSync(target, await compile(file, mode))
      return ((await import(/* @vite-ignore */ target)) as { default: T }).default
    })()
    cache.set(key, p)
  }
  return p as Promise<T>
}
