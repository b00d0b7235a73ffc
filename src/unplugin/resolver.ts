// Module resolution for schemas imported from other modules (syntax mode parses those modules).
// The core resolves synchronously, the bundlers asynchronously: the core first runs on a quick
// synchronous resolution (syntax mode: our own, module-resolve.ts; typed mode: TypeScript's, with
// the project's options), then the bundler's resolver (aliases, conditions, plugins) checks the
// modules it asked for, and only when the bundler disagrees does the core run again with the
// bundler's answers. The bundler is authoritative.
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
 * and from the synchronous resolution otherwise, recording what it was asked. The core only follows
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
   * bundler disagreed with the synchronous resolution somewhere (an alias, a condition): the core must run again.
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
