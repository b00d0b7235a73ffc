// Reaches each bundler's own resolver from inside a transform hook, so aliases, `exports`
// conditions and other plugins decide where an imported schema module lives.
import { dirname } from 'node:path'
import type { UnpluginBuildContext, UnpluginContext } from 'unplugin'
import type { AsyncResolve } from './resolver'

type HookThis = UnpluginBuildContext &
  UnpluginContext & {
    resolve?: (
      source: string,
      importer?: string,
      options?: { skipSelf?: boolean },
    ) => Promise<{ id: string; external?: boolean | string } | null>
  }

/** The part of esbuild's PluginBuild used here (structural: esbuild's types are not a dependency). */
export interface EsbuildResolve {
  resolve(
    path: string,
    options: { resolveDir: string; importer: string; kind: 'import-statement' },
  ): Promise<{ errors: unknown[]; external: boolean; path: string }>
}

/** esbuild's `build.resolve` (its own resolution, aliases and other plugins' onResolve). */
export function esbuildResolver(build: EsbuildResolve): AsyncResolve {
  return async (spec, importer) => {
    const hit = await build.resolve(spec, { resolveDir: dirname(importer), importer, kind: 'import-statement' })
    return hit.errors.length || hit.external || !hit.path ? undefined : hit.path
  }
}

export function bundlerResolver(ctx: HookThis): AsyncResolve | undefined {
  // Rollup and Vite: the plugin context's resolve (runs every resolveId hook).
  if (typeof ctx.resolve === 'function') {
    const resolve = ctx.resolve.bind(ctx)
    return async (spec, importer) => {
      const hit = await resolve(spec, importer, { skipSelf: true })
      return hit && !hit.external ? hit.id : undefined
    }
  }
  const native = ctx.getNativeBuildContext?.()
  if (!native) return undefined
  if (native.framework === 'esbuild') return esbuildResolver(native.build)
  if ((native.framework === 'webpack' || native.framework === 'rspack') && native.loaderContext) {
    const loader = native.loaderContext as { getResolve?: (o?: object) => (context: string, request: string) => Promise<string | false> }
    const resolve = loader.getResolve?.({ dependencyType: 'esm' })
    if (!resolve) return undefined
    return async (spec, importer) => {
      const hit = await resolve(dirname(importer), spec)
      return typeof hit === 'string' ? hit : undefined
    }
  }
  return undefined
}
