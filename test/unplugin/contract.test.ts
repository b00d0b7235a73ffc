// One contract, both ends, in each style: the browser bundle of a client built from the shared
// contract holds none of the server's handler code, and is compiled (no CONFIG read, no interpreter).
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../bench/support/builders'
import { bannedConstructs } from '../helpers/inspect'

const run = promisify(execFile)
// class-first: fixtures/contract; decorators and fluent: fixtures/contract-<style>.
const STYLES = [
  { style: 'class-first', dir: 'contract', compiledCall: 'compiledBindings' },
  { style: 'decorator', dir: 'contract-decorator', compiledCall: 'compiledBindings' },
  { style: 'fluent', dir: 'contract-fluent', compiledCall: 'compiledFluentBindings' },
]
const out = mkdtempSync(join(tmpdir(), 'openws-contract-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe.each(STYLES)('shared $style contract bundles (esbuild plugin)', ({ dir, compiledCall }) => {
  const fixture = join(import.meta.dirname, 'fixtures', dir)
  it('the browser client bundle contains no server handler code and is compiled', async () => {
    const { code } = await build('esbuild', {
      entry: join(fixture, 'browser.ts'),
      outDir: join(out, dir, 'browser'),
      plugin: {},
      platform: 'browser',
    })
    expect(code).not.toContain('SERVER_HANDLER_SECRET')
    expect(code).not.toContain('ServerImpl')
    expect(code).not.toMatch(/async\s+createRoom|note\.length/)
    expect(code).toContain(compiledCall)
    expect(code).toContain('joined') // the client's own handler is there
    expect(bannedConstructs(code)).toEqual([])
    expect(code).not.toContain('interpretArtifact')
  }, 60_000)

  it('the server bundle built from the same contract hosts the server role, compiled', async () => {
    const { file, code } = await build('esbuild', {
      entry: join(fixture, 'server.ts'),
      outDir: join(out, dir, 'server'),
      plugin: {},
      platform: 'node',
    })
    expect(code).toContain('SERVER_HANDLER_SECRET')
    const { stdout } = await run(process.execPath, [file], { timeout: 20_000 })
    expect(JSON.parse(stdout)).toEqual({
      compiled: true,
      frames: [{ fromRole: 'server', messageName: 'joinedRoom', payload: { joinerId: 'alice:21', roomId: 'r1' } }],
    })
  }, 60_000)
})
