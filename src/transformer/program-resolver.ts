// resolveModule for the ts-patch path: TypeScript's own module resolution over the program.
import ts from 'typescript'
import type { ResolvedModule } from './core/types'

export function programResolver(program: ts.Program): (specifier: string, importer: string) => ResolvedModule | undefined {
  const options = program.getCompilerOptions()
  const cache = ts.createModuleResolutionCache(program.getCurrentDirectory(), (f) => f, options)
  return (specifier, importer) => {
    const resolved = ts.resolveModuleName(specifier, importer, options, ts.sys, cache).resolvedModule
    if (!resolved) return undefined
    const file = resolved.resolvedFileName
    const sourceFile = program.getSourceFile(file)
    if (sourceFile) return { code: sourceFile.text, id: file, sourceFile }
    const code = ts.sys.readFile(file)
    return code === undefined ? undefined : { code, id: file }
  }
}
