// Turns a command's input into an OpenWS document: a spec JSON file, or a module (JS, or TS under
// a TypeScript loader) exporting bindings, a network builder, a network IR, a spec builder or a
// document. Every failure names the file.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { OpenWsDocument } from '../runtime/ir/types'
import { spec } from '../runtime/spec/spec'
import { specIssues, validate } from '../runtime/spec/validate'
import { CliError } from './errors'

const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.tsx', '.jsx']
const TS_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx']

export interface LoadOptions {
  /** The export to read (modules only). Default: the one export that describes a network. */
  exportName?: string
}

export async function loadDocument(cwd: string, input: string, options: LoadOptions = {}): Promise<OpenWsDocument> {
  const file = resolve(cwd, input)
  const ext = extname(file).toLowerCase()
  if (ext === '.json') {
    if (options.exportName !== undefined) throw new CliError(`--export applies to modules, not to the JSON file ${file}`, 2)
    return toDocument(readJson(file), file)
  }
  if (!MODULE_EXTENSIONS.includes(ext)) {
    throw new CliError(`${file}: expected a spec .json file or a module (${MODULE_EXTENSIONS.join(' ')})`, 2)
  }
  const exports = await importModule(file, TS_EXTENSIONS.includes(ext))
  return toDocument(
    pickExport(exports, file, options.exportName),
    `${file}${options.exportName ? ` (export "${options.exportName}")` : ''}`,
  )
}

export function readJson(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`)
  }
}

async function importModule(file: string, typescript: boolean): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (typescript && code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      const viaTsx = await importWithTsx(file)
      if (viaTsx) return viaTsx
      throw new CliError(
        `cannot import ${file}: Node cannot load TypeScript by itself. Install tsx, or run the CLI under it:\n` +
          `  npx tsx node_modules/.bin/openws <command> ${file}\n` +
          `or build the module to JavaScript first.`,
      )
    }
    if (code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(file)) throw new CliError(`cannot read ${file}: no such file`)
    throw new CliError(`cannot import ${file}: ${(error as Error).message}`)
  }
}

/** tsx's `tsImport`, when tsx is installed where the module (or the working directory) can see it. */
async function importWithTsx(file: string): Promise<Record<string, unknown> | undefined> {
  for (const base of [dirname(file), process.cwd()]) {
    let api: string
    try {
      // The ESM build of tsx's API (require.resolve would give the CJS one, which cannot tsImport ESM).
      const pkgFile = createRequire(join(base, 'noop.js')).resolve('tsx/package.json')
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> }
      const entry = pkg.exports?.['./esm/api']?.import?.default
      if (typeof entry !== 'string') continue
      api = join(dirname(pkgFile), entry)
    } catch {
      continue
    }
    const { tsImport } = (await import(pathToFileURL(api).href)) as {
      tsImport: (s: string, parent: string) => Promise<Record<string, unknown>>
    }
    try {
      return await tsImport(pathToFileURL(file).href, import.meta.url)
    } catch (error) {
      throw new CliError(`cannot import ${file}: ${(error as Error).message}`)
    }
  }
  return undefined
}

/** Whether `value` can become a document: bindings, builders, a network IR or a document. */
function describesNetwork(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  if (v.kind === 'openws.bindings' || v.kind === 'openws.network' || v.kind === 'openws.spec') return true
  return (typeof v.openws === 'string' && typeof v.networks === 'object') || (typeof v.name === 'string' && typeof v.roles === 'object')
}

function pickExport(exports: Record<string, unknown>, file: string, name: string | undefined): unknown {
  if (name !== undefined) {
    if (!Object.hasOwn(exports, name))
      throw new CliError(`${file} has no export "${name}" (exports: ${Object.keys(exports).join(', ') || 'none'})`)
    return exports[name]
  }
  const candidates = Object.keys(exports).filter((key) => describesNetwork(exports[key]))
  const distinct = [...new Set(candidates.map((key) => exports[key]))]
  if (distinct.length === 1) return distinct[0]
  if (distinct.length === 0) {
    throw new CliError(`${file} exports no bindings, network, spec or document (exports: ${Object.keys(exports).join(', ') || 'none'})`)
  }
  // Bindings and the network they were built from describe the same thing: prefer the bindings.
  const bindings = candidates.filter((key) => (exports[key] as { kind?: unknown }).kind === 'openws.bindings')
  const [only, ...more] = bindings
  if (only !== undefined && more.length === 0) return exports[only]
  throw new CliError(`${file} exports several networks (${candidates.join(', ')}): choose one with --export <name>`, 2)
}

/** A document from whatever the input held; validated. */
export function toDocument(value: unknown, where: string): OpenWsDocument {
  let doc: unknown
  try {
    const v = value as Record<string, any>
    if (v?.kind === 'openws.spec') doc = v.valueOf()
    else if (v?.kind === 'openws.bindings') doc = spec('0.0.2', v.network.name).network(v.network).valueOf()
    else if (v?.kind === 'openws.network')
      doc = spec('0.0.2', v.name)
        .network(v as never)
        .valueOf()
    else if (v && typeof v === 'object' && typeof v.name === 'string' && typeof v.roles === 'object' && v.openws === undefined) {
      doc = spec('0.0.2', v.name)
        .network(v as never)
        .valueOf()
    } else doc = value
  } catch (error) {
    throw new CliError(`${where}: ${(error as Error).message}`)
  }
  const issues = specIssues(doc)
  if (issues.length > 0) {
    throw new CliError(`${where} is not a valid OpenWS document:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`)
  }
  return validate(doc)
}
