// Factories are marked side-effect free and the prototype is built by one pure call, so a
// bundler drops what is not used. Checked with rollup (which honours @__NO_SIDE_EFFECTS__ across
// modules) on the TypeScript sources, without relying on package.json "sideEffects".
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { transform } from 'esbuild'
import { rollup, type Plugin } from 'rollup'
import { describe, expect, it } from 'vitest'

const entry = resolve(import.meta.dirname, '../../src/runtime/schema/index.ts')
const VIRTUAL = '\0entry'

function sources(code: string): Plugin {
  return {
    name: 'schema-sources',
    resolveId(source, importer) {
      if (source === VIRTUAL) return VIRTUAL
      if (source === 'schema') return entry
      if (!importer || !source.startsWith('.')) return null
      const base = join(dirname(importer), source)
      return [`${base}.ts`, join(base, 'index.ts')].find((file) => existsSync(file)) ?? null
    },
    load(id) {
      return id === VIRTUAL ? code : null
    },
    async transform(source, id) {
      return id.endsWith('.ts') ? (await transform(source, { loader: 'ts', target: 'es2022' })).code : null
    },
  }
}

async function bundle(code: string): Promise<string> {
  const build = await rollup({ input: VIRTUAL, plugins: [sources(code)], onwarn: () => {} })
  const { output } = await build.generate({ format: 'es' })
  await build.close()
  return output[0].code
}

describe('tree-shaking', () => {
  it('unused factory calls and builder values vanish completely', async () => {
    const code = await bundle(`
      import { S, str, int, obj, arr, map, enum_, const_, union, nullable, toJsonSchema } from 'schema'
      obj({ a: str, b: int }); arr(str); union(str, int); nullable(map); enum_('a'); const_(1)
      S.obj({ joinerId: S.str, roomId: S.str }); S.arr(S.int); S.union(S.str, S.null); S.nullable(S.any)
      S.enum('a', 'b'); S.const(1)
    `)
    expect(code.trim()).toBe('')
  }, 30_000)

  it('modifier calls are kept (a method call may have effects, as in every chained builder)', async () => {
    // Documented limit: \`S.str.min(1)\` in an unused schema stays in the bundle.
    expect(await bundle(`import { S } from 'schema'; S.str.min(1)`)).toContain('minLength')
  }, 30_000)

  it('a used builder keeps only what it needs', async () => {
    const code = await bundle(`import { obj, str } from 'schema'; console.log(obj({ a: str }).jsonSchema())`)
    expect(code).toContain('console.log')
    expect(code).not.toContain('S.union()')
    expect(code).not.toContain('S.enum()')
    expect(code).not.toContain('S.nullable() schema')
  }, 30_000)
})
