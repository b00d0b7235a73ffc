// Typed mode with the real core: a payload given as a TypeScript type switches the file to typed
// mode on its own, the file declaring the type is watched, and editing only that file regenerates.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createContext } from '../../src/unplugin/context'
import { linkProjectTypeScript } from '../../bench/support/project-typescript'

const dir = mkdtempSync(join(tmpdir(), 'openws-typed-')).replace(/\\/g, '/')
cpSync(join(import.meta.dirname, 'fixtures', 'typed'), dir, { recursive: true })
linkProjectTypeScript(dir)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const roles = `${dir}/roles.ts`
const types = `${dir}/types.ts`
const code = readFileSync(roles, 'utf8')
/** Generated code embeds the spec as JSON in string literals: unescape to search it. */
const spec = (out: string) => out.replace(/\\"/g, '"')

describe('typed mode', () => {
  const ctx = createContext({ root: dir })

  it('switches a file whose payloads are types to typed mode, and watches the declaring file', async () => {
    const watched: string[] = []
    const out = (await ctx.transform(code, roles, { addWatchFile: (f) => watched.push(f) }))!
    expect(out.mode).toBe('typed')
    expect(out.diagnostics.filter((d) => d.code !== 'OPENWS_WARN_NEEDS_TYPES')).toEqual([])
    expect(spec(out.code)).toMatch(/"properties":\{"n":\{"type":"number"\}\},"required":\["n"\]/)
    expect(watched).toContain(types)
    expect(ctx.dependentsOf(types)).toEqual([roles])
  })

  it('is idempotent in typed mode', async () => {
    const once = (await ctx.transform(code, roles))!
    const twice = await ctx.transform(once.code, roles)
    expect(twice === undefined || twice.code === once.code).toBe(true)
  })

  it('regenerates when only the type changes (watchChange)', async () => {
    writeFileSync(types, 'export interface Ping {\n  n: string\n  extra: boolean\n}\n\nexport interface Pong {\n  n: string\n}\n')
    const later = new Date(Date.now() + 5000)
    utimesSync(types, later, later)
    ctx.invalidate(types)
    const out = (await ctx.transform(code, roles))!
    expect(spec(out.code)).toMatch(/"n":\{"type":"string"\},"extra":\{"type":"boolean"\}/)
  })

  it('uses typed mode for every file with typed: true', async () => {
    const typed = createContext({ root: dir, typed: true })
    const plain = `${dir}/plain.ts`
    const src =
      "import { S, bindings } from 'openws'\nclass C { static CONFIG = { name: 'c', messages: {} } }\nclass H { static CONFIG = { name: 'h', handlers: { x: { payload: S.obj({}), from: [C] } } }\n  x() {} }\nexport const b = bindings({ name: 'n', roles: [H, C] })\n"
    writeFileSync(plain, src)
    expect((await typed.transform(src, plain))?.mode).toBe('typed')
    expect((await ctx.transform(src, plain))?.mode).toBe('syntax')
    typed.dispose()
    ctx.dispose()
  })

  it('fails with one coded error when the project has no TypeScript 5.9/6.x (missing, or 7.x)', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'openws-typed-none-')).replace(/\\/g, '/')
    try {
      cpSync(join(import.meta.dirname, 'fixtures', 'typed'), bare, { recursive: true })
      const file = `${bare}/roles.ts`
      const missing = createContext({ root: bare })
      await expect(missing.transform(code, file)).rejects.toMatchObject({
        code: 'OPENWS_ERR_TYPED_MODE_UNAVAILABLE',
        message: expect.stringMatching(/TypeScript 5\.9 or 6\.x.*npm i -D typescript@6/),
      })
      // TypeScript 7 has no JS compiler API.
      mkdirSync(`${bare}/node_modules/typescript`, { recursive: true })
      writeFileSync(
        `${bare}/node_modules/typescript/package.json`,
        JSON.stringify({ name: 'typescript', version: '7.0.2', main: 'index.js' }),
      )
      writeFileSync(`${bare}/node_modules/typescript/index.js`, "module.exports = { version: '7.0.2' }\n")
      const seven = createContext({ root: bare, typed: true })
      await expect(seven.transform(code, file)).rejects.toMatchObject({
        code: 'OPENWS_ERR_TYPED_MODE_UNAVAILABLE',
        message: expect.stringMatching(/typescript 7\.0\.2.*npm i -D typescript@6/),
      })
    } finally {
      rmSync(bare, { recursive: true, force: true })
    }
  })
})
