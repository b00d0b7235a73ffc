// One createUnplugin for every bundler; the per-bundler entries (vite.ts, esbuild.ts, ...) are
// three lines each. The work happens in the bundler-free context.
import { createUnplugin } from 'unplugin'
import type { UnpluginInstance } from 'unplugin'
import { bundlerResolver } from './bundler-resolve'
import { createContext } from './context'
import type { ContextOptions } from './context'
import { PLUGIN_NAME, report } from './diagnostics'
import { esbuildSetup } from './esbuild-loader'
import { viteHmrHooks } from './vite-hmr'

export type { ContextOptions as OpenWsPluginOptions } from './context'

export const unplugin: UnpluginInstance<ContextOptions | undefined, false> = createUnplugin((userOptions, meta) => {
  const ctx = createContext(userOptions)
  // esbuild: our own onLoad hook (see esbuild-loader.ts for why), not the transform below.
  if (meta.framework === 'esbuild') return { name: PLUGIN_NAME, esbuild: { setup: esbuildSetup(ctx) } }
  const { id, code } = ctx.filter
  return {
    name: PLUGIN_NAME,
    // Before other transforms: the core reads the TypeScript source (decorators, types) as written.
    enforce: 'pre',
    transform: {
      filter: { id: { include: id.include, exclude: id.exclude }, code: { include: code.include } },
      async handler(source, moduleId) {
        const result = await ctx.transform(source, moduleId, {
          resolve: bundlerResolver(this),
          addWatchFile: (file) => this.addWatchFile(file),
        })
        if (!result) return undefined
        // webpack and rspack show only the text: it carries file:line:column there.
        const printsLoc = meta.framework !== 'webpack' && meta.framework !== 'rspack'
        report(
          result.diagnostics,
          moduleId,
          { warn: (m) => this.warn(m), error: (m) => this.error(m) },
          ctx.options.warningsAsErrors,
          printsLoc,
        )
        // Diagnostics only (a definition left to the interpreter): the bundler keeps its own copy.
        if (!result.map || result.code === source) return undefined
        return { code: result.code, map: result.map }
      },
    },
    watchChange(file) {
      ctx.invalidate(file)
    },
    vite: {
      ...viteHmrHooks(ctx),
      // Keep the language service warm across dev rebuilds; release it after a one-off build.
      closeBundle() {
        if (!this.meta.watchMode) ctx.dispose()
      },
    },
    rollup: {
      closeBundle() {
        if (!this.meta.watchMode) ctx.dispose()
      },
    },
  }
})
