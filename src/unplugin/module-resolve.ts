// Syntax mode's synchronous module resolution, without TypeScript: only what finding an imported
// schema module needs. The bundler's resolver stays authoritative (resolver.ts re-runs the core
// when it answers differently), so this is a fast first guess, not a full implementation.
//
// - Relative and absolute specifiers, with TypeScript's extension rules: `./x.js` finds `./x.ts`
//   or `./x.tsx` first (`.mjs` -> `.mts`, `.cjs` -> `.cts`, `.jsx` -> `.tsx`), `./x` tries
//   .ts .tsx .mts .cts .js .jsx .mjs .cjs, and `./dir` its `index` with those extensions.
// - Bare specifiers (`pkg`, `@scope/pkg/sub`): the nearest `node_modules/pkg` up from the importer;
//   its package.json `exports` (subpath patterns with `*`, conditions `types`, `import`, `default`
//   in the package's order; a declaration file is skipped, it has no code to evaluate), else `main`
//   (then `index`) for the package itself, else the subpath as a file inside the package.
// - Symlinks are followed (as TypeScript and the bundlers do), so answers compare equal.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { normalizeId } from './filter'
import type { SyncResolve } from './resolver'

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']
/** A JavaScript extension in a specifier stands for the TypeScript source first. */
const SOURCE_FOR: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
}
const CONDITIONS = new Set(['types', 'import', 'default'])
const DECLARATION = /\.d\.[cm]?ts$/

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function real(path: string): string {
  try {
    return normalizeId(realpathSync(path).replace(/\\/g, '/'))
  } catch {
    return normalizeId(path.replace(/\\/g, '/'))
  }
}

/** `base` as a source file: its own extension rules, then added extensions, then a directory index. */
function asFile(base: string): string | undefined {
  const ext = /\.[cm]?[jt]sx?$/.exec(base)?.[0]
  if (ext && SOURCE_FOR[ext]) {
    const stem = base.slice(0, -ext.length)
    for (const e of SOURCE_FOR[ext]!) if (isFile(stem + e)) return stem + e
  } else if (ext && !DECLARATION.test(base) && isFile(base)) return base
  for (const e of EXTENSIONS) if (isFile(base + e)) return base + e
  for (const e of EXTENSIONS) if (isFile(join(base, `index${e}`))) return join(base, `index${e}`)
  return undefined
}

/** The first target of an `exports` value that is a source file (conditions in the package's order). */
function exportTarget(value: unknown, star: string | undefined, pkgDir: string): string | undefined {
  if (typeof value === 'string') {
    if (!value.startsWith('./')) return undefined
    const target = join(pkgDir, star === undefined ? value : value.replace(/\*/g, star))
    return !DECLARATION.test(target) && isFile(target) ? target : undefined
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const hit = exportTarget(v, star, pkgDir)
      if (hit) return hit
    }
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  for (const [condition, v] of Object.entries(value)) {
    if (!CONDITIONS.has(condition)) continue
    const hit = exportTarget(v, star, pkgDir)
    if (hit) return hit
  }
  return undefined
}

/** `exports` for `subpath` ('.' or './x'): an exact key, else the longest matching `*` pattern. */
function fromExports(exports: unknown, subpath: string, pkgDir: string): string | undefined {
  const map =
    typeof exports === 'object' && exports !== null && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith('.'))
      ? (exports as Record<string, unknown>)
      : { '.': exports }
  if (Object.hasOwn(map, subpath)) return exportTarget(map[subpath], undefined, pkgDir)
  const patterns = Object.keys(map)
    .filter((k) => k.includes('*'))
    .sort((a, b) => b.length - a.length)
  for (const key of patterns) {
    const [head, tail] = key.split('*') as [string, string]
    if (subpath.startsWith(head) && subpath.endsWith(tail) && subpath.length >= head.length + tail.length) {
      return exportTarget(map[key], subpath.slice(head.length, subpath.length - tail.length), pkgDir)
    }
  }
  return undefined
}

function readPackage(dir: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

function bare(specifier: string, importer: string): string | undefined {
  const parts = specifier.split('/')
  const nameLength = specifier.startsWith('@') ? 2 : 1
  if (parts.length < nameLength || parts.slice(0, nameLength).some((p) => p === '')) return undefined
  const name = parts.slice(0, nameLength).join('/')
  const rest = parts.slice(nameLength).join('/')
  for (let dir = dirname(importer); ; dir = dirname(dir)) {
    const pkgDir = join(dir, 'node_modules', name)
    if (existsSync(pkgDir)) {
      const pkg = readPackage(pkgDir)
      if (pkg?.exports !== undefined) return fromExports(pkg.exports, rest ? `./${rest}` : '.', pkgDir)
      if (rest) return asFile(join(pkgDir, rest))
      const main = typeof pkg?.main === 'string' ? asFile(join(pkgDir, pkg.main)) : undefined
      return main ?? asFile(join(pkgDir, 'index'))
    }
    if (dirname(dir) === dir) return undefined
  }
}

/** The resolver, with a cache of answers per importer directory (`clear` when files come or go). */
export function createModuleResolver(): SyncResolve & { clear(): void } {
  const cache = new Map<string, string | undefined>()
  const resolveModule = (specifier: string, importer: string): string | undefined => {
    const from = normalizeId(importer)
    const key = `${dirname(from)}\0${specifier}`
    if (cache.has(key)) return cache.get(key)
    let hit: string | undefined
    if (specifier.startsWith('.') || isAbsolute(specifier)) hit = asFile(resolve(dirname(from), specifier))
    else if (!specifier.startsWith('node:') && !specifier.includes(':')) hit = bare(specifier, from)
    const answer = hit === undefined ? undefined : real(hit)
    cache.set(key, answer)
    return answer
  }
  return Object.assign(resolveModule, { clear: () => cache.clear() })
}
