// The openws UI in headless Chromium, against a live server with the README chat network, on both
// adapters: the picture, a schema view, the console (a valid message and the server's reply, an
// invalid one and its `$error` with issues), the CSP header, and no console errors or CSP
// violations. Needs /usr/bin/chromium (CI installs it); skipped with a message otherwise, never on CI.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { UI_CSP } from '../../src/runtime/adapters/ui-assets'
import { chatServerBindings } from '../adapters/fixtures/chat'
import { ADAPTERS, startServer } from '../helpers/servers'
import { ensureUiBuilt } from './build-once'
import { CHROMIUM, chromiumPrerequisite } from '../helpers/prerequisite'

const needsChromium = chromiumPrerequisite()

describe.skipIf(needsChromium.skip)(`the openws UI in headless Chromium${needsChromium.note}`, () => {
  let browser: Browser
  beforeAll(async () => {
    needsChromium.check()
    await ensureUiBuilt()
    const { chromium } = await import('playwright-core')
    browser = await chromium.launch({
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
  }, 60_000)
  afterAll(() => browser?.close())

  it.each(ADAPTERS)(
    '%s: picture, schema view and console against the live chat server',
    async (kind) => {
      const server = await startServer(kind, { bindings: chatServerBindings(), path: '/chat' })
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
      page.setDefaultTimeout(10_000)
      try {
        const problems: string[] = []
        page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
        page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)))
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
          )
        })
        const response = await page.goto(`${server.http}/ui`)
        expect(response?.status()).toBe(200)
        expect(response?.headers()['content-security-policy']).toBe(UI_CSP)

        // The picture: three roles, the host marked, one arrow per sender -> handler pair.
        await page.locator('svg.picture').waitFor({ timeout: 10_000 })
        expect(await page.locator('svg.picture a.node').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')).sort())).toEqual([
          'client',
          'portal',
          'server',
        ])
        expect(await page.locator('svg.picture a.node.host').getAttribute('data-role')).toBe('server')
        const arrows = await page
          .locator('svg.picture a.edge')
          .evaluateAll((els) =>
            els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}:${e.getAttribute('data-count')}`).sort(),
          )
        // client's and portal's messages have no `from`: any other role may send them.
        expect(arrows).toEqual([
          'client>portal:2',
          'client>server:7',
          'portal>client:2',
          'portal>server:4',
          'server>client:2',
          'server>portal:2',
        ])
        expect(await page.locator('#title').textContent()).toBe('chat')

        // Keyboard: a role node is a link; Enter opens it in the side panel.
        await page.locator('svg.picture a.node[data-role="portal"]').focus()
        await page.keyboard.press('Enter')
        await page.locator('#panel h2', { hasText: 'portal' }).waitFor()
        // The client -> server arrow lists its messages; `slow` shows its bounds.
        await page.locator('svg.picture a.edge[data-from="client"][data-to="server"] .badge').click()
        await page.locator('#panel h2', { hasText: 'client → server' }).waitFor()
        await page.locator('#panel a', { hasText: /^slow$/ }).click()
        await page.locator('#panel .schema .tag.constraint', { hasText: '0 ≤ value ≤ 5000' }).waitFor()
        expect(await page.locator('#panel .schema .field .key', { hasText: 'ms' }).count()).toBe(1)
        await page.locator('#panel details.raw summary').click()
        expect(JSON.parse((await page.locator('#panel details.raw pre').textContent())!)).toMatchObject({
          properties: { ms: { maximum: 5000 } },
        })

        // The console: connect as client (the URL defaults to this origin + /chat/client).
        expect(await page.inputValue('#console-role')).toBe('client')
        expect(await page.inputValue('#console-url')).toBe(`${server.base}/client`)
        await page.click('#connect')
        await page.locator('#console-status', { hasText: 'connected as client' }).waitFor({ timeout: 5000 })

        // A valid createRoom: validated in the page, then the server's joinedRoom reply.
        await page.selectOption('#console-message', 'createRoom')
        const field = (key: string) => page.locator(`#send-form .field-row:has(code:text-is("${key}")) input`)
        await field('userId').fill('alice')
        await page.locator('#local-issues li', { hasText: '/roomId: required' }).waitFor()
        await field('roomId').fill('lobby')
        await page.locator('#local-issues .ok', { hasText: 'valid payload' }).waitFor()
        await page.click('#send')
        await page.locator('#frames .frame.out', { hasText: 'createRoom' }).waitFor()
        const reply = page.locator('#frames .frame.in', { hasText: 'joinedRoom' })
        await reply.waitFor({ timeout: 5000 })
        expect(await reply.locator('.payload').textContent()).toBe('{"joinerId":"alice","roomId":"lobby"}')

        // An invalid slow: the page flags it as typed, the server answers $error with the issues.
        await page.selectOption('#console-message', 'slow')
        await field('ms').fill('99999')
        await page.locator('#local-issues li', { hasText: '/ms: must be ≤ 5000, got 99999' }).waitFor()
        expect(await field('ms').getAttribute('aria-invalid')).toBe('true')
        await page.click('#send')
        const error = page.locator('#frames .frame.in.error')
        await error.waitFor({ timeout: 5000 })
        expect(await error.locator('.error-text').textContent()).toContain('OPENWS_ERR_INVALID_PAYLOAD')
        expect(await error.locator('.issues.remote li').allTextContents()).toEqual(['/ms: must be ≤ 5000, got 99999'])
        expect(await error.locator('.id').textContent()).toBe('re id 2 (slow)')
        // The page's interpreter and the server agree issue for issue.
        expect(await page.locator('#local-issues li').allTextContents()).toEqual(await error.locator('.issues.remote li').allTextContents())

        // The JSON editor validates as you type too.
        await page.click('#send-form button.toggle')
        await page.fill('#send-form textarea.json', '{"ms": "soon"}')
        await page.locator('#local-issues li', { hasText: '/ms: expected integer, got string' }).waitFor()
        await page.fill('#send-form textarea.json', '{"ms": ')
        await page.locator('#local-issues .bad', { hasText: 'not JSON' }).waitFor()
        expect(await page.locator('#send').isDisabled()).toBe(true)

        const shot = join(process.env.OPENWS_SCREENSHOT_DIR ?? tmpdir(), `openws-ui-${kind}.png`)
        await page.screenshot({ path: shot, fullPage: true })
        console.log(`[ui-browser] screenshot: ${shot}`)
        expect(problems).toEqual([])
      } finally {
        await page.close()
        await server.close()
      }
    },
    60_000,
  )

  it('30 roles: every role drawn inside the picture, arrows grouped per pair, the panel lists them', async () => {
    const server = await startServer('ws', { bindings: chatServerBindings(), path: '/chat' })
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
    page.setDefaultTimeout(10_000)
    try {
      const roles: Record<string, any> = { hub: { 'x-openws-host': true, messages: {} } }
      for (let i = 0; i < 29; i++) {
        roles.hub.messages[`report${i}`] = { payload: { type: 'object' }, from: [`service-${i}`] }
        roles.hub.messages[`status${i}`] = { payload: { type: 'object' }, from: [`service-${i}`] }
        roles[`service-${i}`] = { messages: { ack: { payload: { type: 'object' }, from: ['hub'] } } }
      }
      const doc = { openws: '0.0.2', title: 'fleet', networks: { fleet: { roles } } }
      await page.route('**/chat/spec.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(doc) }))
      await page.goto(`${server.http}/ui#pair/service-7/hub`)
      await page.locator('svg.picture.many').waitFor()
      expect(await page.locator('svg.picture a.node').count()).toBe(30)
      expect(await page.locator('svg.picture a.edge').count()).toBe(58)
      expect(await page.locator('svg.picture a.edge[data-from="service-7"][data-to="hub"]').getAttribute('data-count')).toBe('2')
      // An arrow of a single message opens it directly.
      expect(await page.locator('svg.picture a.edge[data-from="hub"][data-to="service-7"]').getAttribute('href')).toBe(
        '#message/service-7/ack',
      )
      // Every label lies inside the drawing.
      const outside = await page.evaluate(() => {
        const svg = document.querySelector('svg.picture')!.getBoundingClientRect()
        return Array.from(document.querySelectorAll('svg.picture .label'))
          .filter((t) => {
            const r = t.getBoundingClientRect()
            return r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1
          })
          .map((t) => t.textContent)
      })
      expect(outside).toEqual([])
      expect(await page.locator('#panel .messages li').allTextContents()).toEqual(['report7 from service-7', 'status7 from service-7'])
    } finally {
      await page.close()
      await server.close()
    }
  }, 60_000)
})
