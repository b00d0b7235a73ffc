// The transformed output: snapshots per style, idempotence, and a scan of the compiled README
// examples for anything reflective or code-generating at run time.
import { describe, expect, it } from 'vitest'
import { transformSource } from '../../src/transformer/core/index'
import { fixturesDir, resolveFromDisk, transformFixture } from '../helpers/transformer-load'
import { buildFixturesWithTspatch } from '../helpers/tspatch'
import { join } from 'node:path'

const STYLES = ['class-chat.ts', 'decorator-chat.ts', 'fluent-chat.ts']

/** Validator bodies belong to the code generator's own tests; here they are elided. */
// Validators (their own snapshots live in test/validators) are elided; encoders stay in view.
const elideValidators = (code: string) =>
  code.replace(/\(function \(\) \{\n"use strict";\nconst hasOwn = h\.hasOwn;[\s\S]*?\n\}\)\(\)/g, '/* generated validator */')

describe.each(STYLES)('%s', (file) => {
  const first = transformFixture(file, { runtimeModule: 'openws' })!

  it('matches the snapshot', () => {
    expect(elideValidators(first.code)).toMatchSnapshot()
  })

  it('has a source map of the original file', () => {
    expect(first.map.sources.some((s) => s.endsWith(file))).toBe(true)
    expect(first.map.mappings.length).toBeGreaterThan(0)
  })

  it('is idempotent: transforming the output again changes nothing', () => {
    const id = join(fixturesDir, file)
    const again = transformSource(first.code, id, { mode: 'syntax', resolveModule: resolveFromDisk })
    expect(again === undefined || again.code === first.code).toBe(true)
    expect(again?.diagnostics ?? []).toEqual([])
  })

  it('reads no CONFIG, decorator metadata or builders and generates no code at run time', () => {
    const emitted = buildFixturesWithTspatch().outputs.get(join(fixturesDir, file))!
    for (const code of [first.code, emitted]) {
      expect(code).not.toMatch(/\.CONFIG\b/)
      expect(code).not.toMatch(/\bReflect\b/)
      expect(code).not.toMatch(/Symbol\.metadata|__esDecorate|__decorate|__runInitializers/)
      expect(code).not.toMatch(/new\s+Function|\bFunction\s*\(/)
      expect(code).not.toMatch(/\beval\s*\(/)
      expect(code).not.toMatch(/\b(S|Schema)\.(obj|str|arr|int)\b(?!\s*:)/)
      expect(code).toMatch(/compiled(Fluent)?Bindings\(/)
    }
  })
})

describe('payload literals', () => {
  it("replace builders only in openws definitions, never in the user's own data", () => {
    const code = [
      "import { S } from 'openws'",
      "import { message } from 'openws/fluent'",
      'export const mine = { payload: S.str }',
      'export const api = { payload: (x: unknown) => x }.payload(S.int)',
      "export const msg = message('a').payload(S.obj({ a: S.str }))",
      "export class Role { static CONFIG = { name: 'r', messages: { a: { payload: S.int } } } }",
    ].join('\n')
    const out = transformSource(code, '/virtual/mixed.ts', { mode: 'syntax' })!.code
    expect(out).toContain('export const mine = { payload: S.str }')
    expect(out).toContain('.payload(S.int)')
    expect(out).toContain(`message('a').payload(JSON.parse(`)
    expect(out).toContain('a: { payload: JSON.parse("{\\"type\\":\\"integer\\"}") }')
  })
})

describe('modules without definitions', () => {
  it('a schema-only module is left alone; definitions without a bindings call are still compiled', () => {
    const schemas = "import { S } from 'openws'\n/** Payload of a message. */\nexport const Item = S.obj({ id: S.str })\n"
    expect(transformSource(schemas, '/virtual/schemas.ts', { mode: 'syntax' })).toBeUndefined()
    const fluent = "import { S, message } from 'openws/fluent'\nexport const m = message('a').payload(S.int)\n"
    expect(transformSource(fluent, '/virtual/fluent.ts', { mode: 'syntax' })!.code).toContain('.payload(JSON.parse(')
    const config = "import { S } from 'openws'\nexport class R { static CONFIG = { name: 'r', messages: { a: { payload: S.int } } } }\n"
    expect(transformSource(config, '/virtual/config.ts', { mode: 'syntax' })!.code).toContain('payload: JSON.parse(')
    const renamed =
      "import { bindings as b, S } from 'openws'\nclass R { static CONFIG = { name: 'r', handlers: { a: { payload: S.int } } }\n  a() {} }\nexport const x = b({ name: 'n', roles: [R] })\n"
    expect(transformSource(renamed, '/virtual/renamed.ts', { mode: 'syntax' })!.code).toMatch(/compiled(Fluent)?Bindings\(/)
  })

  it('roles in a module that imports only its schemas lose their builders too', () => {
    const schemas = "import { S } from 'openws'\nexport const Item = S.obj({ id: S.str })\n"
    const resolveModule = (spec: string) => (spec === './schemas' ? { code: schemas, id: '/virtual/schemas.ts' } : undefined)
    const roles =
      "import { Item } from './schemas'\nexport class R { static CONFIG = { name: 'r', messages: { a: { payload: Item }, b: { payload: Missing } } } }\n"
    const out = transformSource(roles, '/virtual/roles.ts', { mode: 'syntax', resolveModule })!
    expect(out.code).toContain('a: { payload: JSON.parse("{\\"type\\":\\"object\\"')
    // Not an openws definition as far as this module can tell: left as written, nothing reported.
    expect(out.code).toContain('b: { payload: Missing }')
    expect(out.diagnostics).toEqual([])
    expect(out.code).not.toContain('__openws_rt')
    // A schema module whose builder throws: not evaluated, so left alone, and the build goes on.
    const broken = (spec: string) =>
      spec === './schemas'
        ? { code: "import { S } from 'openws'\nexport const Item = S.str.min(-1)\n", id: '/virtual/schemas.ts' }
        : undefined
    expect(
      transformSource(roles.replace(', b: { payload: Missing }', ''), '/virtual/roles.ts', { mode: 'syntax', resolveModule: broken }),
    ).toBeUndefined()
    const plain = "import { other } from './other'\nexport class R { static CONFIG = { payload: other } }\n"
    expect(transformSource(plain, '/virtual/plain.ts', { mode: 'syntax', resolveModule })).toBeUndefined()
  })
})
