// Compiles a decorator fixture the three ways decorators reach users, writes it under out/
// (git-ignored) and imports it through vitest, so it shares our module instances.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'
import ts from 'typescript'

export type DecoratorMode = 'esbuild-tc39' | 'tsc-tc39' | 'tsc-legacy'
export const MODES: DecoratorMode[] = ['esbuild-tc39', 'tsc-tc39', 'tsc-legacy']

const here = dirname(fileURLToPath(import.meta.url))

export async function compileFixture(file: string, mode: DecoratorMode): Promise<string> {
  const source = readFileSync(join(here, 'fixtures', file), 'utf8')
  if (mode === 'esbuild-tc39') {
    const out = await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: file })
    return out.code
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

/** Compiles and imports; the module's default export is returned. */
export async function loadFixture<T>(file: string, mode: DecoratorMode): Promise<T> {
  const code = await compileFixture(file, mode)
  const outDir = join(here, 'out')
  mkdirSync(outDir, { recursive: true })
  const target = join(outDir, `${basename(file, '.ts')}.${mode}.${process.pid}.mjs`)
  writeFileSync(target, code)
  const mod = (await import(/* @vite-ignore */ target)) as { default: T }
  return mod.default
}
