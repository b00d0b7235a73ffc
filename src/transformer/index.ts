// `openws/transformer`: the ts-patch program transformer.
//   tsconfig: { "compilerOptions": { "plugins": [{ "transform": "openws/transformer" }] } }, build with `tspc`.
// Also usable through the TypeScript API:
//   program.emit(undefined, undefined, undefined, false, { before: [openwsTransformer(program)] })
import ts from 'typescript'
import { planFor } from './core/transform-source'
import { applyPlanToAst } from './apply-ast'
import { programResolver } from './program-resolver'
import { toTsDiagnostic } from './ts-diagnostic'
import type { TransformDiagnostic } from './core/types'

export interface OpenwsTransformerConfig {
  /** Module generated code imports its helpers from (default 'openws'). */
  runtimeModule?: string
  /** 'typed' (default here: a program is at hand) or 'syntax'. */
  mode?: 'syntax' | 'typed'
}

/** What ts-patch passes as the third argument (only what we use). */
export interface TransformerExtras {
  addDiagnostic?: (diagnostic: ts.Diagnostic) => number
  /** The TypeScript module the compiler runs (5.9, 6.x); ours is only used as a parser. */
  ts?: typeof ts
}

export default function openwsTransformer(
  program: ts.Program,
  config: OpenwsTransformerConfig & { ts?: typeof ts } = {},
  extras: TransformerExtras = {},
): ts.TransformerFactory<ts.SourceFile> {
  const options = {
    mode: config.mode ?? 'typed',
    program,
    resolveModule: programResolver(program),
    runtimeModule: config.runtimeModule ?? 'openws',
  } as const
  const report = (d: TransformDiagnostic) => {
    const diagnostic = toTsDiagnostic(d, program)
    if (extras.addDiagnostic) extras.addDiagnostic(diagnostic)
    else if (d.severity === 'error') reported.push(diagnostic)
  }
  const reported: ts.Diagnostic[] = []
  return (ctx) => (sf) => {
    if (sf.isDeclarationFile || (!sf.text.includes('openws') && !sf.text.includes('CONFIG'))) return sf
    const plan = planFor(sf, options)
    if (!plan) return sf
    for (const d of plan.diagnostics) report(d)
    return applyPlanToAst(sf, plan, ctx, extras.ts ?? config.ts ?? ts)
  }
}

export { openwsTransformer }
export { transformSource } from './core/index'
