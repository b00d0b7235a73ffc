// The same app through esbuild, Rollup, webpack and rspack with the plugins from the tarball, each
// bundle run and compared with the interpreter's transcript; and a TypeScript webpack config compiled
// the way `module: commonjs` projects compile it (no esModuleInterop, node10 resolution).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addChatApp, chatTranscript, expectCompiled, expectedChatTranscript } from './app'
import { createProject, ok, type Project } from './project'

let p: Project
let baseline: unknown
beforeAll(() => {
  p = createProject('bundlers', {
    devDependencies: {
      esbuild: '^0.28.0',
      rollup: '^4.0.0',
      '@rollup/plugin-node-resolve': '^16.0.0',
      webpack: '^5.0.0',
      '@rspack/core': '^2.0.0',
      typescript: '~5.9.3',
    },
  })
  addChatApp(p)
  // Bundlers without TypeScript support of their own strip types with esbuild, as a user's
  // loader (esbuild-loader, @rollup/plugin-typescript) would.
  p.write(
    'strip-types.mjs',
    `
import { transform } from 'esbuild'
export const strip = (code, file) => transform(code, { loader: 'ts', target: 'es2022', sourcefile: file, tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: true } } })
`,
  )
  p.write(
    'strip-loader.cjs',
    `
module.exports = function (source) {
  const done = this.async()
  import('./strip-types.mjs').then(({ strip }) => strip(source, this.resourcePath)).then((r) => done(null, r.code), done)
}
`,
  )
  p.write(
    'build-esbuild.mjs',
    `
import { build } from 'esbuild'
import openws from 'openws/esbuild'
await build({ entryPoints: ['src/main.ts'], bundle: true, platform: 'node', format: 'esm', target: 'es2022', outfile: 'out/esbuild.mjs', plugins: [openws()], logLevel: 'warning' })
`,
  )
  p.write(
    'build-rollup.mjs',
    `
import { rollup } from 'rollup'
import openws from 'openws/rollup'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { existsSync } from 'node:fs'
import { resolve, dirname } from 'node:path'
import { strip } from './strip-types.mjs'
const bundle = await rollup({
  input: 'src/main.ts',
  onwarn: (w) => console.error(w.message),
  plugins: [
    openws(),
    { name: 'ts-resolve', resolveId: (s, importer) => importer && s.startsWith('.') && existsSync(resolve(dirname(importer), s + '.ts')) ? resolve(dirname(importer), s + '.ts') : null },
    // As users resolve packages with Rollup: exports conditions and "sideEffects": false honoured.
    nodeResolve({ exportConditions: ['node'] }),
    { name: 'ts-strip', transform: async (code, id) => (id.endsWith('.ts') ? { code: (await strip(code, id)).code } : null) },
  ],
})
await bundle.write({ file: 'out/rollup.mjs', format: 'es' })
`,
  )
  for (const name of ['webpack', 'rspack']) {
    const rule =
      name === 'webpack'
        ? `{ test: /\\.ts$/, loader: resolve('strip-loader.cjs') }`
        : `{ test: /\\.ts$/, loader: 'builtin:swc-loader', options: { jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { decoratorVersion: '2022-03', useDefineForClassFields: true } } } }`
    const imp = name === 'webpack' ? `import webpack from 'webpack'` : `import { rspack as webpack } from '@rspack/core'`
    p.write(
      `build-${name}.mjs`,
      `
${imp}
import openws from 'openws/${name}'
import { resolve } from 'node:path'
const compiler = webpack({
  mode: 'production', target: 'node', entry: './src/main.ts', devtool: false,
  output: { path: resolve('out'), filename: '${name}.mjs', module: true, library: { type: 'module' }, chunkFormat: 'module' },
  experiments: { outputModule: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [${rule}] },
  optimization: { minimize: false },
  plugins: [openws()],
})
compiler.run((err, stats) => {
  compiler.close(() => {})
  if (err || stats.hasErrors()) { console.error(err ?? stats.toString('errors-only')); process.exit(1) }
})
`,
    )
  }
})
beforeAll(async () => {
  baseline = await expectedChatTranscript()
})
afterAll(() => p?.remove())

describe.each(['esbuild', 'rollup', 'webpack', 'rspack'])('%s with the published plugin', (bundler) => {
  it('builds a precompiled bundle that runs the same conversation as the interpreter', () => {
    ok(p.node([`build-${bundler}.mjs`]))
    const code = p.read(`out/${bundler}.mjs`)
    expectCompiled(code)
    expect(chatTranscript(ok(p.node([`out/${bundler}.mjs`])).stdout)).toEqual(baseline)
  })
})

describe('a TypeScript webpack config compiled as CommonJS', () => {
  it('calls the default import with and without esModuleInterop', () => {
    p.write(
      'config/webpack.config.ts',
      `
import openws from 'openws/webpack'
const plugin = openws({ include: [/src/] })
export default { plugins: [plugin] }
`,
    )
    for (const interop of [false, true]) {
      // module commonjs resolves with node10 by default in TypeScript 5.9: typesVersions must serve it.
      // Declarations are checked once (skipLibCheck off with interop off: webpack's own are large).
      ok(
        p.bin('tsc', [
          '--module',
          'commonjs',
          '--target',
          'es2022',
          `--esModuleInterop`,
          String(interop),
          '--strict',
          '--skipLibCheck',
          String(interop),
          '--types',
          'node',
          '--outDir',
          `config-out-${interop}`,
          'config/webpack.config.ts',
        ]),
      )
      p.write(`config-out-${interop}/package.json`, '{ "type": "commonjs" }')
      const run = ok(
        p.node(['-e', `const c = require('./config-out-${interop}/webpack.config.js').default; console.log(typeof c.plugins[0].apply)`]),
      )
      expect(run.stdout.trim()).toBe('function')
    }
  })
})
