// Loads a test/transformer fixture interpreted (plain TS -> JS) or compiled (transformSource ->
// JS), written to a scratch folder in test/transformer/out/ with openws specifiers pointing at the
// sources.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { transformSource } from '../../src/transformer/core/index'
import type { TransformSourceResult } from '../../src/transformer/core/index'
import { scratchDir } from './scratch'

const here = dirname(fileURLToPath(import.meta.url))
/** test/transformer: its fixtures, and where its scratch folders go. */
export const transformerDir = resolve(here, '../transformer')
export const fixturesDir = join(transformerDir, 'fixtures')
export const root = resolve(here, '../..')
export const RUNTIME_SHIM = join(here, 'runtime-shim.ts')

const ENTRY: Record<string, string> = {
  openws: join(root, 'src/runtime/entries/index.ts'),
  'openws/decorator': join(root, 'src/runtime/entries/decorator.ts'),
  'openws/fluent': join(root, 'src/runtime/entries/fluent.ts'),
  'openws/schema': join(root, 'src/runtime/entries/schema.ts'),
  'openws/spec': join(root, 'src/runtime/entries/spec.ts'),
}

export type Mode = 'interpreted' | 'compiled'

/** Reads sibling modules so imported schemas are evaluated too. */
export function resolveFromDisk(specifier: string, importer: string): { code: string; id: string } | undefined {
  if (!specifier.startsWith('.')) return undefined
  for (const ext of ['.ts', '.js', '/index.ts']) {
    const p = resolve(dirname(importer), specifier + ext)
    try {
      return { code: readFileSync(p, 'utf8'), id: p }
    } catch {
      /* try next */
    }
  }
  return undefined
}

export function transformFixture(file: string, extra: { runtimeModule?: string } = {}): TransformSourceResult | undefined {
  const id = join(fixturesDir, file)
  const code = readFileSync(id, 'utf8')
  return transformSource(code, id, { mode: 'syntax', resolveModule: resolveFromDisk, runtimeModule: extra.runtimeModule ?? RUNTIME_SHIM })
}

/** Rewrites openws specifiers to the sources and relative ones to the emitted .mjs siblings. */
export function relink(js: string): string {
  return js.replace(/(from\s+|import\s*\(\s*)(['"])([^'"]+)\2/g, (all, pre: string, q: string, spec: string) => {
    if (ENTRY[spec]) return `${pre}${q}${ENTRY[spec]}${q}`
    if (spec.startsWith('.')) return `${pre}${q}${spec.replace(/\.(ts|js)$/, '')}.mjs${q}`
    return all
  })
}

export function toJs(code: string, file: string): string {
  const out = ts.transpileModule(code, {
    fileName: file,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, useDefineForClassFields: true },
  })
  return out.outputText
}

const emitted = new Map<Mode, string>()

/** Emits every fixture (once per mode and process) into out/<mode>/. */
export function emitFixtures(mode: Mode): string {
  const done = emitted.get(mode)
  if (done) return done
  const dir = scratchDir(transformerDir, mode)
  for (const f of readdirSync(fixturesDir).filter((n) => n.endsWith('.ts'))) {
    const source = readFileSync(join(fixturesDir, f), 'utf8')
    const code = mode === 'compiled' ? (transformFixture(f)?.code ?? source) : source
    writeFileSync(join(dir, f.replace(/\.ts$/, '.mjs')), relink(toJs(code, f)))
  }
  emitted.set(mode, dir)
  return dir
}

/** Imports a fixture emitted in `mode`. */
export async function loadFixture<T = Record<string, unknown>>(file: string, mode: Mode): Promise<T> {
  const dir = emitFixtures(mode)
  return (await import(/* @vite-ignore */ join(dir, file.replace(/\.ts$/, '.mjs')))) as T
}
