// The static evaluator: what it evaluates, and that nothing but openws builders ever runs.
import { describe, expect, it } from 'vitest'
import { parseModule, type Node } from '../../src/transformer/core/ast'
import { Evaluator } from '../../src/transformer/core/evaluate'
import { isTransformerError } from '../../src/transformer/core/errors'
import { openwsExport } from '../../src/transformer/core/runtime-bridge'

/** Evaluates the initializer of `const result = ...` in `code`. */
function evaluate(code: string, files: Record<string, string> = {}): unknown {
  const sf = parseModule('/main.ts', code)
  const ev = new Evaluator({
    openwsExport,
    resolveModule: (spec) => (files[spec] === undefined ? undefined : { code: files[spec], id: `/${spec}.ts` }),
  })
  ev.addUnit({ id: '/main.ts', sf })
  const decl = (sf.program.body as Node[])
    .flatMap((s) => (s.type === 'VariableDeclaration' ? (s.declarations as Node[]) : []))
    .find((d) => d.id.name === 'result')!
  return ev.evaluate(decl.init)
}

function why(code: string): string {
  try {
    evaluate(code)
  } catch (e) {
    if (isTransformerError(e)) return `${e.code}: ${e.message}`
    throw e
  }
  return 'evaluated'
}

describe('static evaluation', () => {
  it('evaluates literals, constants, spreads, templates and arithmetic', () => {
    expect(evaluate("const a = 2; const b = { x: [1, -a, `t${a}`] }; const result = { ...b, y: a * 3 + 1, s: 'p' + 'q' }")).toEqual({
      x: [1, -2, 't2'],
      y: 7,
      s: 'pq',
    })
  })

  it('calls the real S builder through renamed and namespace imports', () => {
    const json = { type: 'object', properties: { a: { type: 'string', minLength: 1 } }, required: ['a'], additionalProperties: false }
    expect(
      (evaluate("import { S as X } from 'openws/schema'\nconst result = X.obj({ a: X.str.min(1) })") as { json: unknown }).json,
    ).toEqual(json)
    expect((evaluate("import * as WS from 'openws'\nconst result = WS.S.obj({ a: WS.S.str.min(1) })") as { json: unknown }).json).toEqual(
      json,
    )
  })

  it('follows imports and re-exports of other modules', () => {
    const files = { './a': "export { b as c } from './b'", './b': 'export const b = { deep: true }' }
    const sf = "import { c } from './a'\nconst result = c"
    expect(evaluate(sf, files)).toEqual({ deep: true })
  })

  it('keeps "__proto__" and "constructor" keys as data', () => {
    const value = evaluate("const result = { ['__proto__']: { a: 1 }, constructor: 2 }") as Record<string, unknown>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor'])
  })

  it.each([
    ["import { S } from 'openws'\nconst result = S.obj.constructor('return process')()", '"constructor" is not read'],
    ['const result = [].map', 'built-in member'],
    ["const result = 'x'.toUpperCase()", 'cannot read'],
    ['const result = Math.random()', 'not declared'],
    ['let x = 1\nconst result = x', 'not a const'],
    ['function f() { console.log(1); return 1 }\nconst result = f()', 'single expression'],
    ['const result = eval("1")', 'not declared'],
    ["import { S } from 'openws'\nconst result = S['obj']['__proto__']", '"__proto__" is not read'],
    ["import x from 'somewhere'\nconst result = x", 'cannot be read at build time'],
  ])('refuses %s', (code, reason) => {
    const text = why(code)
    expect(text).toMatch(/^OPENWS_WARN_NOT_STATIC: /)
    expect(text).toContain(reason)
  })

  it('evaluates single-expression helpers with their arguments, never their side effects', () => {
    const code = "import { S } from 'openws'\nconst pair = (a, b = S.str) => S.obj({ a, b })\nconst result = pair(S.int)"
    expect((evaluate(code) as { json: { properties: unknown } }).json.properties).toEqual({ a: { type: 'integer' }, b: { type: 'string' } })
  })

  it('turns a builder error into a coded error at the argument', () => {
    expect(why("import { S } from 'openws'\nconst result = S.str.min(-1)")).toMatch(/^OPENWS_ERR_INVALID_SCHEMA: /)
  })
})
