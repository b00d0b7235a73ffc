// `tspc` with { "transform": ... } in compilerOptions.plugins, as users build: the transformer is
// bundled to CommonJS (what the package ships for ts-patch) and loaded by ts-patch itself.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { buildSync } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../helpers/scratch'
import { fixturesDir, root } from '../helpers/transformer-load'

const dir = scratchDir(import.meta.dirname, 'tspc')

describe('tspc (ts-patch 3)', () => {
  it('compiles the fixtures through the plugin and reports definition errors with file:line:column', () => {
    mkdirSync(dir, { recursive: true })
    // Dependencies stay external, as tsup leaves them in the published build (oxc-parser is ESM
    // with a native binding: it cannot be inlined into CommonJS).
    buildSync({
      entryPoints: [join(root, 'src/transformer/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: join(dir, 'transformer.cjs'),
      external: ['typescript', '@typia/core', 'typia', 'oxc-parser'],
      logLevel: 'error',
    })
    const files = ['class-chat.ts', 'decorator-chat.ts', 'fluent-chat.ts', 'diagnostics/unknown-from.ts'].map((f) =>
      relative(dir, join(fixturesDir, f)),
    )
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          strict: false,
          skipLibCheck: true,
          types: [],
          outDir: './dist',
          rootDir: relative(dir, root),
          baseUrl: relative(dir, root),
          paths: { openws: ['src/runtime/entries/index.ts'], 'openws/*': ['src/runtime/entries/*.ts'] },
          plugins: [{ transform: './transformer.cjs' }],
        },
        files,
      }),
    )
    const run = spawnSync(process.execPath, [join(root, 'node_modules/ts-patch/bin/tspc.js'), '-p', join(dir, 'tsconfig.json')], {
      encoding: 'utf8',
      cwd: dir,
    })
    const out = run.stdout + run.stderr
    expect(out).not.toContain('TS6059')
    expect(out).toMatch(/unknown-from\.ts[:(]\d+[:,]\d+\)?.*OPENWS_ERR_UNKNOWN_FROM_ROLE/)
    for (const style of ['class-chat', 'decorator-chat', 'fluent-chat']) {
      const js = join(dir, 'dist', relative(root, fixturesDir), `${style}.js`)
      expect(existsSync(js), out).toBe(true)
      const code = readFileSync(js, 'utf8')
      expect(code).toContain('import * as __openws_rt from "openws"')
      expect(code).toMatch(/__openws_rt\.compiled(Fluent)?Bindings\(/)
      expect(code).not.toMatch(/__esDecorate|__decorate|Symbol\.metadata/)
    }
  }, 120_000)
})
