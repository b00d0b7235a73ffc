// The bundler-free entry of the transformer core.
import MagicString from 'magic-string'
import { parseModule, type ParsedFile } from './ast'
import { planTransform, type Plan } from './plan'
import { DEFAULT_PACKAGES } from './imports'
import { openwsExport, BUILD_DEFAULTS } from './runtime-bridge'
import { typedSchemas } from './typed/payload-from-type'
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
 *   packages?: string[],                 // packages re-exporting openws; default ['openws']
 * }): { code, map, diagnostics } | undefined
 * ```
 *
 * - Returns `undefined` when the file does not use openws or nothing is to be changed or said. A
 *   module without openws imports only has its `static CONFIG` payloads that evaluate to S builders
 *   (imported from a schema module) replaced by their JSON Schema.
 * - Every mode parses with oxc-parser; syntax mode never loads TypeScript, so it works with any
 *   TS major (TS 7 too). A definition whose payload is a TypeScript type yields the warning
 *   `OPENWS_WARN_NEEDS_TYPES` (re-run in typed mode, where the checker's program gives the type).
 * - A definition that cannot be evaluated statically is left untouched, with an
 *   `OPENWS_WARN_NOT_STATIC` warning at the node; a wrong definition is an error diagnostic
 *   (`OPENWS_ERR_*`) at the node. Only non-coded exceptions (bugs) are thrown.
 * - Idempotent: transforming the output again returns undefined.
 */
export function transformSource(code: string, id: string, options: TransformSourceOptions): TransformSourceResult | undefined {
  // A class-first role may sit in a module that only imports its schemas (see planTransform).
  if (!code.includes('CONFIG') && !(options.packages ?? DEFAULT_PACKAGES).some((p) => code.includes(p))) return undefined
  const sf = options.parsed && options.parsed.text === code ? options.parsed : parseModule(id, code)
  const plan = planFor(sf, options)
  if (!plan) return undefined
  return applyPlan(code, id, plan)
}

/** The plan for a parsed file; the ts-patch entry applies it to the AST instead of the text. */
export function planFor(sf: ParsedFile, options: TransformSourceOptions): Plan | undefined {
  return planTransform(sf, {
    openwsExport,
    resolveModule: options.resolveModule,
    runtimeModule: options.runtimeModule ?? 'openws',
    packages: options.packages ?? DEFAULT_PACKAGES,
    ...BUILD_DEFAULTS,
    ...(options.mode === 'typed' ? typedSchemas(options) : undefined),
  })
}

function applyPlan(code: string, id: string, plan: Plan): TransformSourceResult {
  const s = new MagicString(code)
  for (const r of plan.replacements) s.overwrite(r.start, r.end, r.text)
  for (const d of plan.removedDecorators) {
    // Remove the decorator and the whitespace up to the next token.
    let end = d.end
    while (end < code.length && /\s/.test(code[end]!)) end++
    s.remove(d.start, end)
  }
  for (const stmt of plan.removedStatements) s.remove(stmt.start, stmt.end)
  if (plan.runtimeImport) {
    const stmt = `import * as ${plan.runtimeImport.namespace} from ${JSON.stringify(plan.runtimeImport.module)};\n`
    s.prepend(stmt)
  }
  const changed = s.hasChanged()
  const map = s.generateMap({ source: id, file: id, includeContent: true, hires: 'boundary' }) as unknown as TransformSourceMap
  return { code: changed ? s.toString() : code, map, diagnostics: plan.diagnostics }
}
