// Builds the two examples the way their own configs do (examples/esbuild/build.mjs,
// examples/vite/vite.config.ts), but without installing anything inside them: `openws` resolves
// to the repository's sources and everything else to the root's node_modules.
import { join } from 'node:path'
import type { Plugin as EsbuildPlugin } from 'esbuild'
import { aliasMap, openwsEntry, root } from '../../bench/support/paths'

export const examplesDir = join(root, 'examples')

const openwsSource: EsbuildPlugin = {
  name: 'openws-source',
  setup(b) {
    b.onResolve({ filter: /^openws(\/[a-z]+)?$/ }, (a) => ({ path: openwsEntry(a.path)! }))
  },
}

/** examples/esbuild: the chat server, one self-contained ESM file (ws bundled in). */
export async function buildEsbuildExample(outfile: string): Promise<{ file: string; warnings: string[] }> {
  const esbuild = await import('esbuild')
  const { default: openws } = await import('../../src/unplugin/esbuild')
  const dir = join(examplesDir, 'esbuild')
  const result = await esbuild.build({
    absWorkingDir: dir,
    entryPoints: ['src/server.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    // ws is CommonJS: give the ESM bundle a `require` for its Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [openws({ root: dir }), openwsSource],
  })
  return { file: outfile, warnings: result.warnings.map((w) => w.text) }
}

/** examples/vite: the browser client, a production build into `outDir`. */
export async function buildViteExample(outDir: string): Promise<{ warnings: string[] }> {
  const vite = await import('vite')
  const { default: openws } = await import('../../src/unplugin/vite')
  const dir = join(examplesDir, 'vite')
  const warnings: string[] = []
  await vite.build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    plugins: [openws({ root: dir })],
    resolve: { alias: Object.entries(aliasMap()).map(([find, replacement]) => ({ find: new RegExp(`^${find}$`), replacement })) },
    build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { onwarn: (w) => void warnings.push(String(w.message)) } },
  })
  return { warnings }
}
