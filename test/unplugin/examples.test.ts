// Builds examples/esbuild (the chat server) and examples/vite (the browser client) from the root,
// without installing inside them; the server answers a real client, and the browser bundle,
// loaded in headless Chromium, chats with the server and with a Node client.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEsbuildExample, buildViteExample, examplesDir } from '../helpers/examples'
import { bannedConstructs } from '../helpers/inspect'
import { rawClient, serveStatic, startServer, type Running } from '../helpers/processes'
import { CHROMIUM, chromiumPrerequisite } from '../helpers/prerequisite'

const out = mkdtempSync(join(tmpdir(), 'openws-examples-'))
let server: Running | undefined
let serverBuild: { file: string; warnings: string[] }
let webBuild: { warnings: string[] }

beforeAll(async () => {
  serverBuild = await buildEsbuildExample(join(out, 'server.mjs'))
  webBuild = await buildViteExample(join(out, 'web'))
  server = await startServer(serverBuild.file)
}, 120_000)

afterAll(async () => {
  await server?.stop()
  rmSync(out, { recursive: true, force: true })
})

const webBundle = () => {
  const assets = join(out, 'web', 'assets')
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n')
}

describe('examples/esbuild: the chat server', () => {
  it('is bundled by esbuild with the plugin, precompiled, without eval or CONFIG reads', () => {
    expect(serverBuild.warnings.filter((w) => /openws|OPENWS_/.test(w))).toEqual([])
    const code = readFileSync(serverBuild.file, 'utf8')
    expect(code).toContain('openws.artifact')
    expect(bannedConstructs(code)).toEqual([])
  })

  it('answers a real client over ws, and rejects a payload that breaks the schema', async () => {
    const a = await rawClient(`${server!.url}/client`)
    const b = await rawClient(`${server!.url}/client`)
    a.send('client', 'createRoom', { userId: 'ann', roomId: 'r1' })
    expect((await a.next((f) => f.messageName === 'joinedRoom')).payload).toEqual({ joinerId: 'ann', roomId: 'r1' })
    b.send('client', 'joinRoom', { userId: 'bob', roomId: 'r1' })
    await a.next((f) => f.messageName === 'joinedRoom' && f.payload.joinerId === 'bob')
    b.send('client', 'sendMessage', { userId: 'bob', roomId: 'r1', text: 'hello' })
    const got = await a.next((f) => f.messageName === 'receivedMessage')
    expect(got).toMatchObject({ fromRole: 'server', payload: { senderId: 'bob', roomId: 'r1', text: 'hello' } })
    b.send('client', 'sendMessage', { userId: 'bob', roomId: 'r1', text: '' })
    expect((await b.next((f) => f.messageName === '$error')).payload.code).toBe('OPENWS_ERR_INVALID_PAYLOAD')
    await Promise.all([a.close(), b.close()])
  })
})

describe('examples/vite: the browser client', () => {
  it('is built by Vite with the plugin, precompiled, without eval or CONFIG reads', () => {
    expect(webBuild.warnings.filter((w) => /openws|OPENWS_/.test(w))).toEqual([])
    const code = webBundle()
    expect(code).toContain('openws.artifact')
    expect(bannedConstructs(code)).toEqual([])
  })

  it('keeps its schemas and its contract identical to the server example', () => {
    for (const file of ['schemas.ts', 'contract.ts']) {
      expect(readFileSync(join(examplesDir, 'vite', 'src', file), 'utf8')).toBe(
        readFileSync(join(examplesDir, 'esbuild', 'src', file), 'utf8'),
      )
    }
  })

  it('holds none of the server role implementation (one contract, both ends)', () => {
    const code = webBundle()
    expect(code).not.toContain('ChatServer')
    expect(code).not.toContain('rooms.get')
  })

  const needsChromium = chromiumPrerequisite()
  it.skipIf(needsChromium.skip)(
    `chats with the server from headless Chromium under a strict CSP${needsChromium.note}`,
    async () => {
      needsChromium.check()
      const { chromium } = await import('playwright-core')
      const site = await serveStatic(join(out, 'web'))
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      })
      const bob = await rawClient(`${server!.url}/client`)
      try {
        const page = await browser.newPage()
        const problems: string[] = []
        page.on('pageerror', (e) => problems.push(String(e)))
        page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())))
        await page.goto(`${site.url}/?server=${encodeURIComponent(`${server!.url}/client`)}`)
        await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('connected'))

        await page.fill('#user', 'ann')
        await page.fill('#room', 'web')
        await page.click('#create')
        await page.waitForSelector('#log li:has-text("ann joined web")')

        bob.send('client', 'joinRoom', { userId: 'bob', roomId: 'web' })
        await page.waitForSelector('#log li:has-text("bob joined web")')

        await page.fill('#text', 'hello from the browser')
        await page.click('#send')
        const got = await bob.next((f) => f.messageName === 'receivedMessage')
        expect(got.payload).toEqual({ roomId: 'web', senderId: 'ann', text: 'hello from the browser' })

        bob.send('client', 'sendMessage', { userId: 'bob', roomId: 'web', text: 'hi ann' })
        await page.waitForSelector('#log li:has-text("bob: hi ann")')

        // An outbound payload that breaks the schema is refused in the page, never sent.
        await page.fill('#text', 'x'.repeat(2001))
        await page.$eval('#text', (el) => el.removeAttribute('maxlength'))
        await page.$eval('#text', (el: HTMLInputElement) => (el.value = 'x'.repeat(2001)))
        await page.click('#send')
        await page.waitForSelector('#log li:has-text("not sent:")')
        expect(problems.filter((p) => /Content Security Policy|EvalError|unsafe-eval/.test(p))).toEqual([])
        expect(problems).toEqual([])
      } finally {
        await browser.close()
        await bob.close()
        await site.stop()
      }
    },
    60_000,
  )
})
