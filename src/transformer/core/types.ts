// Public contract of the bundler-free transformer core. The unplugin wrapper and the ts-patch
// entry both call `transformSource`; nothing here depends on a bundler.
import type ts from 'typescript'
import type { ParsedFile } from './ast'

/**
 * How a definition is read.
 * - `syntax`: parse only (oxc-parser; TypeScript is never loaded), resolve openws imports by
 *   module specifier. Works with any TypeScript major the user has (TS 7 too).
 * - `typed`: additionally use a type checker (`program` or `languageService`, from the project's
 *   own TypeScript 5.9/6.x) for types-as-payloads (`@handler({ from })` without `payload`, via
 *   typia, loaded from the project on first need).
 */
export type TransformMode = 'syntax' | 'typed'

/** A module the evaluator needs (e.g. a schema or role class imported from another file). */
export interface ResolvedModule {
  /** Source text (TypeScript or JavaScript). */
  code: string
  /** Absolute file id, used for nested resolution and diagnostics. */
  id: string
  /** Already parsed (a plugin's cache): reused instead of parsing `code` again when its text is `code`. */
  parsed?: ParsedFile
}

export interface TransformSourceOptions {
  mode: TransformMode
  /** Typed mode: a program containing `id` (ts-patch passes its program). */
  program?: ts.Program
  /** Typed mode: a long-lived language service (bundler plugins); its program must contain `id`. */
  languageService?: ts.LanguageService
  /**
   * Resolves a relative/bare import so definitions imported from other modules can be
   * evaluated statically. Return undefined when the module cannot be read (the definition then
   * falls back to the runtime interpreter with a warning). Called synchronously.
   */
  resolveModule?: (specifier: string, importer: string) => ResolvedModule | undefined
  /** `code` already parsed (a plugin's cache); used when its text is `code`. */
  parsed?: ParsedFile
  /**
   * Module specifier the generated code imports its runtime helpers from.
   * Default 'openws' (tests point it at the source tree).
   */
  runtimeModule?: string
  /**
   * Packages whose modules are openws's (they re-export it): `import { bindings } from '@acme/ws'`
   * is compiled like an import from 'openws'. Default ['openws'].
   */
  packages?: readonly string[]
}

export type DiagnosticSeverity = 'error' | 'warning'

/** A diagnostic with a position: file, 1-based line and column, and what to change. */
export interface TransformDiagnostic {
  severity: DiagnosticSeverity
  /** `OPENWS_ERR_*` (errors) or `OPENWS_WARN_*` (warnings). */
  code: string
  message: string
  /** File id the position refers to. */
  file: string
  /** 0-based offset and length in that file's text. */
  start: number
  length: number
  /** 1-based. */
  line: number
  column: number
}

/** A source map v3 object (magic-string's SourceMap is compatible). */
export interface TransformSourceMap {
  version: number
  sources: string[]
  names: string[]
  mappings: string
  file?: string
  sourcesContent?: (string | null)[]
  toString(): string
}

export interface TransformSourceResult {
  code: string
  map: TransformSourceMap
  diagnostics: TransformDiagnostic[]
}
