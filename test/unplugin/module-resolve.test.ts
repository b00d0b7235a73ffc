// Syntax mode's own synchronous resolver (no TypeScript): TypeScript's extension rules for
// relative specifiers, package.json `exports`/`main` for bare ones.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createModuleResolver } from '../../src/unplugin/module-resolve'

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'openws-resolve-'))).replace(/\\/g, '/')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(path: string, text = 'export {}\n'): string {
  const full = `${dir}/${path}`
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, text)
  return full
}

const importer = file('src/main.ts')
file('src/schemas.ts')
file('src/view.tsx')
file('src/esm.mts')
file('src/plain.js')
file('src/dir/index.ts')
file(
  'node_modules/exp/package.json',
  JSON.stringify({
    name: 'exp',
    exports: {
      '.': { types: './dist/index.d.ts', import: './dist/index.mjs', default: './dist/index.cjs' },
      './sub/*': { types: './dist/sub/*.d.ts', default: './dist/sub/*.js' },
    },
  }),
)
file('node_modules/exp/dist/index.d.ts')
file('node_modules/exp/dist/index.mjs')
file('node_modules/exp/dist/index.cjs')
file('node_modules/exp/dist/sub/a.js')
file(
  'node_modules/@scope/src-pkg/package.json',
  JSON.stringify({ name: '@scope/src-pkg', exports: { '.': { types: './src/index.ts', default: './dist/index.js' } } }),
)
file('node_modules/@scope/src-pkg/src/index.ts')
file('node_modules/old/package.json', JSON.stringify({ name: 'old', main: 'lib/main' }))
file('node_modules/old/lib/main.js')
file('node_modules/old/extra.js')
file('linked-target/package.json', JSON.stringify({ name: 'linked', main: 'index.js' }))
file('linked-target/index.js')
symlinkSync(`${dir}/linked-target`, `${dir}/node_modules/linked`, 'junction')

describe('module resolution without TypeScript', () => {
  const resolve = createModuleResolver()

  it.each([
    ['./schemas', 'src/schemas.ts'],
    ['./schemas.js', 'src/schemas.ts'],
    ['./schemas.ts', 'src/schemas.ts'],
    ['./view.js', 'src/view.tsx'],
    ['./view.jsx', 'src/view.tsx'],
    ['./esm.mjs', 'src/esm.mts'],
    ['./plain.js', 'src/plain.js'],
    ['./dir', 'src/dir/index.ts'],
    ['../src/dir/index.js', 'src/dir/index.ts'],
    ['exp', 'node_modules/exp/dist/index.mjs'],
    ['exp/sub/a', 'node_modules/exp/dist/sub/a.js'],
    ['@scope/src-pkg', 'node_modules/@scope/src-pkg/src/index.ts'],
    ['old', 'node_modules/old/lib/main.js'],
    ['old/extra', 'node_modules/old/extra.js'],
    ['linked', 'linked-target/index.js'],
  ])('%s -> %s', (spec, want) => {
    expect(resolve(spec, importer)).toBe(`${dir}/${want}`)
  })

  it.each(['./missing', 'exp/not-exported', 'nope', 'node:fs'])('%s -> undefined', (spec) => {
    expect(resolve(spec, importer)).toBeUndefined()
  })

  it('forgets its answers on clear (a file was created)', () => {
    expect(resolve('./later', importer)).toBeUndefined()
    file('src/later.ts')
    resolve.clear()
    expect(resolve('./later', importer)).toBe(`${dir}/src/later.ts`)
  })
})
