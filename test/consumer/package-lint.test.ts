// The package's metadata and types, as the field's own linters read them: publint (exports,
// files, formats) and arethetypeswrong (every entry under node10, node16 from CJS and ESM, bundler).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, tarball } from './project'

function bin(name: string, args: string[]) {
  const r = spawnSync(join(repoRoot, 'node_modules', '.bin', name), args, { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('package lint', () => {
  it('publint --strict finds nothing', () => {
    const r = bin('publint', ['--strict', '--pack', 'npm'])
    expect(r.out).toContain('All good')
    expect(r.status, r.out).toBe(0)
  })

  it('arethetypeswrong finds no problem in any entry or resolution mode', () => {
    const r = bin('attw', [tarball(), '--format', 'ascii'])
    expect(r.status, r.out).toBe(0)
    expect(r.out).toContain('No problems found')
  })
})
