// The client's own loop (adapters/client/loop.ts) against the shared session loop it replaces in
// browser bundles (session/runtime.ts sessionRuntime): the same frames, hooks, handlers and api
// calls go through both, on the interpreter and on emitted code, and everything either one sends,
// closes, reports or resolves must be the same, in the same order.
import { describe, expect, it } from 'vitest'
import { clientRuntime } from '../../src/runtime/adapters/client/loop'
import { sessionRuntime } from '../../src/runtime/session/runtime'
import { PEER_SINK } from '../../src/runtime/artifact/types'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { HOST_MARK, type NetworkIR } from '../../src/runtime/ir/types'
import { withEmittedArtifact } from '../../bench/support/emitted'
import type { ClientSession, SessionRuntime } from '../../src/runtime/session/types'

const int = { type: 'integer' }
const obj = (props: Record<string, unknown>) => ({
  type: 'object',
  properties: props,
  required: Object.keys(props),
  additionalProperties: false,
})

function network(): NetworkIR {
  return {
    name: 'loop',
    roles: {
      client: {
        [HOST_MARK]: true,
        messages: {
          ping: { payload: obj({ n: int }) },
          slow: { payload: obj({}) },
          boom: { payload: obj({}) },
          boomLater: { payload: obj({}) },
          ask: { payload: obj({ n: int }), reply: obj({ ok: { type: 'boolean' } }) },
          askLater: { payload: obj({ n: int }), reply: obj({ ok: { type: 'boolean' } }) },
          badReply: { payload: obj({}), reply: obj({ ok: { type: 'boolean' } }) },
          nobody: { payload: obj({}) },
          portalOnly: { payload: obj({}), from: ['portal'] },
          anything: { payload: { type: 'object' } },
          typo: { payload: obj({}) },
          slowBoom: { payload: obj({}) },
          slowBadReply: { payload: obj({}), reply: obj({ ok: { type: 'boolean' } }) },
        },
      },
      server: { messages: { add: { payload: obj({ a: int }), reply: obj({ sum: int }) }, note: { payload: obj({ t: int }) } } },
      portal: { messages: {} },
    },
  }
}

type Impl = (binder: any, options: any, peer: (role: string) => object) => SessionRuntime
const IMPLS: [string, Impl][] = [
  ['shared loop', (b, o, p) => sessionRuntime(b, o, p)],
  ['client loop', (b, o, p) => clientRuntime(b, o, p)],
]

interface Driver {
  session: ClientSession
  api: any
  receive(frame: unknown, isBinary?: boolean): void
  release(): void
  /** The id of the last request frame the api sent. */
  lastId(): number
}

/** Runs `script` on one implementation; returns what happened, in order (request ids renumbered). */
async function run(impl: Impl, compiled: boolean, script: (d: Driver) => Promise<void>, limits = {}, hooks: Record<string, unknown> = {}) {
  const log: unknown[] = []
  const err = (e: any) => (e && typeof e === 'object' && 'code' in e ? [e.code, e.message, e.issues, e.id, e.messageName] : String(e))
  let binder = bindings(network()) as any
  if (compiled) binder = withEmittedArtifact(binder)
  let gate!: () => void
  const gated = () => new Promise<void>((resolve) => (gate = resolve))
  const on = binder.fromRoles.server
  on.on('ping', (p: unknown) => void log.push(['ping', p]))
  on.on('slow', () => gated().then(() => void log.push(['slow done'])))
  on.on('boom', () => {
    throw new Error('boom')
  })
  on.on('boomLater', async () => {
    await null
    throw new Error('later')
  })
  on.on('ask', ({ n }: { n: number }) => ({ ok: n > 0 }))
  on.on('askLater', async ({ n }: { n: number }) => ({ ok: n > 0 }))
  on.on('badReply', () => ({ ok: 'yes' }))
  on.on('anything', (p: unknown) => void log.push(['anything', p]))
  on.on('typo', (_p: unknown, api: any) => api.nope({}))
  on.on('slowBoom', () => gated().then(() => Promise.reject(new Error('after close'))))
  on.on('slowBadReply', () => gated().then(() => ({ ok: 'late' })))
  const host = {
    handleError: (_role: string, _peer: object, e: unknown) => void log.push(['handleError', err(e)]),
    handleClose: () => void log.push(['handleClose']),
    ...hooks,
  }
  const rt = impl(
    binder,
    {
      limits,
      host,
      onInternalError: (e: unknown) => log.push(['internal', err(e)]),
      onErrorFrame: (p: unknown) => log.push(['errorFrame', p]),
      onReplyFrame: (id: number, p: unknown) => (api as any)[PEER_SINK].requests.reply(id, p),
    },
    () => api,
  )
  const ids: number[] = []
  const renumber = (frame: string) =>
    frame.replace(/"id":(\d+)/, (m, id) => (ids.includes(Number(id)) ? `"id":"#${ids.indexOf(Number(id))}"` : m))
  const api: any = rt.createPeer('server', (_f, _n, _p, id, frame) => {
    if (typeof id === 'number') ids.push(id)
    log.push(['api sent', renumber(frame)])
  })
  // Transports that fail, when the script asks: send throws for `$error` frames and rejects for
  // `$reply` frames; disconnect rejects.
  const failing = hooks.failingTransport === true
  const session = rt.newSession(
    (_f, name, _p, _id, frame) => {
      log.push(['sent', renumber(frame)])
      if (failing && name === '$error') throw new Error('socket gone')
      if (failing && name === '$reply') return Promise.reject(new Error('socket slow'))
      return undefined
    },
    (code, reason) => {
      log.push(['disconnect', code, reason])
      return failing ? Promise.reject(new Error('close failed')) : undefined
    },
  )
  const settle = (p: Promise<unknown>) =>
    p.then(
      (v) => log.push(['resolved', v]),
      (e) => log.push(['rejected', err(e)]),
    )
  const driver: Driver = {
    session,
    api: new Proxy(
      {},
      {
        get:
          (_t, k: string) =>
          (...a: unknown[]) =>
            settle(api[k](...a)),
      },
    ),
    receive: (frame, isBinary) =>
      session.receive(typeof frame === 'string' || frame instanceof Uint8Array ? frame : JSON.stringify(frame), isBinary),
    release: () => gate(),
    lastId: () => ids[ids.length - 1]!,
  }
  await script(driver)
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
  log.push(['state', session.state])
  return log
}

const frame = (messageName: string, payload: unknown, id?: unknown, fromRole = 'server') => ({
  fromRole,
  messageName,
  payload,
  ...(id === undefined ? {} : { id }),
})
const ticks = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve))
}

const SCRIPTS: Record<string, [(d: Driver) => Promise<void>, object?, Record<string, unknown>?]> = {
  'messages, refusals and hostile payloads': [
    async (d) => {
      await d.session.open('server')
      d.receive(frame('ping', { n: 1 }))
      d.receive(frame('ping', { n: 'x' }, 1))
      d.receive('{"fromRole":"server","messageName":"ping","payload":{"n":1,"__proto__":{"n":2}},"id":"p"}')
      d.receive('{"fromRole":"server","messageName":"ping","payload":{"__proto__":{"n":2}}}')
      d.receive(frame('nope', {}, 2))
      d.receive(frame('portalOnly', {}))
      d.receive(frame('nobody', {}, 3))
      d.receive(frame('boom', {}, 4))
      d.receive(frame('boomLater', {}, 5))
      d.receive(frame('typo', {}, 6))
      await ticks()
      d.receive(frame('anything', { a: { b: { c: { d: {} } } } }, 7))
      d.receive(frame('anything', { a: { b: {} } }))
      d.receive({ fromRole: 'server', messageName: '$x', payload: {}, id: 8 })
      d.receive({ fromRole: 'server', payload: {}, id: 'only id' })
      d.receive({ fromRole: 'server', messageName: 'ping', payload: {}, id: { bad: true } })
      d.receive('[1,2]')
      d.receive(frame('$error', { code: 'OPENWS_ERR_INVALID_PAYLOAD', message: 'no', id: 'x' }))
      d.receive(frame('$error', { code: 3 }))
      d.receive(frame('$error', { code: 'OPENWS_ERR_UNKNOWN_MESSAGE', message: 'from a stranger' }, undefined, 'portal'))
      await d.session.close()
      d.receive(frame('ping', { n: 2 }))
    },
    { maxDepth: 3, maxIssues: 2 },
  ],
  'replies, both ways': [
    async (d) => {
      await d.session.open('server')
      d.receive(frame('ask', { n: 1 }, 1))
      d.receive(frame('ask', { n: 0 }))
      d.receive(frame('askLater', { n: 0 }, 'a'))
      d.receive(frame('badReply', {}, 2))
      await ticks()
      d.api.add({ a: 1 })
      d.api.add({ a: 2 }, { timeoutMs: -1 })
      d.api.add({ a: 'x' })
      d.api.note({ t: 1 })
      const id = d.lastId()
      d.receive(frame('$reply', { sum: 'x' }, id))
      d.api.add({ a: 3 })
      d.receive(frame('$reply', { sum: 3 }, d.lastId()))
      d.receive(frame('$reply', { sum: 3 }, d.lastId()))
      d.api.add({ a: 4 })
      d.receive(frame('$error', { code: 'OPENWS_ERR_HANDLER_FAILED', message: 'no', id: d.lastId() }))
      d.api.add({ a: 5 })
      d.receive(frame('$reply', { sum: 5 }))
      d.receive(frame('$reply', { sum: 5 }, d.lastId(), 'portal'))
      await ticks()
      d.api.add({ a: 6 })
      await d.session.close()
      await ticks()
    },
  ],
  'frame order behind a slow handler, then a full queue': [
    async (d) => {
      await d.session.open('server')
      d.receive(frame('slow', {}))
      d.receive(frame('ping', { n: 1 }))
      d.receive({ fromRole: 'server', payload: 1, id: 9 })
      d.receive(frame('nope', {}))
      d.receive(frame('$error', { code: 'OPENWS_ERR_BAD_JSON', message: 'now' }))
      d.release()
      await ticks()
      d.receive(frame('slow', {}))
      d.receive(frame('ping', { n: 2 }))
      d.receive(frame('ping', { n: 3 }))
      d.receive({ fromRole: 'server', payload: 1 })
      d.receive(frame('ping', { n: 4 }))
      d.release()
    },
    { maxQueuedMessages: 3 },
  ],
  'close while a handler runs': [
    async (d) => {
      await d.session.open('server')
      d.receive(frame('slow', {}))
      d.receive(frame('ping', { n: 1 }))
      const closed = d.session.close()
      d.receive(frame('ping', { n: 2 }))
      d.release()
      await closed
    },
  ],
  'bad JSON closes': [async (d) => (await d.session.open('server'), d.receive('{"fromRole":'), d.receive(frame('ping', { n: 1 })))],
  'binary closes': [async (d) => (await d.session.open('server'), d.receive(new Uint8Array([123, 125]), true))],
  'too large closes': [
    async (d) => (await d.session.open('server'), d.receive(frame('ping', { n: 1, pad: 'x'.repeat(100) }))),
    { maxFrameBytes: 100 },
  ],
  'role mismatch closes': [async (d) => (await d.session.open('server'), d.receive(frame('ping', { n: 1 }, 1, 'portal')))],
  'frame before open': [async (d) => d.receive(frame('ping', { n: 1 }))],
  'unknown role': [async (d) => void (await d.session.open('client'))],
  'open twice': [
    async (d) => {
      await d.session.open('server')
      await d.session.open('server').catch((e) => d.receive(frame('ping', { n: e.code.length })))
      await d.session.close()
      expect(await d.session.open('server')).toBe(false)
    },
  ],
  'failing transport and close hook': [
    async (d) => {
      await d.session.open('server')
      d.receive(frame('nope', {}, 1))
      d.receive(frame('ask', { n: 1 }, 2))
      d.receive('{"fromRole":')
      await ticks()
      await d.session.close()
    },
    {},
    {
      failingTransport: true,
      handleClose: () => {
        throw new Error('close hook')
      },
    },
  ],
  'async close hook that rejects, after an async handler': [
    async (d) => {
      await d.session.open('server')
      d.receive(frame('slow', {}))
      const closed = d.session.close()
      d.session.error(new Error('late'))
      d.release()
      await closed
      await d.session.idle()
    },
    {},
    { handleClose: () => Promise.reject(new Error('async close hook')) },
  ],
  'handlers that fail after close': [
    async (d) => {
      await d.session.open('server')
      d.receive(frame('slowBoom', {}, 1))
      const closed = d.session.close()
      d.release()
      await closed
    },
  ],
  'an invalid reply after close': [
    async (d) => {
      await d.session.open('server')
      d.receive(frame('slowBadReply', {}, 1))
      const closed = d.session.close()
      d.release()
      await closed
      d.api.note({ t: 1 })
    },
  ],
  'bad JSON while a handler runs': [
    async (d) => {
      await d.session.open('server')
      d.receive(frame('slow', {}))
      d.receive(frame('ping', { n: 1 }))
      d.receive('{"fromRole":')
      d.receive(frame('ping', { n: 2 }))
      d.release()
      await d.session.idle()
    },
  ],
  'handleOpen throws': [
    async (d) => void (await d.session.open('server')),
    {},
    {
      handleOpen: () => {
        throw new Error('no')
      },
    },
  ],
  'async handleOpen holds frames': [
    async (d) => {
      const opened = d.session.open('server')
      d.receive(frame('ping', { n: 1 }))
      d.receive({ fromRole: 'server', payload: 1 })
      await opened
      d.session.error(new Error('transport'))
    },
    {},
    { handleOpen: () => Promise.resolve() },
  ],
}

describe.each([false, true])('client loop vs shared loop (compiled: %s)', (compiled) => {
  for (const [name, [script, limits, hooks]] of Object.entries(SCRIPTS)) {
    it(name, async () => {
      const [shared, client] = await Promise.all(IMPLS.map(([, impl]) => run(impl, compiled, script, limits, hooks)))
      expect(client).toEqual(shared)
      // Each script does something besides ending (a test that cannot fail is no test).
      expect(client.length).toBeGreaterThan(2)
    })
  }
})

// A server may fill the queue up to limits.maxQueuedMessages (up to a million) behind a slow
// handler: draining it must take time linear in its length (taking frames off the front one by
// one with splice was quadratic: 60 000 frames blocked the client for seconds, the shared loop 20 ms).
it('drains a full queue in linear time', async () => {
  const n = 60_000
  const binder = bindings(network()) as any
  let gate!: () => void
  let pings = 0
  binder.fromRoles.server.on('slow', () => new Promise<void>((resolve) => (gate = resolve)))
  binder.fromRoles.server.on('ping', () => void pings++)
  const options = {
    limits: { maxQueuedMessages: n },
    host: undefined,
    onInternalError: () => {},
    onErrorFrame: () => {},
    onReplyFrame: () => false,
  }
  const session = clientRuntime(binder, options, () => ({})).newSession(() => {})
  await session.open('server')
  session.receive(JSON.stringify(frame('slow', {})))
  const ping = JSON.stringify(frame('ping', { n: 1 }))
  for (let i = 0; i < n; i++) session.receive(ping)
  const started = performance.now()
  gate()
  await session.idle()
  expect(pings).toBe(n)
  expect(performance.now() - started).toBeLessThan(1000)
})
