// Typed mode's synchronous resolution: TypeScript's own, with the project's compiler options
// (Bundler mode when none are known), through the project's `typescript` handed in.
import type ts from 'typescript'
import { normalizeId } from './filter'
import type { SyncResolve } from './resolver'

export function createTsResolver(tsm: typeof ts, getOptions: () => ts.CompilerOptions): SyncResolve & { clear(): void } {
  let cache = tsm.createModuleResolutionCache(process.cwd(), (f) => f)
  const resolve = (spec: string, from: string) => {
    const options = { moduleResolution: tsm.ModuleResolutionKind.Bundler, module: tsm.ModuleKind.ESNext, allowJs: true, ...getOptions() }
    const hit = tsm.resolveModuleName(spec, normalizeId(from), options, tsm.sys, cache).resolvedModule
    if (!hit || (hit.isExternalLibraryImport && hit.extension.startsWith('.d.'))) return undefined
    return hit.resolvedFileName.replace(/\\/g, '/')
  }
  // A created or deleted file changes what resolves where: watch mode drops the cache.
  return Object.assign(resolve, { clear: () => void (cache = tsm.createModuleResolutionCache(process.cwd(), (f) => f)) })
}
