// Module resolution for schemas imported from other modules (syntax mode parses those modules).
// The core resolves synchronously, the bundlers asynchronously: the core first runs on
// TypeScript's Bundler-mode resolution (which also finds `.ts` sources behind `.js` specifiers),
// then the bundler's resolver (aliases, conditions, plugins) checks the modules it asked for, and
// only when the bundler disagrees does the core run again with the bundler's answers.
import ts from 'typescript'
import { normalizeId } from './filter'

/** The bundler's resolver: `this.resolve` (Rollup/Vite), `build.resolve` (esbuild), webpack's getResolve. */
export type AsyncResolve = (specifier: string, importer: string) => Promise<string | undefined>

export type SyncResolve = (specifier: string, importer: string) => string | undefined

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/

/** The bundler's answers by importer and specifier (see `answerKey`); undefined: not a source file. */
export type BundlerAnswers = Map<string, string | undefined>

function answerKey(importer: string, specifier: string): string {
  return `${importer}\0${specifier}`
}

interface Request {
  specifier: string
  importer: string
  answer: string | undefined
}

/**
 * A synchronous resolver for the core that answers from the bundler's results when it has them
 * and from TypeScript's resolution otherwise, recording what it was asked. The core only follows
 * imports when it evaluates a definition, so most files ask nothing and cost no bundler round trip.
 */
export class LazyResolver {
  private requests: Request[] = []

  constructor(
    private readonly fallback: SyncResolve,
    private readonly bundlerResolve: AsyncResolve | undefined,
    /** Shared with the other files of the build when the caller passes it. */
    private readonly bundlerAnswers: BundlerAnswers = new Map(),
  ) {}

  readonly resolve: SyncResolve = (specifier, importer) => {
    const key = answerKey(normalizeId(importer), specifier)
    if (this.bundlerAnswers.has(key)) return this.bundlerAnswers.get(key)
    const answer = this.fallback(specifier, importer)
    this.requests.push({ specifier, importer: normalizeId(importer), answer })
    return answer
  }

  /**
   * Asks the bundler about everything requested since the last call (in parallel). True when the
   * bundler disagreed with TypeScript somewhere (an alias, a condition): the core must run again.
   */
  async confirmWithBundler(): Promise<boolean> {
    const pending = this.requests
    this.requests = []
    if (!this.bundlerResolve || pending.length === 0) return false
    const answers = await Promise.all(pending.map((r) => this.ask(r.specifier, r.importer)))
    let differs = false
    pending.forEach((r, i) => {
      const answer = answers[i] ?? r.answer
      this.bundlerAnswers.set(answerKey(r.importer, r.specifier), answer)
      if (answer !== r.answer) differs = true
    })
    return differs
  }

  private async ask(specifier: string, importer: string): Promise<string | undefined> {
    try {
      const hit = await this.bundlerResolve!(specifier, importer)
      return hit && SOURCE_FILE.test(normalizeId(hit)) ? normalizeId(hit) : undefined
    } catch {
      return undefined // an unresolvable import is the bundler's error to report, not ours
    }
  }
}

/** TypeScript's own resolution with the project's options (Bundler mode when none are known). */
export function createTsResolver(getOptions: () => ts.CompilerOptions): SyncResolve & { clear(): void } {
  let cache = ts.createModuleResolutionCache(process.cwd(), (f) => f)
  const resolve = (spec: string, from: string) => {
    const options = { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, allowJs: true, ...getOptions() }
    const hit = ts.resolveModuleName(spec, normalizeId(from), options, ts.sys, cache).resolvedModule
    if (!hit || hit.isExternalLibraryImport && hit.extension.startsWith('.d.')) return undefined
    return hit.resolvedFileName.replace(/\\/g, '/')
  }
  // A created or deleted file changes what resolves where: watch mode drops the cache.
  return Object.assign(resolve, { clear: () => void (cache = ts.createModuleResolutionCache(process.cwd(), (f) => f)) })
}
