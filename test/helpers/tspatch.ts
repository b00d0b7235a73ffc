// Compiles the fixtures with the ts-patch transformer through the TypeScript API (what `tspc`
// does with { "transform": "openws/transformer" }), into a scratch folder test/transformer/out/tspatch-*.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import openwsTransformer from '../../src/transformer/index'
import { scratchDir } from './scratch'
import { fixturesDir, relink, root, RUNTIME_SHIM, transformerDir } from './transformer-load'

export const FIXTURE_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: false,
  skipLibCheck: true,
  useDefineForClassFields: true,
  types: ['node'],
  baseUrl: root,
  paths: {
    openws: ['src/runtime/entries/index.ts'],
    'openws/*': ['src/runtime/entries/*.ts'],
  },
}

export interface TspatchBuild {
  dir: string
  diagnostics: ts.Diagnostic[]
  /** file name -> emitted JS (before relinking) */
  outputs: Map<string, string>
}

let built: TspatchBuild | undefined

export function compileWithTransformer(
  files: string[],
  options: ts.CompilerOptions = FIXTURE_COMPILER_OPTIONS,
  runtimeModule = RUNTIME_SHIM,
): TspatchBuild {
  const program = ts.createProgram(files, options)
  const diagnostics: ts.Diagnostic[] = []
  const outputs = new Map<string, string>()
  const transformer = openwsTransformer(program, { runtimeModule }, { addDiagnostic: (d) => diagnostics.push(d) })
  const roots = new Set(files.map((f) => resolve(f)))
  for (const sf of program.getSourceFiles()) {
    if (!roots.has(resolve(sf.fileName))) continue
    program.emit(
      sf,
      (name, text) => {
        if (name.endsWith('.js')) outputs.set(sf.fileName, text)
      },
      undefined,
      false,
      { before: [transformer] },
    )
  }
  return { dir: '', diagnostics, outputs }
}

export function buildFixturesWithTspatch(): TspatchBuild {
  if (built) return built
  const files = readdirSync(fixturesDir)
    .filter((n) => n.endsWith('.ts'))
    .map((n) => join(fixturesDir, n))
  const build = compileWithTransformer(files)
  const dir = scratchDir(transformerDir, 'tspatch')
  for (const [file, js] of build.outputs) {
    writeFileSync(join(dir, file.slice(fixturesDir.length + 1).replace(/\.ts$/, '.mjs')), relink(js))
  }
  built = { ...build, dir }
  return built
}

export async function loadTspatchFixture<T>(file: string): Promise<T> {
  const { dir } = buildFixturesWithTspatch()
  return (await import(/* @vite-ignore */ join(dir, file.replace(/\.ts$/, '.mjs')))) as T
}

export function readFixture(file: string): string {
  return readFileSync(join(fixturesDir, file), 'utf8')
}
