// The `packages` option end to end: a module that imports openws only through a re-exporting
// package listed in `packages` is compiled (precompiled bindings, no reading of the definitions at
// run time), and behaves as the interpreted build does. Without the option it is not compiled.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import type { OpenWsPluginOptions } from '../../src/unplugin/plugin'
import { bannedConstructs } from '../helpers/inspect'
import { openwsEntry } from '../../bench/support/paths'

const run = promisify(execFile)
const fixture = join(import.meta.dirname, 'fixtures', 'reexport')
const out = mkdtempSync(join(tmpdir(), 'openws-packages-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

/** Bundles the fixture with esbuild; `@acme/ws` resolves to the fixture's re-exporting module. */
async function buildAndRun(name: string, plugin: OpenWsPluginOptions): Promise<{ code: string; result: unknown }> {
  const esbuild = await import('esbuild')
  const openws = (await import('../../src/unplugin/esbuild')).default
  const outfile = join(out, name, 'main.mjs')
  await esbuild.build({
    entryPoints: [join(fixture, 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    outfile,
    logLevel: 'silent',
    plugins: [
      openws(plugin),
      {
        name: 'fixture-packages',
        setup(b) {
          b.onResolve({ filter: /^@acme\/ws$/ }, () => ({ path: join(fixture, 'acme-ws.ts') }))
          b.onResolve({ filter: /^openws(\/[a-z]+)?$/ }, (a) => ({ path: openwsEntry(a.path)! }))
        },
      },
    ],
  })
  const { readFileSync } = await import('node:fs')
  const { stdout } = await run(process.execPath, [outfile], { timeout: 20_000 })
  return { code: readFileSync(outfile, 'utf8'), result: JSON.parse(stdout) }
}

const FRAMES = [
  { fromRole: 'server', messageName: 'joinedRoom', payload: { roomId: 'r1' } },
  {
    fromRole: 'server',
    messageName: '$error',
    payload: expect.objectContaining({ code: 'OPENWS_ERR_INVALID_PAYLOAD', messageName: 'createRoom' }),
  },
]

describe('the packages option', () => {
  it('compiles a module that imports openws through a listed re-exporting package', async () => {
    const { code, result } = await buildAndRun('listed', { packages: ['@acme/ws'] })
    expect(result).toEqual({ compiled: true, frames: FRAMES })
    expect(code).toContain('openws.artifact')
    expect(bannedConstructs(code)).toEqual([])
  }, 60_000)

  it('leaves it to the interpreter when the package is not listed (same behaviour)', async () => {
    const { code, result } = await buildAndRun('unlisted', {})
    expect(result).toEqual({ compiled: false, frames: FRAMES })
    expect(bannedConstructs(code)).not.toEqual([])
  }, 60_000)
})

describe('openwsModuleOf (the core side of packages)', () => {
  it('maps a listed package and its openws subpaths, nothing else', async () => {
    const { openwsModuleOf } = await import('../../src/transformer/core/imports')
    expect(openwsModuleOf('openws/fluent')).toBe('openws/fluent')
    expect(openwsModuleOf('@acme/ws', ['@acme/ws'])).toBe('openws')
    expect(openwsModuleOf('@acme/ws/decorator', ['@acme/ws'])).toBe('openws/decorator')
    expect(openwsModuleOf('@acme/wsx', ['@acme/ws'])).toBeUndefined()
    expect(openwsModuleOf('@acme/ws/spec', ['@acme/ws'])).toBeUndefined()
    expect(openwsModuleOf('openws', ['@acme/ws'])).toBeUndefined()
  })
})
