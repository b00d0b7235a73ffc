// One build function per bundler, all with the same shape, so the tests (and bench/build) can
// build the same project with and without the openws plugin. `openws` resolves to the sources.
import { mkdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import type { OpenWsPluginOptions } from '../../src/unplugin/plugin'
import { hookFloorPlugin } from './hook-floor'
import { aliasMap, openwsEntry, resolveRelative, root } from './paths'

export type Bundler = 'esbuild' | 'vite' | 'rollup' | 'webpack' | 'rspack'
export const BUNDLERS: Bundler[] = ['esbuild', 'vite', 'rollup', 'webpack', 'rspack']

export interface BuildRequest {
  entry: string
  outDir: string
  /** false: build without the plugin (the untransformed baseline); 'hook-floor': see ./hook-floor.ts. */
  plugin: OpenWsPluginOptions | false | 'hook-floor'
  /** 'node' bundles run with `node`; 'browser' bundles are ESM for a page. */
  platform?: 'node' | 'browser'
  minify?: boolean
}

export interface BuildOutput {
  file: string
  code: string
  warnings: string[]
}

const external = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])

/** The plugins a request asks for: none, openws with its options, or the hook floor. */
async function pluginsFor<P>(bundler: Bundler, req: BuildRequest): Promise<P[]> {
  if (req.plugin === false) return []
  if (req.plugin === 'hook-floor') return [hookFloorPlugin(bundler) as P]
  return [(await import(`../../src/unplugin/${bundler}.ts`)).default(req.plugin) as P]
}

export async function build(bundler: Bundler, req: BuildRequest): Promise<BuildOutput> {
  mkdirSync(req.outDir, { recursive: true })
  const warnings: string[] = []
  const file = await builders[bundler](req, warnings)
  return { file, code: readFileSync(file, 'utf8'), warnings }
}

const builders: Record<Bundler, (req: BuildRequest, warnings: string[]) => Promise<string>> = {
  async esbuild(req, warnings) {
    const esbuild = await import('esbuild')
    const ours = await pluginsFor<import('esbuild').Plugin>('esbuild', req)
    const outfile = join(req.outDir, 'main.mjs')
    const result = await esbuild.build({
      entryPoints: [req.entry],
      bundle: true,
      platform: req.platform ?? 'node',
      format: 'esm',
      target: 'es2022',
      outfile,
      minify: req.minify ?? false,
      logLevel: 'silent',
      plugins: [
        ...ours,
        {
          name: 'openws-source',
          setup(b) {
            b.onResolve({ filter: /^openws(\/[a-z]+)?$/ }, (a) => ({ path: openwsEntry(a.path)! }))
          },
        },
      ],
    })
    warnings.push(...result.warnings.map((w) => `${w.location?.file}:${w.location?.line}:${w.location?.column}: ${w.text}`))
    return outfile
  },

  async vite(req, warnings) {
    const vite = await import('vite')
    const ours = await pluginsFor<import('vite').PluginOption>('vite', req)
    const node = (req.platform ?? 'node') === 'node'
    await vite.build({
      configFile: false,
      root,
      logLevel: 'silent',
      customLogger: warningLogger(warnings),
      resolve: { alias: Object.entries(aliasMap()).map(([find, replacement]) => ({ find: new RegExp(`^${find}$`), replacement })) },
      plugins: ours,
      ssr: node ? { noExternal: true } : undefined,
      build: {
        outDir: req.outDir,
        emptyOutDir: true,
        minify: req.minify ?? false,
        target: 'es2022',
        ssr: node ? req.entry : undefined,
        lib: node ? undefined : { entry: req.entry, formats: ['es'], fileName: () => 'main.mjs' },
        rollupOptions: {
          output: { entryFileNames: 'main.mjs' },
          onwarn: (w) => void warnings.push(`${w.id ?? ''}${w.loc ? `:${w.loc.line}:${w.loc.column}` : ''}: ${w.message}`),
        },
      },
    })
    return join(req.outDir, 'main.mjs')
  },

  async rollup(req, warnings) {
    const { rollup } = await import('rollup')
    const esbuild = await import('esbuild')
    const ours = await pluginsFor<import('rollup').Plugin>('rollup', req)
    const bundle = await rollup({
      input: req.entry,
      external: (id) => external.has(id),
      onwarn: (w) => void warnings.push(w.message), // Rollup puts "[plugin p] file (line:column): " in the message
      plugins: [
        ...ours,
        {
          name: 'ts-resolve',
          resolveId: (spec, importer) => openwsEntry(spec) ?? (importer ? resolveRelative(spec, importer) : undefined) ?? null,
        },
        {
          // Rollup has no TypeScript support of its own: strip types with esbuild.
          name: 'ts-strip',
          async transform(code, id) {
            if (!/\.[cm]?tsx?$/.test(id)) return null
            const r = await esbuild.transform(code, {
              loader: 'ts',
              target: 'es2022',
              sourcefile: id,
              sourcemap: true,
              tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: true } },
            })
            return { code: r.code, map: r.map }
          },
        },
      ],
    })
    const file = join(req.outDir, 'main.mjs')
    await bundle.write({ file, format: 'es' })
    await bundle.close()
    return file
  },

  async webpack(req, warnings) {
    const { default: webpack } = await import('webpack')
    const ours = await pluginsFor<import('webpack').WebpackPluginInstance>('webpack', req)
    const compiler = webpack({
      mode: 'production',
      target: (req.platform ?? 'node') === 'node' ? 'node' : 'web',
      context: root,
      entry: req.entry,
      output: { path: req.outDir, filename: 'main.mjs', module: true, library: { type: 'module' }, chunkFormat: 'module' },
      experiments: { outputModule: true },
      devtool: false,
      resolve: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs'], alias: exactAliases() },
      module: { rules: [{ test: /\.[cm]?tsx?$/, loader: join(import.meta.dirname, 'esbuild-loader.cjs') }] },
      optimization: { minimize: req.minify ?? false },
      plugins: ours,
      infrastructureLogging: { level: 'none' },
      stats: 'none',
    })
    return runCompiler(compiler, req.outDir, warnings)
  },

  async rspack(req, warnings) {
    const { rspack } = await import('@rspack/core')
    const ours = await pluginsFor<import('@rspack/core').RspackPluginInstance>('rspack', req)
    const compiler = rspack({
      mode: 'production',
      target: (req.platform ?? 'node') === 'node' ? 'node' : 'web',
      context: root,
      entry: req.entry,
      output: { path: req.outDir, filename: 'main.mjs', module: true, library: { type: 'module' }, chunkFormat: 'module' },
      devtool: false,
      resolve: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs'], alias: exactAliases() },
      module: {
        rules: [
          {
            test: /\.[cm]?tsx?$/,
            loader: 'builtin:swc-loader',
            options: {
              jsc: {
                target: 'es2022',
                parser: { syntax: 'typescript', decorators: true },
                transform: { decoratorVersion: '2022-03', useDefineForClassFields: true },
              },
            },
          },
        ],
      },
      optimization: { minimize: req.minify ?? false },
      plugins: ours,
      infrastructureLogging: { level: 'none' },
      stats: 'none',
    } as never)
    return runCompiler(compiler as never, req.outDir, warnings)
  },
}

/** webpack/rspack: `openws$` matches the bare specifier only, so subpaths map one by one. */
function exactAliases(): Record<string, string> {
  return Object.fromEntries(Object.entries(aliasMap()).map(([k, v]) => [`${k}$`, v]))
}

interface CompilerLike {
  run(
    cb: (
      err: Error | null,
      stats?: { hasErrors(): boolean; toJson(o: object): { errors?: Array<{ message: string }>; warnings?: Array<{ message: string }> } },
    ) => void,
  ): void
  close(cb: (err?: Error | null) => void): void
}

function runCompiler(compiler: CompilerLike, outDir: string, warnings: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => {})
      if (err) return reject(err)
      const json = stats!.toJson({ all: false, errors: true, warnings: true })
      warnings.push(...(json.warnings ?? []).map((w) => w.message))
      if (stats!.hasErrors()) return reject(new Error((json.errors ?? []).map((e) => e.message).join('\n')))
      resolvePromise(join(outDir, 'main.mjs'))
    })
  })
}

function warningLogger(warnings: string[]) {
  const noop = () => {}
  return {
    info: noop,
    warn: (msg: string) => void warnings.push(msg),
    warnOnce: (msg: string) => void warnings.push(msg),
    error: (msg: string) => void warnings.push(msg),
    clearScreen: noop,
    hasErrorLogged: () => false,
    hasWarned: false,
  }
}
