// The code builder keeps data out of code; generated validators handle nasty names as data.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Name, Scope, _, safeStringify } from '../../src/runtime/codegen/code'
import { generateValidator, generateValidatorModule } from '../../src/runtime/codegen/index'
import { interpret } from '../../src/runtime/interpret/index'
import type { JsonSchema } from '../../src/runtime/ir/types'
import { compileGenerated } from './compile-source'

const NASTY = [
  '__proto__',
  'constructor',
  'prototype',
  'a"b',
  "a'b",
  'a\\b',
  'a\nb',
  'a\u2028b',
  'a\u2029b',
  '*/',
  '${x}',
  '`',
  '</script>',
  '\ud800',
  '"); process.exit(1); ("',
  '\\u0041',
]

describe('code builder', () => {
  it('embeds every non-code value as JSON data, U+2028/2029 escaped', () => {
    const s = 'x"); evil(); ("\u2028\u2029'
    const code = _`f(${s}, ${1}, ${null}, ${[s]})`
    expect(code.text).toBe(`f("x\\"); evil(); (\\"\\u2028\\u2029", 1, null, ["x\\"); evil(); (\\"\\u2028\\u2029"])`)
    expect(code.text).not.toMatch(/[\u2028\u2029]/)
    expect(safeStringify(-0)).toBe('-0')
    expect(() => safeStringify(NaN)).toThrow()
    expect(() => safeStringify(() => 1)).toThrow()
  })

  it('Name only accepts identifiers; Scope hands out unique names', () => {
    for (const bad of ['a b', '1a', 'a-b', 'return', '', 'a;b', '__proto__ ']) expect(() => new Name(bad)).toThrow(TypeError)
    const scope = new Scope()
    expect([scope.name('v').text, scope.name('v').text, scope.name('k').text]).toEqual(['v0', 'v1', 'k0'])
  })
})

describe('generated validators', () => {
  it('treat nasty property names, patterns and constants as data', () => {
    const props: Record<string, JsonSchema> = {}
    for (const k of NASTY) Object.defineProperty(props, k, { value: { type: 'string', const: k }, enumerable: true })
    const schema: JsonSchema = {
      type: 'object',
      properties: props,
      required: NASTY,
      additionalProperties: false,
      patternProperties: { '"\\)\u2028': true },
    }
    const { source } = generateValidator(schema)
    expect(source).not.toMatch(/[\u2028\u2029]/)
    // The quote that would close the string is always escaped.
    expect(source).toContain('process.exit(1)')
    expect(source).not.toMatch(/[^\\]"\); process/)
    const value: Record<string, unknown> = {}
    for (const k of NASTY) Object.defineProperty(value, k, { value: k, enumerable: true })
    for (const v of [compileGenerated(schema), interpret(schema)]) {
      expect(v.is(value)).toBe(true)
      expect(v.is({ ...value, extra: 1 })).toBe(false)
      const missing = Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'a\u2028b'))
      expect(v.explain(missing, 5)).toEqual([{ path: '/a\u2028b', code: 'required', expected: undefined, received: undefined }])
    }
  })

  it('emit straight-line code for known shapes: no loop for open shapes, one own-key pass for closed ones', () => {
    const split = (src: string): [string, string] => [src.slice(0, src.indexOf('function ex')), src.slice(src.indexOf('function ex'))]
    const [openIs, openEx] = split(
      generateValidator({
        type: 'object',
        properties: { userId: { type: 'string' }, roomId: { type: 'string' } },
        required: ['userId', 'roomId'],
      }).source,
    )
    expect(openIs).not.toMatch(/for \(const/)
    // Each key is read once; hasOwnProperty with a constant key only runs when the prototype is
    // not a clean Object.prototype, or for an undefined value that the schema would not reject.
    expect(openIs.match(/v0\["userId"\]/g)).toHaveLength(1)
    expect(openIs).not.toMatch(/r0 === undefined/)
    const [anyIs] = split(
      generateValidator({ type: 'object', properties: { a: { minLength: 1 }, b: { type: 'string' } }, required: ['a'] }).source,
    )
    // An undefined value: past the prototype test, `in` alone says whether the key is own.
    expect(anyIs).toMatch(/r0 === undefined && !\("a" in v0\)/)
    expect(anyIs).toMatch(/if \(r1 !== undefined\) \{ .* \} else if \("b" in v0\) \{ return false; \}/)
    // The root object tests the prototype's keys inline; nested objects once per call (U). Any
    // other prototype leaves the fast path for the explain twin, run to its first issue.
    // An object with a `length` (an array whose prototype is Object.prototype) leaves too.
    expect(openIs).toMatch(
      /if \(!\(GP\(v0\) === OP && !\("userId" in OP\) && !\("roomId" in OP\) && v0\.length === undefined\)\) \{ break S0; \}/,
    )
    expect(openIs).not.toMatch(/IA\(/)
    expect(openIs).toMatch(/return true; \} return SL\(ex0, v0, 0\); \}/)
    expect(openIs).not.toMatch(/OV\(/)
    const [listIs] = split(
      generateValidator({ type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } }).source,
    )
    expect(listIs).toMatch(/^function u0\(\) \{ return !\("id" in OP\); \}$/m)
    expect(listIs).toMatch(/^function is0\(v0\) \{ const U = u0\(\); /m)
    expect(listIs).toMatch(/if \(!\(GP\(v1\) === OP && U && v1\.length === undefined\)\) \{ break S0; \}/)
    expect(openEx).not.toMatch(/for \(const/)
    const [closedIs, closedEx] = split(
      generateValidator({ type: 'object', properties: { userId: { type: 'string' } }, additionalProperties: false }).source,
    )
    expect(closedIs.match(/for \(const/g)).toHaveLength(1)
    expect(closedEx).toMatch(/for \(const/)
  })

  it('a standalone module exports every validator under its (data) key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openws-validators-'))
    const helpers = join(dir, 'helpers.mjs')
    // A plain-JS stand-in for the helpers module: re-export the real object through a global.
    ;(globalThis as Record<string, unknown>).__openwsHelpersForTest = (await import('../../src/runtime/validate/helpers')).validatorHelpers
    writeFileSync(helpers, 'export const validatorHelpers = globalThis.__openwsHelpersForTest\n')
    const source = generateValidatorModule(
      { sendMessage: { type: 'object', required: ['text'] }, __proto__x: { type: 'string' }, 'join-room': { type: 'integer' } },
      pathToFileURL(helpers).href,
    )
    expect(source.startsWith('// autogenerated by openws, do not edit')).toBe(true)
    const file = join(dir, 'validators.mjs')
    writeFileSync(file, source)
    const mod = await import(/* @vite-ignore */ pathToFileURL(file).href)
    expect(Object.getPrototypeOf(mod.validators)).toBe(null)
    expect(mod.validators.sendMessage.is({ text: 'hi' })).toBe(true)
    expect(mod.validators['join-room'].explain('x', 1)).toEqual([{ path: '', code: 'type', expected: 'integer', received: 'string' }])
    expect(() => generateValidatorModule({}, '')).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
  })
})

describe('src/runtime validator code', () => {
  it('never evaluates code (no eval, no new Function)', () => {
    for (const dir of ['codegen', 'interpret', 'validate']) {
      const base = join(__dirname, '../../src/runtime', dir)
      for (const f of readdirSync(base)) {
        const text = readFileSync(join(base, f), 'utf8')
        expect(text, f).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/)
      }
    }
  })
})
