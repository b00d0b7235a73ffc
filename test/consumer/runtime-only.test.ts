// A runtime-only consumer (`npm i openws ws --omit=dev`): a server or a client that never builds.
// It must get no compiler, and every entry must load as ESM and as CommonJS.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProject, ok, repoRoot, type Project } from './project'

let p: Project
beforeAll(() => {
  p = createProject('runtime', { dependencies: { ws: '^8.18.0' }, installFlags: ['--omit=dev'] })
})
afterAll(() => p?.remove())

const RUNTIME = [
  'openws',
  'openws/schema',
  'openws/decorator',
  'openws/fluent',
  'openws/spec',
  'openws/ws',
  'openws/client',
  'openws/client/node',
]
const BUILD = ['openws/vite', 'openws/esbuild', 'openws/rollup', 'openws/webpack', 'openws/rspack', 'openws/transformer']

function installedPackages(dir: string): string[] {
  const names: string[] = []
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue
    if (entry.startsWith('@')) for (const sub of readdirSync(join(dir, entry))) names.push(`${entry}/${sub}`)
    else names.push(entry)
  }
  return names
}

function bytesUnder(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.size
  return readdirSync(path).reduce((sum, e) => sum + bytesUnder(join(path, e)), 0)
}

describe('runtime-only install', () => {
  it('installs no compiler and no typed-mode peer', () => {
    const names = installedPackages(join(p.dir, 'node_modules'))
    expect(names).toContain('openws')
    expect(names.filter((n) => /^(typescript|typia|@typia\/|@typescript\/|@babel\/core$)/.test(n))).toEqual([])
    expect(existsSync(join(p.dir, 'node_modules', 'openws', 'LICENSE'))).toBe(true)
    // The figure itself is a target of bench/install; printed here for the log.
    console.log(`runtime-only node_modules: ${(bytesUnder(join(p.dir, 'node_modules')) / 1e6).toFixed(2)} MB`)
  })

  it.each([...RUNTIME, ...BUILD])('%s loads as ESM and as CommonJS with the same names', (specifier) => {
    const esm = ok(
      p.node([
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()))`,
      ]),
    )
    const cjs = ok(
      p.node([
        '-e',
        `const m = require(${JSON.stringify(specifier)}); console.log(JSON.stringify({ fn: typeof m === 'function', def: typeof m.default, keys: Object.keys(m).sort() }))`,
      ]),
    )
    const esmNames: string[] = JSON.parse(esm.stdout)
    const c = JSON.parse(cjs.stdout)
    expect(esmNames.length).toBeGreaterThan(0)
    if (BUILD.includes(specifier)) {
      // The plugin itself: `require('openws/webpack')()` and `require(...).default()` both work.
      expect(esmNames).toContain('default')
      expect(c.def).toBe('function')
    } else {
      expect(c.keys.filter((k: string) => k !== 'default')).toEqual(esmNames.filter((k) => k !== 'default'))
    }
  })

  // Entries whose optional peer this project did not install: one error naming the package.
  it.each([
    ['openws/fastify', /'(@fastify\/websocket|fastify)'/],
    ['openws/redis', /'redis'/],
    ['openws/nats', /'@nats-io\/transport-node'/],
  ])('%s without its peer names the package to install', (specifier, pkg) => {
    const esm = p.node(['--input-type=module', '-e', `await import(${JSON.stringify(specifier)})`])
    expect(esm.status).not.toBe(0)
    expect(esm.out).toMatch(pkg)
    const cjs = p.node(['-e', `require(${JSON.stringify(specifier)})`])
    expect(cjs.status).not.toBe(0)
    expect(cjs.out).toMatch(pkg)
  })

  it('runs a ws server (with its UI) and a Node client from the tarball, interpreted', () => {
    p.write(
      'chat.mjs',
      `
import { S, bindings } from 'openws'
import { createServer } from 'openws/ws'
import { connect } from 'openws/client/node'
const Ping = S.obj({ n: S.int })
const Pong = S.obj({ n: S.int })
const replies = []
let settle
const answered = new Promise((resolve) => { settle = resolve })
// Each side hosts its own role; the other side's role is a contract (no handlers).
class ClientContract { static CONFIG = { name: 'client', messages: { pong: { payload: Pong } } } }
class ServerContract { static CONFIG = { name: 'server', messages: { ping: { payload: Ping } } } }
class Server {
  static CONFIG = { name: 'server', handlers: { ping: { payload: Ping, from: [ClientContract] } } }
  async ping({ n }, api) { await api.pong({ n: n + 1 }) }
}
class Client {
  static CONFIG = { name: 'client', handlers: { pong: { payload: Pong, from: [ServerContract] } } }
  pong(p) { replies.push(p); settle() }
}
const server = await createServer({ bindings: bindings({ name: 'pp', roles: [Server, ClientContract] }), path: '/pp' })
const client = connect({ bindings: bindings({ name: 'pp', roles: [Client, ServerContract] }), url: server.url + '/client', serverRole: 'server' })
await client.api.ping({ n: 1 })
await answered
client.close()
const page = await fetch(server.url.replace(/^ws/, 'http') + '/ui')
const script = await fetch(server.url.replace(/^ws/, 'http') + '/ui/app.js')
const ui = { status: page.status, csp: page.headers.get('content-security-policy'), script: script.status, type: script.headers.get('content-type') }
await server.close()
console.log(JSON.stringify({ replies, ui }))
`,
    )
    const run = ok(p.node(['chat.mjs']))
    const result = JSON.parse(run.stdout.trim())
    expect(result.replies).toEqual([{ n: 2 }])
    // The UI's assets ship in the tarball (dist/ui) and are served with a strict policy.
    expect(result.ui).toMatchObject({ status: 200, script: 200 })
    expect(result.ui.type).toMatch(/javascript/)
    expect(result.ui.csp).toContain("script-src 'self'")
  })

  it('installs the openws command, which runs under plain node', () => {
    const version = ok(p.bin('openws', ['--version']))
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version)
    p.write('two-networks.mjs', readFileSync(join(repoRoot, 'test/tooling/fixtures/cli/two-networks.mjs'), 'utf8'))
    const spec = ok(p.bin('openws', ['spec', 'two-networks.mjs', '--export', 'alpha']))
    expect(Object.keys(JSON.parse(spec.stdout).networks)).toEqual(['alpha'])
    expect(p.bin('openws', ['nope']).status).toBe(2)
  })
})
