// The bundler-free heart of the plugin: `createContext(options).transform(code, id)`.
// Everything bundler-specific (resolver, watch files, warnings) comes in through `hooks`,
// so tests call this directly on fixtures.
// Syntax mode never loads TypeScript; typed mode loads the project's own on first need.
import { readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { transformSource, isTransformerError, parseModule } from '../transformer/core'
import type { ParsedFile, TransformDiagnostic, TransformSourceMap, TransformSourceOptions } from '../transformer/core'
import { toDiagnostic } from '../transformer/core/diagnostics'
import { loadTypeScript, type TypeScriptModule } from '../transformer/core/typed/load-peer'
import { createFilter, matches, normalizeId } from './filter'
import type { TransformFilter } from './filter'
import type { TypedService } from './language-service'
import { createModuleResolver } from './module-resolve'
import { resolveOptions } from './options'
import type { OpenWsPluginOptions, ResolvedOptions } from './options'
import { LazyResolver } from './resolver'
import type { AsyncResolve, BundlerAnswers, SyncResolve } from './resolver'
import { needsTypedMode } from './typed-detect'

export interface TransformHooks {
  /** The bundler's resolver: authoritative over the synchronous first guess. */
  resolve?: AsyncResolve
  /**
   * Answers of `resolve` already known, shared by every file of one build so that a schema module
   * imported by many roles is asked about once (keyed by `BundlerAnswers.key`). The caller owns
   * its lifetime: one build, one bundler configuration.
   */
  bundlerAnswers?: BundlerAnswers
  /** Registers a file whose change must re-run this transform (dev servers, watch mode). */
  addWatchFile?: (file: string) => void
}

export interface ContextResult {
  code: string
  /** null when the code is returned unchanged (only diagnostics to report). */
  map: TransformSourceMap | null
  diagnostics: TransformDiagnostic[]
  /** Other files this result was derived from (imported schemas, payload type declarations). */
  dependencies: string[]
  mode: 'syntax' | 'typed'
}

export interface OpenWsContext {
  readonly options: ResolvedOptions
  readonly filter: TransformFilter
  /** undefined: not an openws file, or nothing to change. */
  transform(code: string, id: string, hooks?: TransformHooks): Promise<ContextResult | undefined>
  /** A file changed on disk (watchChange): drop what was derived from it. */
  invalidate(file: string): void
  /** Transformed files whose output was derived from `file` (they must be re-transformed when it changes). */
  dependentsOf(file: string): string[]
  dispose(): void
}

export interface ContextOptions extends OpenWsPluginOptions {
  /** Module the generated code imports runtime helpers from (tests point it at the sources). */
  runtimeModule?: string
}

export function createContext(userOptions: ContextOptions = {}): OpenWsContext {
  const options = resolveOptions(userOptions)
  const filter = createFilter(options)
  const runtimeModule = userOptions.runtimeModule
  let typed: TypedService | undefined // created on first need: syntax-only builds never pay for it
  let tsm: TypeScriptModule | undefined
  /** The project's `typescript` (from the tsconfig's directory, then the root); typed mode only. */
  const projectTs = () =>
    (tsm ??= loadTypeScript(options.tsconfig ? [dirname(resolve(options.root, options.tsconfig)), options.root] : [options.root]))
  const ownResolve = createModuleResolver()
  let tsResolve: (SyncResolve & { clear(): void }) | undefined
  /** Typed mode's own modules, imported on first need (a syntax-only build never evaluates them). */
  let typedModules: TypedModules | undefined
  const loadTypedModules = async () => {
    typedModules ??= { ...(await import('./language-service')), ...(await import('./ts-resolver')) }
    projectTs() // fails here, once, with the coded error when the project has no usable TypeScript
  }
  const typedResolve = () =>
    (tsResolve ??= typedModules!.createTsResolver(
      projectTs(),
      () => typed?.compilerOptions ?? typedModules!.readConfig(projectTs(), options.root, options.tsconfig),
    ))
  /** Files read (and parsed once, when first needed), by path and mtime. */
  const sources = new Map<string, SourceEntry>()
  /** Files found to need types in syntax mode; they go straight to typed mode next time. */
  const autoTyped = new Set<string>()
  /** dependency file -> transformed files derived from it (dev servers re-transform those). */
  const dependents = new Map<string, Set<string>>()

  const service = () => (typed ??= typedModules!.createTypedService(projectTs(), options.root, options.tsconfig, options.packages))

  function readSource(file: string): SourceEntry | undefined {
    try {
      const { mtimeMs } = statSync(file)
      const hit = sources.get(file)
      if (hit && hit.mtimeMs === mtimeMs) return hit
      const entry = { mtimeMs, code: readFileSync(file, 'utf8') }
      sources.set(file, entry)
      return entry
    } catch {
      return undefined
    }
  }

  /** The parse of `code`, shared with the files whose definitions import it when it is the file on disk. */
  function parsed(file: string, code: string): ParsedFile {
    const entry = readSource(file)
    return entry === undefined || entry.code !== code ? parseModule(file, code) : parsedEntry(file, entry)
  }

  async function transform(code: string, id: string, hooks: TransformHooks = {}): Promise<ContextResult | undefined> {
    if (typeof code !== 'string' || typeof id !== 'string' || !matches(filter, code, id)) return undefined
    const file = normalizeId(id)
    let mode: 'syntax' | 'typed' = options.typed || autoTyped.has(file) ? 'typed' : 'syntax'
    // Syntax mode guesses with our own resolver, typed mode with TypeScript's (tsconfig paths too).
    const resolver = new LazyResolver(
      (spec, from) => (mode === 'typed' ? typedResolve() : ownResolve)(spec, from),
      hooks.resolve,
      hooks.bundlerAnswers,
    )
    const dependencies = new Set<string>()
    const base: Omit<TransformSourceOptions, 'mode'> = {
      resolveModule(specifier, importer) {
        const path = resolver.resolve(specifier, importer)
        const entry = path === undefined ? undefined : readSource(path)
        if (path === undefined || entry === undefined) return undefined
        dependencies.add(path)
        // Parsed once per plugin instance: a schema module imported by many roles is not re-parsed for each.
        return { code: entry.code, id: path, parsed: parsedEntry(path, entry) }
      },
      ...(runtimeModule ? { runtimeModule } : {}),
      packages: options.packages,
    }
    const run = (mode: 'syntax' | 'typed') => {
      if (mode === 'syntax') return transformSource(code, file, { ...base, mode, parsed: parsed(file, code) })
      return transformSource(code, file, { ...base, mode, parsed: parsed(file, code), languageService: service().update(file, code) })
    }
    /** Runs the core; again if the bundler resolves an import the core followed differently (at most twice more). */
    const runConfirmed = async (mode: 'syntax' | 'typed') => {
      let result = guarded(() => run(mode), code, file)
      for (let round = 0; round < 2 && (await resolver.confirmWithBundler()); round++) {
        dependencies.clear()
        result = guarded(() => run(mode), code, file)
      }
      return result
    }

    if (mode === 'typed') await loadTypedModules()
    let result = await runConfirmed(mode)
    if (mode === 'syntax' && result && needsTypedMode(result.diagnostics)) {
      autoTyped.add(file)
      mode = 'typed'
      dependencies.clear()
      await loadTypedModules()
      result = await runConfirmed(mode)
    }
    if (mode === 'typed' && typed) for (const dep of typed.dependencies(file)) dependencies.add(dep)
    dependencies.delete(file)
    for (const dep of dependencies) {
      hooks.addWatchFile?.(dep)
      let set = dependents.get(dep)
      if (!set) dependents.set(dep, (set = new Set()))
      set.add(file)
    }
    if (!result) return undefined
    return { ...result, dependencies: [...dependencies], mode }
  }

  return {
    options,
    filter,
    transform,
    invalidate(file) {
      const f = normalizeId(file)
      sources.delete(f)
      autoTyped.delete(f)
      ownResolve.clear()
      tsResolve?.clear()
      typed?.invalidate(f)
    },
    dependentsOf(file) {
      return [...(dependents.get(normalizeId(file)) ?? [])]
    },
    dispose() {
      dependents.clear()
      typed?.dispose()
      typed = undefined
      sources.clear()
      autoTyped.clear()
    },
  }
}

type TypedModules = typeof import('./language-service') & typeof import('./ts-resolver')

interface SourceEntry {
  mtimeMs: number
  code: string
  sf?: ParsedFile
}

function parsedEntry(file: string, entry: SourceEntry): ParsedFile {
  return (entry.sf ??= parseModule(file, entry.code))
}

type CoreResult = { code: string; map: TransformSourceMap | null; diagnostics: TransformDiagnostic[] } | undefined

/** A coded TransformerError that escaped the core still becomes a diagnostic; anything else is a bug. */
function guarded(fn: () => CoreResult, code: string, file: string): CoreResult {
  try {
    return fn()
  } catch (err) {
    if (!isTransformerError(err)) throw err
    const diagnostic = toDiagnostic(err)
    return { code, map: null, diagnostics: [{ ...diagnostic, file: diagnostic.file || file }] }
  }
}
