// One-file rebuild times: edit a schema module and rebuild, keeping the plugin instance (and in
// typed mode its LanguageService) alive, as a dev loop does. esbuild: context().rebuild();
// rollup: rollup.watch(), timed from the edit to the end of the next bundle.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { OpenWsPluginOptions } from '../../src/unplugin/plugin'
import { openwsEntry, resolveRelative } from '../support/paths'
import type { Project } from './project'

export type Rebuilder = (
  project: Project,
  outDir: string,
  plugin: OpenWsPluginOptions | false,
  edits: number,
) => Promise<{ first: number; rebuilds: number[] }>

export const esbuildRebuild: Rebuilder = async (project, outDir, plugin, edits) => {
  const esbuild = await import('esbuild')
  const ours = plugin ? [(await import('../../src/unplugin/esbuild')).default(plugin)] : []
  const outfile = join(outDir, 'main.mjs')
  const t0 = performance.now()
  const ctx = await esbuild.context({
    entryPoints: [project.entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
    plugins: [
      ...ours,
      { name: 'src', setup: (b) => void b.onResolve({ filter: /^openws(\/[a-z]+)?$/ }, (a) => ({ path: openwsEntry(a.path)! })) },
    ],
  })
  await ctx.rebuild()
  const first = performance.now() - t0
  const rebuilds: number[] = []
  for (let k = 1; k <= edits; k++) {
    const expected = project.edit(k)
    const t = performance.now()
    await ctx.rebuild()
    rebuilds.push(performance.now() - t)
    if (plugin && !readFileSync(outfile, 'utf8').replace(/\\"/g, '"').includes(expected))
      throw new Error('esbuild rebuild did not pick up the edited schema')
  }
  await ctx.dispose()
  project.edit(0)
  return { first, rebuilds }
}

export const rollupRebuild: Rebuilder = async (project, outDir, plugin, edits) => {
  const rollup = await import('rollup')
  const esbuild = await import('esbuild')
  const ours = plugin ? [(await import('../../src/unplugin/rollup')).default(plugin)] : []
  const file = join(outDir, 'main.mjs')
  const watcher = rollup.watch({
    input: project.entry,
    output: { file, format: 'es' },
    onwarn: () => {},
    watch: { skipWrite: false, buildDelay: 0, chokidar: undefined },
    plugins: [
      ...ours,
      { name: 'resolve', resolveId: (s, i) => openwsEntry(s) ?? (i ? resolveRelative(s, i) : undefined) ?? null },
      {
        name: 'ts',
        async transform(code, id) {
          if (!id.endsWith('.ts')) return null
          const r = await esbuild.transform(code, {
            loader: 'ts',
            target: 'es2022',
            tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
          })
          return { code: r.code, map: null }
        },
      },
    ],
  })
  const nextEnd = () =>
    new Promise<void>((resolve, reject) => {
      const on = (e: { code: string; error?: unknown; result?: { close(): Promise<void> } }) => {
        if (e.code === 'BUNDLE_END') void e.result?.close()
        if (e.code === 'END') {
          watcher.off('event', on as never)
          resolve()
        }
        if (e.code === 'ERROR') {
          watcher.off('event', on as never)
          reject(e.error)
        }
      }
      watcher.on('event', on as never)
    })
  const t0 = performance.now()
  await nextEnd()
  const first = performance.now() - t0
  const rebuilds: number[] = []
  for (let k = 1; k <= edits; k++) {
    await new Promise((r) => setTimeout(r, 300)) // let the file watcher settle between edits
    const expected = project.edit(k)
    const t = performance.now()
    await nextEnd()
    rebuilds.push(performance.now() - t)
    if (plugin && !readFileSync(file, 'utf8').replace(/\\"/g, '"').includes(expected))
      throw new Error('rollup rebuild did not pick up the edited schema')
  }
  await watcher.close()
  project.edit(0)
  return { first, rebuilds }
}
