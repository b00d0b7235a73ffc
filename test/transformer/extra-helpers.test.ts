// Extra validator helpers in compiled code: like format checks, the transformer passes only the
// helpers a network's validators call (imported one by one from `openws`), so a bundle without
// `const` objects, uniqueItems, multipleOf or property counts leaves them out; validation is the
// same interpreted, compiled and through ts-patch.
import { describe, expect, it } from 'vitest'
import * as openws from '../../src/runtime/entries/index'
import type { BindingsCore } from '../../src/runtime/contract/types'
import { harness } from '../../src/runtime/harness/index'
import { transformSource } from '../../src/transformer/core/index'
import { generateValidator, generateValidatorModule } from '../../src/runtime/codegen/index'
import { EXTRA_HELPERS, extraHelperExportName, validatorHelpers } from '../../src/runtime/validate/helpers'
import { loadFixture, transformFixture } from '../helpers/transformer-load'
import { loadTspatchFixture } from '../helpers/tspatch'

const CASES: Array<[string, unknown, unknown]> = [
  ['equal', { at: [1, 2], kind: 'point' }, { kind: 'point', at: [2, 1] }],
  [
    'dup',
    [1, { a: [1] }, '1', { a: [2] }],
    [
      { a: 1, b: 2 },
      { b: 2, a: 1 },
    ],
  ],
  ['mult', 0.07, 0.075],
  ['keys', { a: 1, b: 2 }, { a: 1 }],
]

describe('extra validator helpers', () => {
  it('each has its own export in openws, the same function validatorHelpers holds', () => {
    for (const [name, fn] of Object.entries(EXTRA_HELPERS)) {
      expect((openws as Record<string, unknown>)[extraHelperExportName(name as keyof typeof EXTRA_HELPERS)], name).toBe(fn)
      expect((validatorHelpers as Record<string, unknown>)[name], name).toBe(fn)
    }
    expect(extraHelperExportName('equal')).toBe('helperEqual')
  })

  it('the transformer passes exactly the helpers the validators call', () => {
    const out = transformFixture('extra-helpers-server.ts', { runtimeModule: 'openws' })!.code
    expect(out).toMatch(
      /helpers: \{ equal: [\w$]+\.helperEqual, dup: [\w$]+\.helperDup, mult: [\w$]+\.helperMult, keys: [\w$]+\.helperKeys \}/,
    )
    const code = [
      "import { bindings, S } from 'openws'",
      "class C { static CONFIG = { name: 'c', messages: { a: { payload: S.obj({ n: S.num }) } } } }",
      "class H { static CONFIG = { name: 'h', handlers: { b: { payload: { type: 'number', multipleOf: 3 }, from: [C] } } }\n  b() {} }",
      "export const x = bindings({ name: 'n', roles: [C, H] })",
    ].join('\n')
    const one = transformSource(code, '/virtual/mult.ts', { mode: 'syntax' })!.code
    expect(one).toMatch(/helpers: \{ mult: [\w$]+\.helperMult \}/)
    const none = transformSource(code.replace(', multipleOf: 3', ''), '/virtual/plain.ts', { mode: 'syntax' })!.code
    expect(none).not.toMatch(/helpers:|helperEqual|helperDup|helperMult|helperKeys/)
  })

  it('the generator says which helpers its code calls, and a module on coreHelpers refuses schemas that need more', () => {
    expect(generateValidator({ type: 'object', minProperties: 1, properties: { n: { multipleOf: 2 } } }).helpers).toEqual(['mult', 'keys'])
    expect(generateValidator({ items: { const: [1] }, uniqueItems: true }).helpers).toEqual(['equal', 'dup'])
    // Data that spells a helper call is not a call (usage was once recovered from the text).
    expect(generateValidator({ type: 'string', const: 'h.equal(' }).helpers).toEqual([])
    expect(generateValidator({ type: 'string', minLength: 1 }).helpers).toEqual([])
    expect(() => generateValidatorModule({ a: { format: 'email' } }, './helpers', undefined, 'coreHelpers')).toThrow(
      expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }),
    )
    expect(() => generateValidatorModule({ a: { uniqueItems: true } }, './helpers', undefined, 'coreHelpers')).toThrow(
      expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }),
    )
    expect(generateValidatorModule({ a: { type: 'string' } }, './helpers', undefined, 'coreHelpers')).toContain('coreHelpers as h')
  })

  it.each(['interpreted', 'compiled', 'ts-patch'] as const)('%s: each keyword accepts its value and rejects a near miss', async (mode) => {
    const mod =
      mode === 'ts-patch'
        ? await loadTspatchFixture<{ binder: BindingsCore }>('extra-helpers-server.ts')
        : await loadFixture<{ binder: BindingsCore }>('extra-helpers-server.ts', mode)
    expect(mod.binder.compiled === undefined).toBe(mode === 'interpreted')
    const client = harness(mod.binder).connect('client')
    for (const [name, good, bad] of CASES) {
      await client.send(name, good)
      expect(client.frames.at(-1), `${name} ${JSON.stringify(good)}`).toMatchObject({ messageName: 'ok', payload: { field: name } })
      await client.send(name, bad)
      expect(client.frames.at(-1), `${name} ${JSON.stringify(bad)}`).toMatchObject({
        messageName: '$error',
        payload: { code: 'OPENWS_ERR_INVALID_PAYLOAD' },
      })
    }
  })
})
