// openws under esbuild: one onLoad hook of our own instead of unplugin's transform adapter.
// unplugin's adapter reads every script in JS and hands its text back to esbuild even when the
// transform declines (measured: +40 ms on the 50-file bench project with a transform that never
// matches); here a file the filter rejects is returned to esbuild untouched, which reads it itself.
import { readFileSync } from 'node:fs'
import { dirname, extname } from 'node:path'
import { esbuildResolver, type EsbuildResolve } from './bundler-resolve'
import type { OpenWsContext } from './context'
import type { BundlerAnswers } from './resolver'
import { PLUGIN_NAME, report, type BundlerMessage } from './diagnostics'
import { idMatches, matches } from './filter'
import type { TransformSourceMap } from '../transformer/core'

/** The esbuild plugin API this hook uses (structural: esbuild's types are not a dependency). */
export interface EsbuildBuild extends EsbuildResolve {
  onStart(callback: () => void): void
  onLoad(
    options: { filter: RegExp; namespace?: string },
    callback: (args: { path: string; suffix?: string }) => Promise<EsbuildLoadResult | undefined>,
  ): void
}

export interface EsbuildMessage {
  text: string
  pluginName: string
  location: { file: string; line: number; column: number }
}

export interface EsbuildLoadResult {
  contents: string
  loader: 'ts' | 'tsx' | 'js' | 'jsx'
  resolveDir: string
  watchFiles: string[]
  warnings: EsbuildMessage[]
  errors: EsbuildMessage[]
}

/** Go-side filter: only script files cross into JS at all. */
const SCRIPTS = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/

export function esbuildSetup(ctx: OpenWsContext): (build: EsbuildBuild) => void {
  return (build) => {
    const resolve = esbuildResolver(build)
    // One build sees one file system: what esbuild resolved for one file holds for the others.
    const bundlerAnswers: BundlerAnswers = new Map()
    build.onStart(() => bundlerAnswers.clear())
    build.onLoad({ filter: ctx.options.defaultInclude ? SCRIPTS : /.*/, namespace: 'file' }, async (args) => {
      const id = args.path + (args.suffix ?? '')
      if (!idMatches(ctx.filter, id)) return undefined
      let code: string
      try {
        code = readFileSync(args.path, 'utf8')
      } catch {
        return undefined // esbuild reports the unreadable file itself
      }
      // Most files decline here, answered before any await so that esbuild can go on parsing them.
      if (!matches(ctx.filter, code, id)) return undefined
      // The transform runs synchronously for milliseconds: let the replies already decided go out
      // first, so esbuild works on those files meanwhile (measured: ~10 ms less per build).
      await new Promise((resolve) => setImmediate(resolve))
      const watchFiles: string[] = []
      const result = await ctx.transform(code, id, { resolve, bundlerAnswers, addWatchFile: (file) => watchFiles.push(file) })
      if (!result) return undefined
      const warnings: EsbuildMessage[] = []
      const errors: EsbuildMessage[] = []
      report(
        result.diagnostics,
        id,
        { warn: (m) => warnings.push(toEsbuild(m)), error: (m) => errors.push(toEsbuild(m)) },
        ctx.options.warningsAsErrors,
      )
      const changed = result.map !== null && result.code !== code
      return {
        contents: changed ? withInlineMap(result.code, result.map!) : code,
        loader: loaderOf(args.path),
        resolveDir: dirname(args.path),
        watchFiles,
        warnings,
        errors,
      }
    })
  }
}

function toEsbuild(m: BundlerMessage): EsbuildMessage {
  return { text: m.message, pluginName: PLUGIN_NAME, location: { file: m.loc.file, line: m.loc.line, column: m.loc.column } }
}

function loaderOf(path: string): EsbuildLoadResult['loader'] {
  const ext = extname(path).toLowerCase()
  return ext === '.tsx' ? 'tsx' : ext === '.jsx' ? 'jsx' : /^\.[cm]?ts$/.test(ext) ? 'ts' : 'js'
}

/** esbuild reads a transform's source map from an inline comment. */
function withInlineMap(code: string, map: TransformSourceMap): string {
  return `${code}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(map.toString()).toString('base64')}`
}
