// The Vite dev server with the plugin: modules are transformed on request, and editing a module
// the definition imports from (registered with addWatchFile) regenerates the definition.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plugin, ViteDevServer } from 'vite'
import { aliasMap } from '../../bench/support/paths'
import { linkProjectTypeScript } from '../../bench/support/project-typescript'

const dir = mkdtempSync(join(tmpdir(), 'openws-vite-dev-'))
let server: ViteDevServer
let plugin: Plugin

beforeAll(async () => {
  cpSync(join(import.meta.dirname, 'fixtures', 'dev'), dir, { recursive: true })
  cpSync(join(import.meta.dirname, 'fixtures', 'typed'), join(dir, 'typed'), { recursive: true })
  linkProjectTypeScript(dir)
  const { createServer } = await import('vite')
  const { default: openws } = await import('../../src/unplugin/vite')
  server = await createServer({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    plugins: [(plugin = openws({ root: dir }) as Plugin)],
    resolve: { alias: Object.entries(aliasMap()).map(([find, replacement]) => ({ find: new RegExp(`^${find}$`), replacement })) },
    server: { middlewareMode: true, hmr: false, watch: { usePolling: true, interval: 50 } },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
}, 60_000)

afterAll(async () => {
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

const maximumIn = (code: string) => /"maximum":(\d+)/.exec(code.replace(/\\"/g, '"'))?.[1]

describe('vite dev server', () => {
  it('serves the module transformed', async () => {
    const result = await server.transformRequest('/main.ts')
    expect(result?.code).toMatch(/compiled(Fluent)?Bindings/)
    expect(maximumIn(result!.code)).toBe('10')
  })

  it('regenerates the definition when only an imported schema module changes', async () => {
    writeFileSync(
      join(dir, 'schemas.ts'),
      "export const Ping = { type: 'object', properties: { n: { type: 'integer', maximum: 99 } }, required: ['n'] } as const\n",
    )
    // The watcher invalidates main.ts through the dependency registered with addWatchFile.
    let code = ''
    for (let i = 0; i < 100 && maximumIn(code) !== '99'; i++) {
      await new Promise((r) => setTimeout(r, 100))
      code = (await server.transformRequest('/main.ts'))?.code ?? ''
    }
    expect(maximumIn(code)).toBe('99')
  })

  it('adds the dependent module to the HMR update of an imported schema', async () => {
    await server.transformRequest('/main.ts')
    const hotUpdate = plugin.hotUpdate as (this: unknown, o: { file: string; modules: unknown[] }) => Array<{ file: string }> | undefined
    const env = server.environments.client
    const modules = hotUpdate.call({ environment: env }, { file: join(dir, 'schemas.ts'), modules: [] })
    expect(modules?.map((m) => m.file)).toEqual([join(dir, 'main.ts')])
    expect(hotUpdate.call({ environment: env }, { file: join(dir, 'unrelated.ts'), modules: [] })).toBeUndefined()
  })

  it('regenerates a typed definition when only the file declaring its payload type changes', async () => {
    const spec = async () => ((await server.transformRequest('/typed/roles.ts'))?.code ?? '').replace(/\\"/g, '"')
    expect(await spec()).toMatch(/"properties":\{"n":\{"type":"number"\}\}/)
    writeFileSync(join(dir, 'typed', 'types.ts'), 'export interface Ping {\n  n: string\n}\n\nexport interface Pong {\n  n: string\n}\n')
    let code = ''
    for (let i = 0; i < 100 && !/"n":\{"type":"string"\}/.test(code); i++) {
      await new Promise((r) => setTimeout(r, 100))
      code = await spec()
    }
    expect(code).toMatch(/"properties":\{"n":\{"type":"string"\}\}/)
  })
})
