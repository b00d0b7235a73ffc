// Positions are UTF-16 offsets (what oxc-parser, magic-string and TypeScript all count): text with
// non-ASCII characters (accents, astral emoji = surrogate pairs) before a definition must not
// shift what is replaced, removed or reported.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { transformSource } from '../../src/transformer/core/index'
import { fixturesDir, resolveFromDisk } from '../helpers/transformer-load'
import { compileWithTransformer } from '../helpers/tspatch'

const PREFIX = '// Salut à tous — 你好 🎉🚀 ünïcödé\nexport const greeting = "héllo 👋🏽 wörld"\n'

function transform(code: string, file: string) {
  return transformSource(code, join(fixturesDir, file), { mode: 'syntax', resolveModule: resolveFromDisk, runtimeModule: 'openws' })!
}

describe('non-ASCII text before the definitions', () => {
  it.each(['class-chat.ts', 'decorator-chat.ts', 'fluent-chat.ts'])('%s: the same output as without it, after the prefix', (file) => {
    const code = readFileSync(join(fixturesDir, file), 'utf8')
    const plain = transform(code, file)
    const shifted = transform(PREFIX + code, file)
    expect(plain.code).toMatch(/__openws_rt\.compiled(Fluent)?Bindings\(/)
    const importLine = 'import * as __openws_rt from "openws";\n'
    expect(plain.code.startsWith(importLine)).toBe(true)
    expect(shifted.code).toBe(importLine + PREFIX + plain.code.slice(importLine.length))
    expect(shifted.diagnostics).toEqual([])
  })

  it('reports line and column in UTF-16 units after astral characters on the same line', () => {
    const code = readFileSync(join(fixturesDir, 'diagnostics', 'not-static.ts'), 'utf8')
    const file = join('diagnostics', 'not-static.ts')
    const before = transform(code, file).diagnostics.find((d) => d.code === 'OPENWS_WARN_NOT_STATIC')!
    // Two emoji (4 UTF-16 units) and an accent inserted at the start of the reported line.
    const lines = code.split('\n')
    lines[before.line - 1] = `/*🎉🚀é*/${lines[before.line - 1]}`
    const after = transform(PREFIX + lines.join('\n'), file).diagnostics.find((d) => d.code === 'OPENWS_WARN_NOT_STATIC')!
    expect(after.line).toBe(before.line + 2)
    expect(after.column).toBe(before.column + '/*🎉🚀é*/'.length)
    expect(after.start).toBe(before.start + PREFIX.length + '/*🎉🚀é*/'.length)
  })

  it('ts-patch finds the compiler nodes at the same offsets (decorators removed, bindings compiled)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openws-offsets-'))
    try {
      const file = join(dir, 'decorator-chat.ts')
      writeFileSync(file, PREFIX + readFileSync(join(fixturesDir, 'decorator-chat.ts'), 'utf8'))
      const build = compileWithTransformer([file])
      const js = build.outputs.get(file)!
      expect(js).toContain('héllo 👋🏽 wörld')
      expect(js).toMatch(/__openws_rt\.compiledBindings\(/)
      expect(js).not.toMatch(/__esDecorate|__decorate/)
      expect(build.diagnostics.filter((d) => d.category === 1)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
