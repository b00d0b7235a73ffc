// `openws/transformer`: the ts-patch program transformer.
//   tsconfig: { "compilerOptions": { "plugins": [{ "transform": "openws/transformer" }] } }, build with `tspc`.
// Also usable through the TypeScript API:
//   program.emit(undefined, undefined, undefined, false, { before: [openwsTransformer(program)] })
// The file is parsed with oxc (the same plan as the bundler plugins); TypeScript is only the
// compiler's own module (ts-patch's `extras.ts`), never one imported here.
import type ts from 'typescript'
import { parseModule, type ParsedFile } from './core/ast'
import { planFor } from './core/transform-source'
import { loadTypeScript } from './core/typed/load-peer'
import { applyPlanToAst } from './apply-ast'
import { programResolver } from './program-resolver'
import { toTsDiagnostic } from './ts-diagnostic'
import type { TransformDiagnostic } from './core/types'
import { DEFAULT_PACKAGES } from './core/imports'

export interface OpenwsTransformerConfig {
  /** Module generated code imports its helpers from (default 'openws'). */
  runtimeModule?: string
  /** Packages that re-export openws: their imports are compiled like openws's (default ['openws']). */
  packages?: string[]
  /** 'typed' (default here: a program is at hand) or 'syntax'. */
  mode?: 'syntax' | 'typed'
}

/** What ts-patch passes as the third argument (only what we use). */
export interface TransformerExtras {
  addDiagnostic?: (diagnostic: ts.Diagnostic) => number
  /** The TypeScript module the compiler runs (5.9, 6.x). */
  ts?: typeof ts
}

export default function openwsTransformer(
  program: ts.Program,
  config: OpenwsTransformerConfig & { ts?: typeof ts } = {},
  extras: TransformerExtras = {},
): ts.TransformerFactory<ts.SourceFile> {
  // Through the API nobody hands us `ts`: the project's own, resolved from the program's directory.
  let host = extras.ts ?? config.ts
  const tsOf = () => (host ??= loadTypeScript(program.getCurrentDirectory()))
  // One oxc parse per file and text for the whole program (imported schema modules included).
  const parsedFiles = new Map<string, ParsedFile>()
  const parse = (file: string, code: string): ParsedFile => {
    const hit = parsedFiles.get(file)
    if (hit && hit.text === code) return hit
    const parsed = parseModule(file, code)
    parsedFiles.set(file, parsed)
    return parsed
  }
  const options = {
    mode: config.mode ?? 'typed',
    program,
    resolveModule: programResolver(program, tsOf, parse),
    runtimeModule: config.runtimeModule ?? 'openws',
    packages: config.packages ?? DEFAULT_PACKAGES,
  } as const
  const report = (d: TransformDiagnostic) => {
    const diagnostic = toTsDiagnostic(d, program, tsOf())
    if (extras.addDiagnostic) extras.addDiagnostic(diagnostic)
    else if (d.severity === 'error') reported.push(diagnostic)
  }
  const reported: ts.Diagnostic[] = []
  return (ctx) => (sf) => {
    if (sf.isDeclarationFile || (!sf.text.includes('CONFIG') && !options.packages.some((p) => sf.text.includes(p)))) return sf
    const plan = planFor(parse(sf.fileName, sf.text), options)
    if (!plan) return sf
    for (const d of plan.diagnostics) report(d)
    return applyPlanToAst(sf, plan, ctx, tsOf())
  }
}

export { openwsTransformer }
export { transformSource } from './core/index'
