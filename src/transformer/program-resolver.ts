// resolveModule for the ts-patch path: TypeScript's own module resolution over the program, with
// the compiler's own `ts` (handed in lazily: the first import followed asks for it).
import type ts from 'typescript'
import type { ParsedFile } from './core/ast'
import type { ResolvedModule } from './core/types'

/** `parse`: the entry's cache, so a schema module imported by many files is parsed once. */
export function programResolver(
  program: ts.Program,
  host: () => typeof ts,
  parse: (file: string, code: string) => ParsedFile,
): (specifier: string, importer: string) => ResolvedModule | undefined {
  let resolve: ((specifier: string, importer: string) => ResolvedModule | undefined) | undefined
  const create = () => {
    const tsm = host()
    const options = program.getCompilerOptions()
    const cache = tsm.createModuleResolutionCache(program.getCurrentDirectory(), (f) => f, options)
    return (specifier: string, importer: string) => {
      const resolved = tsm.resolveModuleName(specifier, importer, options, tsm.sys, cache).resolvedModule
      if (!resolved) return undefined
      const file = resolved.resolvedFileName
      const code = program.getSourceFile(file)?.text ?? tsm.sys.readFile(file)
      return code === undefined ? undefined : { code, id: file, parsed: parse(file, code) }
    }
  }
  return (specifier, importer) => (resolve ??= create())(specifier, importer)
}
