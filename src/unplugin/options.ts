// Plugin options: one object literal of defaults, checked up front (contradictions throw).
import { openwsError } from '../runtime/openws-error'

export type FilterPattern = string | RegExp | ReadonlyArray<string | RegExp>

export interface OpenWsPluginOptions {
  /**
   * Use the type checker for every file (one long-lived LanguageService per plugin instance).
   * Default false: syntax-only; a file whose definitions need a TypeScript type as payload
   * switches to typed mode on its own.
   */
  typed?: boolean
  /** Files to consider, matched against the module id. Default: .ts .tsx .mts .cts .js .mjs .jsx */
  include?: FilterPattern
  /** Files to skip, matched against the module id. Default: node_modules (unless `includeNodeModules`). */
  exclude?: FilterPattern
  /** Also transform files under node_modules (e.g. a published package of roles). Default false. */
  includeNodeModules?: boolean
  /** tsconfig.json for typed mode. Default: the nearest one above `root`. */
  tsconfig?: string
  /** Project root for tsconfig lookup and relative diagnostics. Default: process.cwd(). */
  root?: string
  /**
   * Packages that are openws or re-export it (same subpaths): a file importing one is an openws
   * file, and its definitions are compiled as if imported from openws. Default ['openws'].
   */
  packages?: string[]
  /** Treat transformer warnings as errors (fail the build). Default false. */
  warningsAsErrors?: boolean
}

export interface ResolvedOptions {
  typed: boolean
  /** True when `include` is the default (its pattern is then also valid as an esbuild Go regexp). */
  defaultInclude: boolean
  include: RegExp[]
  exclude: RegExp[]
  tsconfig: string | undefined
  root: string
  packages: string[]
  warningsAsErrors: boolean
}

export const DEFAULT_INCLUDE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)(?:\?.*)?$/
const NODE_MODULES = /[\\/]node_modules[\\/]/
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/

export function resolveOptions(options: OpenWsPluginOptions = {}): ResolvedOptions {
  if (options === null || typeof options !== 'object') {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'openws plugin options must be an object')
  }
  const merged = {
    typed: false,
    includeNodeModules: false,
    root: process.cwd(),
    packages: ['openws'],
    warningsAsErrors: false,
    ...options,
  }
  if (typeof merged.typed !== 'boolean') {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', '"typed" must be a boolean')
  }
  if (
    !Array.isArray(merged.packages) ||
    merged.packages.length === 0 ||
    !merged.packages.every((p) => typeof p === 'string' && PACKAGE_NAME.test(p))
  ) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', '"packages" must be a non-empty list of package names')
  }
  if (merged.tsconfig !== undefined && typeof merged.tsconfig !== 'string') {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', '"tsconfig" must be a path')
  }
  const exclude = toRegExps(merged.exclude, 'exclude')
  if (!merged.includeNodeModules) exclude.push(NODE_MODULES)
  else if (exclude.some((r) => r.source === NODE_MODULES.source)) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', '"includeNodeModules" contradicts an "exclude" of node_modules')
  }
  return {
    typed: merged.typed,
    defaultInclude: merged.include === undefined,
    include: merged.include === undefined ? [DEFAULT_INCLUDE] : toRegExps(merged.include, 'include'),
    exclude,
    tsconfig: merged.tsconfig,
    root: merged.root,
    packages: [...merged.packages],
    warningsAsErrors: merged.warningsAsErrors === true,
  }
}

function toRegExps(pattern: FilterPattern | undefined, name: string): RegExp[] {
  if (pattern === undefined) return []
  const list = typeof pattern === 'string' || pattern instanceof RegExp ? [pattern] : pattern
  if (!Array.isArray(list)) throw openwsError('OPENWS_ERR_INVALID_OPTION', `"${name}" must be a string, RegExp or list of them`)
  return list.map((p) => {
    if (p instanceof RegExp) return p
    if (typeof p === 'string') return globToRegExp(p)
    throw openwsError('OPENWS_ERR_INVALID_OPTION', `"${name}" must be a string, RegExp or list of them`)
  })
}

/** Minimal glob (`**`, `*`, `?`) so users can write "src/**\/*.ts" without another dependency. */
function globToRegExp(glob: string): RegExp {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*'
      i++
      if (glob[i + 1] === '/') i++
    } else if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`(?:^|/)${out}$`)
}
