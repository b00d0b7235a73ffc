// The `npm start` chat demo in a real browser: two pages join a room and exchange a message.
// Needs headless Chromium at /usr/bin/chromium (CI installs it); skipped with a message otherwise, never on CI.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bannedConstructs } from '../helpers/inspect'
import { CHROMIUM, chromiumPrerequisite } from '../helpers/prerequisite'

const needsChromium = chromiumPrerequisite()

describe.skipIf(needsChromium.skip)(`chat demo in headless Chromium${needsChromium.note}`, () => {
  it('two pages join a room and exchange a message', async () => {
    needsChromium.check()
    const { chromium } = await import('playwright-core')
    const { startDemo } = await import('../../examples/demo/server')
    const demo = await startDemo({ port: 0, host: '127.0.0.1' })
    // The page's script was bundled with the openws plugin: precompiled, no interpreter, no eval.
    expect(demo.script).toContain('openws.artifact')
    expect(bannedConstructs(demo.script)).toEqual([])
    // One contract, both ends: the page imports contract.ts, never the server's roles.ts.
    expect(demo.script).not.toMatch(/ChatServer|`room:/) // roles.ts names its groups `room:${roomId}`
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
    try {
      const errors: string[] = []
      const open = async (name: string) => {
        const page = await browser.newPage()
        page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`))
        page.on('console', (m) => void (m.type() === 'error' && errors.push(`${name}: ${m.text()}`)))
        await page.goto(demo.url)
        await page.locator('#status', { hasText: 'connected' }).waitFor({ timeout: 10_000 })
        await page.fill('#name', name)
        await page.fill('#room', 'lobby')
        await page.click('#join button')
        await page.locator('#log li', { hasText: `${name} joined #lobby` }).waitFor({ timeout: 5000 })
        return page
      }
      // A name longer than the schema allows: the page says why, nothing is sent, nothing is thrown.
      const carol = await browser.newPage()
      carol.on('pageerror', (error) => errors.push(`carol: ${error.message}`))
      carol.on('console', (m) => void (m.type() === 'error' && errors.push(`carol: ${m.text()}`)))
      await carol.goto(demo.url)
      await carol.locator('#status', { hasText: 'connected' }).waitFor({ timeout: 10_000 })
      await carol.fill('#name', 'c'.repeat(41))
      await carol.click('#join button')
      await carol.locator('#log li.error', { hasText: 'not sent: name is longer than 40 characters' }).waitFor({ timeout: 5000 })
      expect(await carol.locator('#chat').getAttribute('disabled')).not.toBeNull() // not joined
      const alice = await open('alice')
      const bob = await open('bob')
      await alice.locator('#log li', { hasText: 'bob joined #lobby' }).waitFor({ timeout: 5000 })
      await alice.fill('#text', 'hello bob')
      await alice.click('#send button')
      await bob.locator('#log li', { hasText: 'alice: hello bob' }).waitFor({ timeout: 5000 })
      await bob.fill('#text', 'hi alice')
      await bob.click('#send button')
      await alice.locator('#log li', { hasText: 'bob: hi alice' }).waitFor({ timeout: 5000 })
      // The portal role of the same network, from the same page.
      await bob.click('#stats')
      await bob.locator('#log li', { hasText: 'portal: #lobby has 2 member(s): alice, bob' }).waitFor({ timeout: 5000 })
      // The page links to the network's openws UI, which is served under its own, stricter CSP.
      expect(await bob.locator('a[href="/chat/ui"]').count()).toBe(1)
      const ui = await fetch(`${demo.url}chat/ui`)
      expect([ui.status, ui.headers.get('content-security-policy')?.startsWith("default-src 'none'")]).toEqual([200, true])
      const shot = join(process.env.OPENWS_SCREENSHOT_DIR ?? tmpdir(), 'openws-demo-bob.png')
      await bob.screenshot({ path: shot })
      console.log(`[demo-browser] screenshot: ${shot}`)
      expect(errors).toEqual([])
      expect(await bob.locator('#log li').allTextContents()).toContain('alice: hello bob')
    } finally {
      await browser.close()
      await demo.close()
    }
  }, 60_000)
})
