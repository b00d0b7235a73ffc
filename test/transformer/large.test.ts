// Large networks take the compact emit paths (route tables, JSON data, method maker): same
// behaviour as the interpreter on every message.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BindingsCore } from '../../src/runtime/contract/types'
import { harness } from '../../src/runtime/harness/index'
import { transformSource } from '../../src/transformer/core/index'
import { scratchDir } from '../helpers/scratch'
import { relink, RUNTIME_SHIM, toJs } from '../helpers/transformer-load'

const N = 120

function source(): string {
  const lines = ["import * as WS from 'openws/fluent'", "import { S } from 'openws/fluent'", 'const server = WS.role("server").asHost()']
  for (let i = 0; i < N; i++) {
    const payload = i % 3 === 0 ? 'S.obj({ n: S.int })' : i % 3 === 1 ? 'S.obj({ s: S.str.min(1) })' : 'S.obj({ b: S.bool })'
    lines.push(`  .message(WS.message("m${i}").payload(${payload})${i % 10 === 9 ? '.from("admin")' : ''})`)
  }
  lines.push('const client = WS.role("client")')
  for (let i = 0; i < N; i++) lines.push(`  .message(WS.message("r${i}").payload(S.obj({ i: S.int.min(${i}) })))`)
  lines.push('const admin = WS.role("admin").message(WS.message("ok").payload(S.obj({})))')
  lines.push('export const binder = WS.bindings(WS.network("large").role(server).role(client).role(admin))')
  lines.push('for (const name of Object.keys(binder.network.roles.server.messages)) {')
  lines.push('  const i = Number(name.slice(1))')
  // m4 has no handler: compiled fluent bindings add a message's route table only when .on() is called
  lines.push(
    '  if (i % 10 !== 9 && i !== 4) binder.fromRoles.client.on(name, (_p, api) => api["r" + i]({ i: i % 2 === 0 ? i : -1 }).catch(() => {}))',
  )
  lines.push('}')
  return lines.join('\n')
}

async function load(mode: 'interpreted' | 'compiled', text = source(), name = 'large'): Promise<BindingsCore> {
  const id = join(import.meta.dirname, 'fixtures', `${name}.ts`)
  let code = text
  if (mode === 'compiled') {
    const result = transformSource(code, id, { mode: 'syntax', runtimeModule: RUNTIME_SHIM })
    expect(result?.diagnostics).toEqual([])
    code = result!.code
  }
  const dir = scratchDir(import.meta.dirname, 'large')
  const file = join(dir, `${name}-${mode}.mjs`)
  writeFileSync(file, relink(toJs(code, 'large.ts')))
  return ((await import(/* @vite-ignore */ file)) as { binder: BindingsCore }).binder
}

async function transcript(binder: BindingsCore): Promise<unknown[]> {
  const h = harness(binder, { onInternalError: () => {} })
  const c = h.connect('client')
  for (let i = 0; i < N; i++) {
    const good = i % 3 === 0 ? { n: 1 } : i % 3 === 1 ? { s: 'x' } : { b: true }
    await c.send(`m${i}`, good)
    await c.send(`m${i}`, { n: 'wrong', s: '', b: 0 })
  }
  await c.send('nope', {})
  await c.send('constructor', {})
  await c.send('__proto__', {})
  await h.idle()
  return c.frames.map((f) => [f.messageName, f.messageName === '$error' ? (f.payload as { code: string }).code : f.payload])
}

describe(`a ${N}-message network`, () => {
  it('compiled and interpreted send exactly the same frames', async () => {
    const compiled = await load('compiled')
    expect(compiled.compiled).toBeDefined()
    const interpreted = await load('interpreted')
    expect(JSON.stringify(compiled.network)).toBe(JSON.stringify(interpreted.network))
    const a = await transcript(compiled)
    expect(a).toEqual(await transcript(interpreted))
    expect(a.filter((f) => (f as string[])[0] === 'r0')).toHaveLength(1)
    expect(a.some((f) => (f as string[])[1] === 'OPENWS_ERR_SENDER_NOT_ALLOWED')).toBe(true)
    expect(a.filter((f) => (f as string[])[1] === 'OPENWS_ERR_MISSING_HANDLER')).toHaveLength(1)
  })
})

/** Names that are Object.prototype members: data everywhere (switch, tables, API objects). */
const HOSTILE = `import * as WS from 'openws/fluent'
import { S } from 'openws/fluent'
const server = WS.role('server').asHost()
  .message(WS.message('constructor').payload(S.obj({ a: S.int })))
  .message(WS.message('toString').payload(S.obj({ b: S.str })))
  .message(WS.message('valueOf').payload(S.obj({})).from('hasOwnProperty'))
const peer = WS.role('hasOwnProperty').message(WS.message('constructor').payload(S.obj({ a: S.int }))).message(WS.message('toString').payload(S.obj({})))
export const binder = WS.bindings(WS.network('n').role(server).role(peer))
binder.fromRoles.hasOwnProperty.on('constructor', (p, api) => api.constructor({ a: p.a })).on('toString', (_p, api) => api.toString({})).on('valueOf', (_p, api) => api.constructor({ a: 'x' }))
`

describe('Object.prototype member names', () => {
  it('route, validate and send exactly like the interpreter', async () => {
    const run = async (binder: BindingsCore) => {
      const h = harness(binder, { onInternalError: () => {} })
      const c = h.connect('hasOwnProperty')
      for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
        await c.send(name, { a: 1, b: 'x' })
        await c.send(name, { a: 1 })
      }
      await h.idle()
      return c.frames.map((f) => [f.messageName, f.messageName === '$error' ? (f.payload as { code: string }).code : f.payload])
    }
    const compiled = await load('compiled', HOSTILE, 'hostile')
    expect(compiled.compiled).toBeDefined()
    const frames = await run(compiled)
    expect(frames).toEqual(await run(await load('interpreted', HOSTILE, 'hostile')))
    expect(frames).toContainEqual(['constructor', { a: 1 }])
  })
})
