// The bundler-free entry of the transformer core.
import ts from 'typescript'
import MagicString from 'magic-string'
import { parseModule } from './parse'
import { planTransform, type Plan } from './plan'
import { openwsExport, BUILD_DEFAULTS } from './runtime-bridge'
import { validatorSource } from './validator-source'
import { typedPayloads } from './typed/payload-from-type'
import type { TransformSourceOptions, TransformSourceResult, TransformSourceMap } from './types'

/**
 * Transforms one module: every openws `bindings(...)` call whose definition can be evaluated at
 * build time becomes precompiled bindings (inlined validators, route switches, outbound API
 * classes, the spec as a literal); openws decorators of static classes disappear.
 *
 * ```ts
 * transformSource(code: string, id: string, options: {
 *   mode: 'syntax' | 'typed',
 *   program?: ts.Program, languageService?: ts.LanguageService,   // typed mode
 *   resolveModule?(specifier, importer): { code, id } | undefined,
 *   runtimeModule?: string,                                         // default 'openws'
 * }): { code, map, diagnostics } | undefined
 * ```
 *
 * - Returns `undefined` when the file does not use openws or nothing is to be changed or said. A
 *   module without openws imports only has its `static CONFIG` payloads that evaluate to S builders
 *   (imported from a schema module) replaced by their JSON Schema.
 * - Syntax mode uses our `typescript` only as a parser: works with any TS major (TS 7 too).
 *   A definition whose payload is a TypeScript type yields the warning `OPENWS_WARN_NEEDS_TYPES`
 *   (re-run in typed mode).
 * - A definition that cannot be evaluated statically is left untouched, with an
 *   `OPENWS_WARN_NOT_STATIC` warning at the node; a wrong definition is an error diagnostic
 *   (`OPENWS_ERR_*`) at the node. Only non-coded exceptions (bugs) are thrown.
 * - Idempotent: transforming the output again returns undefined.
 */
export function transformSource(code: string, id: string, options: TransformSourceOptions): TransformSourceResult | undefined {
  // A class-first role may sit in a module that only imports its schemas (see planTransform).
  if (!code.includes('openws') && !code.includes('CONFIG')) return undefined
  const sf = sourceFileFor(code, id, options)
  const plan = planFor(sf, options)
  if (!plan) return undefined
  return applyPlan(code, id, sf, plan)
}

/** The plan for a parsed file; the ts-patch entry applies it to the AST instead of the text. */
export function planFor(sf: ts.SourceFile, options: TransformSourceOptions): Plan | undefined {
  return planTransform(sf, {
    openwsExport,
    resolveModule: options.resolveModule,
    runtimeModule: options.runtimeModule ?? 'openws',
    validatorSource,
    ...BUILD_DEFAULTS,
    payloadFromType: options.mode === 'typed' ? typedPayloads(options, sf) : undefined,
  })
}

/** Typed mode works on the checker's own source file, so type lookups see the same nodes. */
function sourceFileFor(code: string, id: string, options: TransformSourceOptions): ts.SourceFile {
  if (options.mode === 'typed') {
    const program = options.program ?? options.languageService?.getProgram()
    const sf = program?.getSourceFile(id)
    if (sf && sf.text === code) return sf
  }
  if (options.sourceFile && options.sourceFile.text === code) return options.sourceFile
  return parseModule(id, code)
}

function applyPlan(code: string, id: string, sf: ts.SourceFile, plan: Plan): TransformSourceResult {
  const s = new MagicString(code)
  for (const r of plan.replacements) s.overwrite(r.node.getStart(sf), r.node.getEnd(), r.text)
  for (const d of plan.removedDecorators) {
    // Remove the decorator and the whitespace up to the next token.
    let end = d.getEnd()
    while (end < code.length && /\s/.test(code[end])) end++
    s.remove(d.getStart(sf), end)
  }
  for (const stmt of plan.removedStatements) s.remove(stmt.getStart(sf), stmt.getEnd())
  if (plan.runtimeImport) {
    const stmt = `import * as ${plan.runtimeImport.namespace} from ${JSON.stringify(plan.runtimeImport.module)};\n`
    s.prepend(stmt)
  }
  const changed = s.hasChanged()
  const map = s.generateMap({ source: id, file: id, includeContent: true, hires: 'boundary' }) as unknown as TransformSourceMap
  return { code: changed ? s.toString() : code, map, diagnostics: plan.diagnostics }
}
