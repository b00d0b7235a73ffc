// The published shape: every subpath export loads from dist/ as ESM and as CJS, under its own
// package name (self-reference), with the names the README uses. Runs after `npm run build`
// (as in CI); skipped with a message when dist/ has not been built.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const built = existsSync(join(root, 'dist', 'index.js'))

/** Names each entry must export (a sample that the README relies on). */
const expected: Record<string, string[]> = {
  '.': ['S', 'bindings', 'runtime', 'harness', 'disconnect', 'OpenWsError', 'ErrorCodes'],
  './schema': ['S', 'toJsonSchema', 'isSchemaBuilder'],
  './decorator': ['role', 'message', 'handler', 'bindings', 'runtime'],
  './fluent': ['role', 'message', 'network', 'endpoint', 'spec', 'bindings', 'runtime'],
  './spec': ['spec', 'network', 'role', 'message', 'endpoint', 'validate', 'fromJson', 'toAsyncApi'],
  './fastify': ['openws', 'injectOpenWs', 'contextOf'],
  './ws': ['attach', 'createServer', 'contextOf'],
  './client': ['connect', 'OpenWsClient', 'hostedBy'],
  './client/node': ['connect', 'OpenWsClient', 'hostedBy'],
  './transformer': ['default'],
  './vite': ['default'],
  './esbuild': ['default'],
  './rollup': ['default'],
  './webpack': ['default'],
  './rspack': ['default'],
}

function exportedNames(specifier: string, kind: 'import' | 'require'): string[] {
  const script =
    kind === 'import'
      ? `import(${JSON.stringify(specifier)}).then(m => console.log(JSON.stringify(Object.keys(m))))`
      : // A build plugin's CJS entry is the plugin function itself (`require('openws/webpack')()`).
        `const m = require(${JSON.stringify(specifier)}); console.log(JSON.stringify(typeof m === 'function' ? ['default'] : Object.keys(m)))`
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })
  return JSON.parse(out)
}

describe.skipIf(!built)('package exports (dist)', () => {
  const subpaths = Object.keys(pkg.exports).filter((p) => p !== './package.json')

  it.each(subpaths)('%s loads as ESM and CJS with the same names', (subpath) => {
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`
    const esm = exportedNames(specifier, 'import')
    const cjs = exportedNames(specifier, 'require').filter((n) => n !== 'default' && n !== '__esModule')
    expect(esm.length).toBeGreaterThan(0)
    expect(new Set(cjs)).toEqual(new Set(esm.filter((n) => n !== 'default')))
    for (const name of expected[subpath] ?? []) expect(esm).toContain(name)
  })

  it('declares types for every subpath', () => {
    for (const [subpath, target] of Object.entries<any>(pkg.exports)) {
      if (subpath === './package.json') continue
      expect(existsSync(join(root, target.import.types)), `${subpath} types`).toBe(true)
      expect(existsSync(join(root, target.require.types)), `${subpath} require types`).toBe(true)
    }
  })
})
