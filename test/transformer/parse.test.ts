// How a file id maps to oxc's language: TypeScript by default, JSX allowed in every JS file (as
// TypeScript's parser allows), bundler query strings ignored.
import { describe, expect, it } from 'vitest'
import { langOf, parseModule } from '../../src/transformer/core/ast'
import { transformSource } from '../../src/transformer/core/index'

describe('parsing', () => {
  it.each([
    ['a.ts', 'ts'],
    ['a.mts', 'ts'],
    ['a.cts', 'ts'],
    ['a.tsx', 'tsx'],
    ['a.js', 'jsx'],
    ['a.mjs', 'jsx'],
    ['a.jsx', 'jsx'],
    ['a.vue?vue&type=script&lang.ts', 'ts'],
    ['a.tsx?x=1', 'tsx'],
    ['virtual', 'ts'],
  ])('%s is read as %s', (id, lang) => {
    expect(langOf(id)).toBe(lang)
  })

  it('compiles a definition in a .js file that also holds JSX', () => {
    const code =
      'import { S, bindings } from \'openws\'\nexport const view = () => <div title="x">{1}</div>\n' +
      "class C { static CONFIG = { name: 'c', messages: {} } }\nclass H { static CONFIG = { name: 'h', handlers: { x: { payload: S.obj({}), from: [C] } } }\n  x() {} }\n" +
      "export const b = bindings({ name: 'n', roles: [H, C] })\n"
    expect(parseModule('/p/a.js', code).program.body).toHaveLength(5)
    const out = transformSource(code, '/p/a.js', { mode: 'syntax' })!
    expect(out.diagnostics).toEqual([])
    expect(out.code).toMatch(/compiledBindings\(/)
    expect(out.code).toContain('<div title="x">{1}</div>')
  })
})
