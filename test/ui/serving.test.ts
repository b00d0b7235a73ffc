// The UI as both adapters serve it: `{path}/ui`, its two assets, content types, the strict
// Content-Security-Policy, 404 for anything else, and off in production unless asked for.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadUiAssets, UI_CSP, uiAssetDirs, uiEnabled, uiHandler } from '../../src/runtime/adapters/ui-assets'
import { ADAPTERS, startServer, type TestServer } from '../helpers/servers'
import { chatServerBindings } from '../adapters/fixtures/chat'
import { bannedConstructs } from '../helpers/inspect'
import { buildUi } from '../../src/ui/build.mjs'
import { ensureUiBuilt } from './build-once'

const mount = { spec: true, remoteRoles: ['client', 'portal'] }

describe('uiEnabled', () => {
  it('is on by default, off in production unless asked for', () => {
    expect(uiEnabled(undefined, mount, 'development')).toBe(true)
    expect(uiEnabled(undefined, mount, undefined)).toBe(true)
    expect(uiEnabled(undefined, mount, 'test')).toBe(true)
    expect(uiEnabled(undefined, mount, 'production')).toBe(false)
    expect(uiEnabled(true, mount, 'production')).toBe(true)
    expect(uiEnabled(false, mount, 'development')).toBe(false)
  })

  it('checks the option and what the UI needs', () => {
    expect(() => uiEnabled('yes', mount, 'test')).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
    expect(uiEnabled(undefined, { ...mount, spec: false }, 'test')).toBe(false)
    expect(() => uiEnabled(true, { ...mount, spec: false }, 'test')).toThrow(/spec: false/)
    expect(uiEnabled(undefined, { spec: true, remoteRoles: ['ui'] }, 'test')).toBe(false)
    expect(() => uiEnabled(true, { spec: true, remoteRoles: ['ui'] }, 'test')).toThrow(/role named "ui"/)
  })
})

describe('uiHandler', () => {
  const assets = new Map([
    ['index.html', Buffer.from('<html>')],
    ['app.js', Buffer.from('js')],
    ['app.css', Buffer.from('css')],
  ])
  const handle = uiHandler('/chat', () => assets)

  it('maps the page and its two assets, with the CSP on every answer', () => {
    expect(handle('')).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': UI_CSP },
    })
    expect(handle('/app.js').headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(handle('/app.css').headers['content-type']).toBe('text/css; charset=utf-8')
    for (const rest of ['/index.html', '/nope.js', '/app.js/x', '/../spec.json', 'x', '/__proto__', '/constructor']) {
      expect(handle(rest), rest).toMatchObject({ status: 404, headers: { 'content-security-policy': UI_CSP } })
    }
    expect(handle('/')).toMatchObject({ status: 301, headers: { location: '/chat/ui' } })
    expect(uiHandler('/', () => assets)('/').headers.location).toBe('/ui')
  })

  it('answers 500 with a hint when the assets were never built', () => {
    const answer = uiHandler('/chat', () => undefined)('')
    expect(answer.status).toBe(500)
    expect(String(answer.body)).toMatch(/src\/ui\/build\.mjs/)
  })

  it('finds a dist-style build next to the module (dist/ui)', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'openws-ui-dist-'))
    try {
      await buildUi(join(dist, 'ui'))
      const found = loadUiAssets(uiAssetDirs(dist))
      expect([...(found?.keys() ?? [])].sort()).toEqual(['app.css', 'app.js', 'index.html'])
    } finally {
      rmSync(dist, { recursive: true, force: true })
    }
  })
})

describe('the built page', () => {
  beforeAll(() => ensureUiBuilt(), 60_000)

  it('has no inline script or style and loads everything relative to {path}/ui', async () => {
    const { outDir } = await ensureUiBuilt()
    const html = readFileSync(join(outDir, 'index.html'), 'utf8')
    expect(html).toContain('<script src="ui/app.js" defer></script>')
    expect(html).toContain('<link rel="stylesheet" href="ui/app.css">')
    expect(html).not.toMatch(/<style|style=|<script>|<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|https?:/i)
  })

  it('is eval-free: the validator interpreter, no code generation at run time', async () => {
    const { outDir } = await ensureUiBuilt()
    const js = readFileSync(join(outDir, 'app.js'), 'utf8')
    expect(bannedConstructs(js)).toEqual([])
    expect(/\beval\(|new Function/.exec(js)?.[0]).toBeUndefined()
    // Works offline: nothing is fetched from elsewhere (the page reads spec.json beside it).
    expect(/(?:fetch|import)\(\s*["'`](?:https?:)?\/\//.exec(js)?.[0]).toBeUndefined()
  })
})

describe.each(ADAPTERS)('%s serves {path}/ui', (kind) => {
  let server: TestServer
  const started: TestServer[] = []
  const env = process.env.NODE_ENV
  beforeAll(async () => {
    await ensureUiBuilt()
    server = await startServer(kind, { bindings: chatServerBindings(), path: '/chat' })
  }, 60_000)
  afterAll(() => server.close())
  afterEach(async () => {
    process.env.NODE_ENV = env
    await Promise.all(started.splice(0).map((s) => s.close()))
  })

  const get = (base: string, path: string, init?: RequestInit) => fetch(`${base}${path}`, { redirect: 'manual', ...init })

  it('the page, its script and its stylesheet, with content types and the CSP', async () => {
    const page = await get(server.http, '/ui')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(UI_CSP)
    expect(UI_CSP).toContain("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:")
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('ui/app.js')
    const js = await get(server.http, '/ui/app.js')
    expect([js.status, js.headers.get('content-type'), js.headers.get('content-security-policy')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      UI_CSP,
    ])
    expect((await js.text()).length).toBeGreaterThan(1000)
    const css = await get(server.http, '/ui/app.css')
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8'])
    // The page reads the spec relative to itself: {path}/spec.json.
    expect((await get(server.http, '/spec.json')).status).toBe(200)
  })

  it('404 for unknown assets, 301 from {path}/ui/ to {path}/ui', async () => {
    for (const path of ['/ui/nope.js', '/ui/index.html', '/ui/app.js.map', '/ui/x/app.js']) {
      const res = await get(server.http, path)
      expect(res.status, path).toBe(404)
    }
    const slash = await get(server.http, '/ui/')
    expect(slash.status).toBe(301)
    expect(slash.headers.get('location')).toBe('/chat/ui')
  })

  it('ui: false turns it off', async () => {
    const off = await startServer(kind, { bindings: chatServerBindings(), path: '/chat', ui: false } as never)
    started.push(off)
    expect((await get(off.http, '/ui')).status).toBe(404)
    expect((await get(off.http, '/ui/app.js')).status).toBe(404)
  })

  it('off in production unless ui: true', async () => {
    process.env.NODE_ENV = 'production'
    const prod = await startServer(kind, { bindings: chatServerBindings(), path: '/chat' })
    const forced = await startServer(kind, { bindings: chatServerBindings(), path: '/chat', ui: true } as never)
    started.push(prod, forced)
    expect((await get(prod.http, '/ui')).status).toBe(404)
    expect((await get(forced.http, '/ui')).status).toBe(200)
  })
})

it('fastify with ignoreTrailingSlash: {path}/ui/ still redirects to {path}/ui', async () => {
  await ensureUiBuilt()
  const Fastify = (await import('fastify')).default
  const { openws } = await import('../../src/runtime/adapters/fastify/index')
  const app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true } })
  await app.register(openws)
  app.openws({ path: '/chat', bindings: chatServerBindings(), onInternalError: () => {} })
  const slash = await app.inject({ method: 'GET', url: '/chat/ui/' })
  const page = await app.inject({ method: 'GET', url: '/chat/ui?x=1' })
  await app.close()
  expect([slash.statusCode, slash.headers.location]).toEqual([301, '/chat/ui'])
  expect([page.statusCode, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8'])
})
