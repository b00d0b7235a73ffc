// Transformer errors and warnings reach each bundler's own channel with file:line:column.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { toBundlerMessage, report } from '../../src/unplugin/diagnostics'
import { BUNDLERS, build } from '../../bench/support/builders'

const dir = join(import.meta.dirname, 'fixtures', 'transform')
const out = mkdtempSync(join(tmpdir(), 'openws-diag-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

const lineOf = (file: string, needle: string) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1

describe('bundler messages', () => {
  const d = { severity: 'error' as const, code: 'OPENWS_ERR_X', message: 'boom', file: '/p/a.ts', start: 10, length: 2, line: 3, column: 5 }

  it('carry id, 0-based loc column; the text has no location, `located` has file:line:column', () => {
    expect(toBundlerMessage(d, '/p/a.ts')).toMatchObject({
      id: '/p/a.ts',
      code: 'OPENWS_ERR_X',
      loc: { file: '/p/a.ts', line: 3, column: 4 },
      message: 'OPENWS_ERR_X: boom',
      located: '/p/a.ts:3:5: OPENWS_ERR_X: boom',
    })
  })

  it('send warnings to warn and all errors in one error; only later errors carry their location', () => {
    const seen: string[] = []
    report(
      [{ ...d, severity: 'warning', code: 'OPENWS_WARN_Y' }, d, { ...d, line: 9 }],
      '/p/a.ts',
      { warn: (m) => seen.push(`warn ${m.message}`), error: (m) => seen.push(`error ${m.message}`) },
      false,
    )
    expect(seen).toEqual(['warn OPENWS_WARN_Y: boom', 'error OPENWS_ERR_X: boom\n/p/a.ts:9:5: OPENWS_ERR_X: boom'])
  })

  it('put file:line:column in the text for bundlers that drop loc (webpack, rspack)', () => {
    const seen: string[] = []
    report(
      [{ ...d, severity: 'warning', code: 'OPENWS_WARN_Y' }, d],
      '/p/a.ts',
      { warn: (m) => seen.push(`warn ${m.message}`), error: (m) => seen.push(`error ${m.message}`) },
      false,
      false,
    )
    expect(seen).toEqual(['warn /p/a.ts:3:5: OPENWS_WARN_Y: boom', 'error /p/a.ts:3:5: OPENWS_ERR_X: boom'])
  })

  it('turn warnings into errors with warningsAsErrors', () => {
    const seen: string[] = []
    report([{ ...d, severity: 'warning' }], '/p/a.ts', { warn: () => seen.push('warn'), error: () => seen.push('error') }, true)
    expect(seen).toEqual(['error'])
  })
})

describe.each(BUNDLERS)('%s', (bundler) => {
  it('fails the build on a wrong definition, naming file:line:column and the code', async () => {
    const line = lineOf('invalid.ts', "'nobody'")
    const error = await build(bundler, { entry: join(dir, 'invalid.ts'), outDir: join(out, bundler, 'invalid'), plugin: {} }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeDefined()
    const text = String((error as Error).message) + JSON.stringify((error as { errors?: unknown }).errors ?? '')
    expect(text).toContain('OPENWS_ERR_UNKNOWN_FROM_ROLE')
    // file:line:column (Rollup: "file (line:column)"), printed once: by the bundler or by us, not both.
    const message = String((error as Error).message)
    expect(message.match(new RegExp(`invalid\\.ts(?::| \\()${line}:\\d+`, 'g'))).toHaveLength(1)
  })

  it('warns about a definition left to the interpreter, naming file:line:column', async () => {
    const line = lineOf('not-static.ts', 'roles: [makeRole')
    const result = await build(bundler, { entry: join(dir, 'not-static.ts'), outDir: join(out, bundler, 'not-static'), plugin: {} })
    const warning = result.warnings.find((w) => w.includes('OPENWS_WARN_NOT_STATIC'))
    expect(warning?.match(new RegExp(`not-static\\.ts(?::| \\()${line}:\\d+`, 'g'))).toHaveLength(1)
  })
})
