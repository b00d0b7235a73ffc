// The same boundary at run time: with typescript, typia and @typia/* unloadable, the build
// entries import and syntax mode compiles (what a user without the optional peers gets).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const fixtures = join(import.meta.dirname, 'fixtures')

function run(script: string, block: boolean) {
  const args = ['--import', 'tsx', ...(block ? ['--import', join(fixtures, 'block-peers.mjs')] : []), script]
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' })
}

describe('syntax mode with the optional peers unloadable', () => {
  it('loads every build entry and compiles a definition', () => {
    const r = run(join(fixtures, 'syntax-mode.ts'), true)
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual({ mode: 'syntax', compiled: true, diagnostics: 0 })
  }, 60_000)

  it('the blocker blocks (typed mode fails under it)', () => {
    const r = spawnSync(process.execPath, ['--import', join(fixtures, 'block-peers.mjs'), '-e', "require('typescript')"], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain('blocked: require("typescript")')
  })
})
