// Where things are for the bundler tests, bench/build and bench/size: the repo root, `openws`
// subpaths mapped to the sources (nothing is installed inside fixtures or examples), and the
// TypeScript resolution rules of the sources (extensionless relative imports).
import { existsSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export const root = resolve(import.meta.dirname, '..', '..')
export const entries = join(root, 'src', 'runtime', 'entries')
export const pluginEntries = join(root, 'src', 'unplugin')

/** `openws`, `openws/decorator`, ... -> the entry source file. */
export function openwsEntry(specifier: string): string | undefined {
  const m = /^openws(?:\/([a-z]+))?$/.exec(specifier)
  if (!m) return undefined
  const file = join(entries, `${m[1] ?? 'index'}.ts`)
  if (existsSync(file)) return file
  const adapter = join(root, 'src', 'runtime', 'adapters', m[1] ?? '', 'index.ts')
  return existsSync(adapter) ? adapter : undefined
}

export const OPENWS_SUBPATHS = ['', '/schema', '/decorator', '/fluent', '/spec', '/client', '/ws', '/fastify']

/** Aliases in the webpack/rspack/vite shape: exact `openws…` specifiers to source entries. */
export function aliasMap(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const sub of OPENWS_SUBPATHS) {
    const file = openwsEntry(`openws${sub}`)
    if (file) out[`openws${sub}`] = file
  }
  return out
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '/index.ts', '.js', '.mjs']

/** Resolves a relative import the way TypeScript's Bundler mode does (extension optional). */
export function resolveRelative(specifier: string, importer: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const base = resolve(dirname(importer), specifier)
  return EXTENSIONS.map((ext) => base + ext).find(isFile)
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}
