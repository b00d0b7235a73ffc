// Which modules the plugin looks at: the id (extension, node_modules) AND the code (imports openws,
// or declares a `static CONFIG`: class-first roles may live in a module that only imports schemas).
// Both halves go into unplugin's `transform.filter`, so bundlers skip the rest natively
// (under esbuild a broad filter would steal onLoad from other plugins).
import type { ResolvedOptions } from './options'

export interface TransformFilter {
  id: { include: RegExp[]; exclude: RegExp[] }
  code: { include: RegExp }
}

/** Matches a module specifier of one of `packages`: 'openws', "openws/decorator", ... */
export function importPattern(packages: readonly string[]): RegExp {
  const names = packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')
  return new RegExp(`['"\`](?:${names})(?:/[A-Za-z0-9_./-]*)?['"\`]`)
}

/** A class-first role definition, in a module that may not import openws itself. */
export const STATIC_CONFIG = /\bstatic\s+CONFIG\b/

/** Virtual modules (`\0…`) and Vite's internal ids are never user sources. */
const VIRTUAL = /^(?:\0|virtual:|\/@)/

export function createFilter(options: ResolvedOptions): TransformFilter {
  return {
    id: { include: options.include, exclude: [VIRTUAL, ...options.exclude] },
    code: { include: new RegExp(`${importPattern(options.packages).source}|${STATIC_CONFIG.source}`) },
  }
}

/** The same decision as the bundler-side filter, for direct `ctx.transform` calls. */
export function matches(filter: TransformFilter, code: string, id: string): boolean {
  return idMatches(filter, id) && test(filter.code.include, code)
}

/** The id half of the filter: a module it rejects need not even be read. */
export function idMatches(filter: TransformFilter, id: string): boolean {
  const path = normalizeId(id)
  if (!filter.id.include.some((r) => test(r, path))) return false
  return !filter.id.exclude.some((r) => test(r, path) || test(r, id))
}

/** Bundler ids can carry a query (`?v=123`) and Windows separators; the file path is what matters. */
export function normalizeId(id: string): string {
  const q = id.indexOf('?')
  return (q === -1 ? id : id.slice(0, q)).replace(/\\/g, '/')
}

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0 // a user-supplied /g or /y RegExp is stateful
  return re.test(s)
}
