// Wrong definitions are errors at the node, non-static ones are warnings at the node; both keep
// the call untouched (the interpreter runs it). Each fixture marks the expected line with
// `// @here CODE`.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { transformSource } from '../../src/transformer/core/index'
import { fixturesDir, resolveFromDisk, RUNTIME_SHIM } from '../helpers/transformer-load'
import { compileWithTransformer, FIXTURE_COMPILER_OPTIONS } from '../helpers/tspatch'

const dir = join(fixturesDir, 'diagnostics')
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
let tsBuild: ReturnType<typeof compileWithTransformer> | undefined
/** One program for every diagnostics fixture (a program per file would be slow). */
const build = () =>
  (tsBuild ??= compileWithTransformer(
    files.map((f) => join(dir, f)),
    FIXTURE_COMPILER_OPTIONS,
  ))

function expected(code: string): { line: number; code: string } {
  const lines = code.split('\n')
  const line = lines.findIndex((l) => l.includes('// @here'))
  return { line: line + 1, code: /@here (\S+)/.exec(lines[line])![1] }
}

describe.each(files)('%s', (file) => {
  const id = join(dir, file)
  const code = readFileSync(id, 'utf8')
  const want = expected(code)

  it('reports the coded diagnostic at the marked line, and leaves bindings() to the interpreter', () => {
    const result = transformSource(code, id, { mode: 'syntax', resolveModule: resolveFromDisk, runtimeModule: RUNTIME_SHIM })
    expect(result).toBeDefined()
    const d = result!.diagnostics.find((x) => x.code === want.code)
    expect(d, JSON.stringify(result!.diagnostics)).toBeDefined()
    expect(d!.file).toBe(id)
    expect(d!.line).toBe(want.line)
    expect(d!.column).toBeGreaterThan(0)
    expect(d!.severity).toBe(want.code.startsWith('OPENWS_WARN_') ? 'warning' : 'error')
    expect(d!.message.length).toBeGreaterThan(20)
    expect(result!.code).toMatch(/\bbindings\(/)
    expect(result!.code).not.toMatch(/compiled(Fluent)?Bindings/)
  })

  it('becomes a ts.Diagnostic at the same position through the ts-patch transformer', () => {
    const d = build().diagnostics.find((x) => x.file?.fileName === id && String(x.messageText).startsWith(want.code))
    expect(d).toBeDefined()
    expect(d!.file?.fileName).toBe(id)
    const { line } = ts.getLineAndCharacterOfPosition(d!.file!, d!.start!)
    expect(line + 1).toBe(want.line)
    expect(d!.category).toBe(want.code.startsWith('OPENWS_WARN_') ? ts.DiagnosticCategory.Warning : ts.DiagnosticCategory.Error)
  })
})

describe('no diagnostics for valid definitions', () => {
  it.each(['class-chat.ts', 'decorator-chat.ts', 'fluent-chat.ts'])('%s', (file) => {
    const id = join(fixturesDir, file)
    const result = transformSource(readFileSync(id, 'utf8'), id, { mode: 'syntax', resolveModule: resolveFromDisk })
    expect(result?.diagnostics).toEqual([])
  })
})

describe('files without openws', () => {
  it('are returned as undefined', () => {
    expect(transformSource('export const x = 1', 'a.ts', { mode: 'syntax' })).toBeUndefined()
    expect(transformSource("import { bindings } from 'other'\nbindings({})", 'openws.ts', { mode: 'syntax' })).toBeUndefined()
  })
})
