// Payload types of decorated roles, checked by the compiler in both decorator modes: TC39
// (TypeScript 5's default) and legacy experimentalDecorators. A handler parameter that cannot take
// its schema's payloads, a wrong payload or an unknown name in api.x(...) are compile errors.
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const fixture = join(import.meta.dirname, 'fixtures/typed-decorators.ts')

/** 1-based lines of the type errors in the fixture. */
function errorLines(experimentalDecorators: boolean): { lines: number[]; text: string[] } {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    experimentalDecorators,
    baseUrl: root,
    paths: { openws: ['src/runtime/entries/index.ts'], 'openws/*': ['src/runtime/entries/*.ts'] },
  }
  // The fixture's first line, @ts-nocheck, keeps `npm run typecheck` quiet; it is dropped here.
  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile
  host.getSourceFile = (file, lang, ...rest) =>
    file === fixture ? ts.createSourceFile(file, source(), lang) : getSourceFile.call(host, file, lang, ...rest)
  const program = ts.createProgram([fixture], options, host)
  const sf = program.getSourceFile(fixture)!
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file === sf)
  return {
    lines: [...new Set(diagnostics.map((d) => sf.getLineAndCharacterOfPosition(d.start!).line + 1))].sort((a, b) => a - b),
    text: diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  }
}

/** The fixture without its @ts-nocheck line (blanked, so line numbers stay). */
function source(): string {
  const text = ts.sys.readFile(fixture)!
  expect(text.startsWith('// @ts-nocheck')).toBe(true)
  return text.replace(/^\/\/ @ts-nocheck[^\n]*/, '')
}

function markedLines(): number[] {
  return source()
    .split('\n')
    .flatMap((line, i) => (/\/\/ ERROR/.test(line) ? [i + 1] : []))
}

describe.each([
  ['TC39', false],
  ['legacy', true],
] as const)('decorated roles, %s decorators', (_mode, legacy) => {
  it('every marked line is a type error, and no other line', () => {
    const { lines, text } = errorLines(legacy)
    expect(lines, text.join('\n---\n')).toEqual(markedLines())
  }, 60_000)
})
