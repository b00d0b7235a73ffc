// Typed mode: ONE long-lived ts.LanguageService per plugin instance (never a Program per file),
// built with the project's own `typescript`, handed in (this file imports none).
// The bundler hands us the current text of the file being transformed; every other file is read
// from disk and re-read only when `invalidate` bumps its version (watchChange).
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type ts from 'typescript'
import { normalizeId } from './filter'

export interface TypedService {
  /** Brings `file` to the bundler's copy of its text and returns the service (its program contains `file`). */
  update(file: string, code: string): ts.LanguageService
  /** Files (outside node_modules and lib) that `file` depends on, transitively: the payload types live there. */
  dependencies(file: string): string[]
  /** A watched file changed, was created or deleted. */
  invalidate(file: string): void
  readonly compilerOptions: ts.CompilerOptions
  dispose(): void
}

interface Entry {
  version: number
  /** Text supplied by the bundler; undefined means read from disk. */
  text?: string
}

/** `tsm`: the project's own TypeScript (see load-peer.ts), loaded when typed mode is first needed. */
export function createTypedService(
  tsm: typeof ts,
  root: string,
  tsconfig?: string,
  packages: readonly string[] = ['openws'],
): TypedService {
  // Only the files we are asked about become roots; the config's file list would load the whole repo.
  const options = readConfig(tsm, root, tsconfig)
  const files = new Map<string, Entry>()
  const roots = new Set<string>()

  const entry = (file: string): Entry => {
    let e = files.get(file)
    if (!e) files.set(file, (e = { version: 0 }))
    return e
  }

  const host: ts.LanguageServiceHost = {
    // No getProjectVersion: the service then checks every file's version on each use, which is
    // what lets an edited type file (mtime) be seen without any bundler telling us.
    getScriptFileNames: () => [...roots],
    getScriptVersion: (f) => {
      const e = entry(normalizeId(f))
      // Bundlers without watchChange (esbuild rebuilds) never tell us a type file changed:
      // project files read from disk also carry their mtime. Libraries and lib.d.ts do not change.
      if (e.text !== undefined || /[\\/]node_modules[\\/]/.test(f)) return String(e.version)
      return `${e.version}:${mtimeOf(f)}`
    },
    getScriptSnapshot: (f) => {
      const e = entry(normalizeId(f))
      const text = e.text ?? tsm.sys.readFile(f)
      return text === undefined ? undefined : tsm.ScriptSnapshot.fromString(text)
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => tsm.getDefaultLibFilePath(o),
    fileExists: tsm.sys.fileExists,
    readFile: tsm.sys.readFile,
    readDirectory: tsm.sys.readDirectory,
    directoryExists: tsm.sys.directoryExists,
    getDirectories: tsm.sys.getDirectories,
    // A workspace package linked into node_modules (npm, pnpm, yarn workspaces) resolves to its
    // real file, which is project source: versioned by mtime and listed by dependencies().
    realpath: tsm.sys.realpath,
  }
  const registry = tsm.createDocumentRegistry()
  const service = tsm.createLanguageService(host, registry)

  return {
    compilerOptions: options,
    update(file, code) {
      const f = normalizeId(file)
      const e = entry(f)
      if (e.text !== code) {
        e.text = code
        e.version++
      }
      roots.add(f)
      return service
    },
    dependencies(file) {
      const program = service.getProgram()
      const start = program?.getSourceFile(normalizeId(file))
      if (!program || !start) return []
      const seen = new Set<string>()
      const visit = (sf: ts.SourceFile) => {
        // preProcessFile sees `import type` and `import('...')` types too: payload types live there.
        for (const { fileName: spec } of tsm.preProcessFile(sf.text, true, true).importedFiles) {
          // openws itself is not where user payload types live (and may resolve to its sources).
          if (packages.some((p) => spec === p || spec.startsWith(`${p}/`))) continue
          const hit = tsm.resolveModuleName(spec, sf.fileName, options, tsm.sys).resolvedModule
          // Not `isExternalLibraryImport`: a linked workspace package is external by its path but
          // not by its real file; the node_modules test below is on the real file.
          if (!hit) continue
          const name = normalizeId(hit.resolvedFileName)
          if (seen.has(name) || /[\\/]node_modules[\\/]/.test(name)) continue
          seen.add(name)
          const next = program.getSourceFile(name)
          if (next) visit(next)
        }
      }
      visit(start)
      seen.delete(normalizeId(file))
      return [...seen]
    },
    invalidate(file) {
      const f = normalizeId(file)
      const e = entry(f)
      e.text = undefined // the disk is the truth again until the bundler hands us new text
      e.version++
      if (!existsSync(f)) roots.delete(f)
    },
    dispose() {
      service.dispose()
      files.clear()
    },
  }
}

export function readConfig(tsm: typeof ts, root: string, tsconfig?: string): ts.CompilerOptions {
  const path = tsconfig ? resolve(root, tsconfig) : tsm.findConfigFile(root, tsm.sys.fileExists)
  const fallback: ts.CompilerOptions = {
    target: tsm.ScriptTarget.ES2022,
    module: tsm.ModuleKind.ESNext,
    moduleResolution: tsm.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    allowJs: true,
  }
  if (!path || !existsSync(path) || !statSync(path).isFile()) return fallback
  const parsed = tsm.getParsedCommandLineOfConfigFile(
    path,
    { noEmit: true },
    {
      ...tsm.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  )
  if (!parsed) return fallback
  return { ...parsed.options, noEmit: true }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs
  } catch {
    return -1
  }
}
