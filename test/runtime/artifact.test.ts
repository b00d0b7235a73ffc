import { describe, expect, it } from 'vitest'
import { interpretArtifact, isArtifact, PEER_SINK, ROUTE_NOT_ALLOWED, ROUTE_UNKNOWN } from '../../src/runtime/artifact/index'
import { harness } from '../../src/runtime/harness/index'
import { runtime } from '../../src/runtime/session/index'
import { handBinder, handNetwork } from './fixtures/hand-binder'

describe('interpreted artifact', () => {
  const art = interpretArtifact(handNetwork(), 'host', 64)

  it('has the documented shape', () => {
    expect(isArtifact(art)).toBe(true)
    expect(art).toMatchObject({ kind: 'openws.artifact', version: 2, hostRole: 'host', maxDepth: 64 })
    expect(art.remoteRoles).toEqual(['a', 'b', 'constructor'])
    expect(art.inbound.messages).toEqual(['constructor', 'toString', 'onlyB'])
    expect(Object.keys(art.inbound.route)).toEqual(['a', 'b', 'constructor'])
    expect(Object.keys(art.outbound)).toEqual(['a', 'b', 'constructor'])
    expect(art.envelope.is({ fromRole: 'a', messageName: 'b', payload: 0 })).toBe(true)
  })

  it('routes by sender role: slot, unknown, or not allowed; property names are data', () => {
    const a = art.inbound.route.a
    expect([a('constructor'), a('toString'), a('onlyB'), a('valueOf'), a('__proto__'), a('hasOwnProperty')]).toEqual([
      0,
      1,
      ROUTE_NOT_ALLOWED,
      ROUTE_UNKNOWN,
      ROUTE_UNKNOWN,
      ROUTE_UNKNOWN,
    ])
    expect(art.inbound.route.b('onlyB')).toBe(2)
    expect(art.inbound.validators[0].is({ n: 1 })).toBe(true)
    expect(art.inbound.validators[0].is({ n: 'x' })).toBe(false)
  })

  it('builds capability-scoped outbound APIs that validate before sending', async () => {
    const sent: unknown[][] = []
    const api = art.outbound.a({
      send: async (name, payload) => void sent.push([name, payload]),
      invalid: (name) => new Error(`invalid ${name}`),
      depthLimit: undefined,
      tooDeep: (name) => new Error(`too deep ${name}`),
    }) as any
    expect(Object.keys(api)).not.toContain('fromB') // only b may send fromB to a
    expect('fromB' in api).toBe(false)
    await expect(api.fromB({ n: 1 })).rejects.toMatchObject({ code: 'OPENWS_ERR_OUTBOUND_UNKNOWN' })
    expect(api[PEER_SINK]).toBeDefined()
    /* eslint-disable no-prototype-builtins -- a message named hasOwnProperty is the point */
    await api.hasOwnProperty({ n: 1 })
    await expect(api.hasOwnProperty({ n: 'no' })).rejects.toThrow('invalid hasOwnProperty')
    /* eslint-enable no-prototype-builtins */
    expect(sent).toEqual([['hasOwnProperty', { n: 1 }]])
  })
})

describe('runtime on a hand-built binder', () => {
  it('dispatches messages named like Object.prototype members and refuses unknown ones', async () => {
    const got: unknown[] = []
    const h = harness(handBinder({ constructor: { a: (p: unknown) => void got.push(p) }, toString: { a: () => 'x' } }), {
      onInternalError: () => {},
    })
    const a = h.connect('a')
    await a.send('constructor', { n: 1 })
    await a.send('valueOf', {})
    await a.send('toString', 'anything')
    await a.send('onlyB', {})
    expect(got).toEqual([{ n: 1 }])
    expect(a.frames.map((f) => (f.payload as { code?: string }).code)).toEqual([
      'OPENWS_ERR_UNKNOWN_MESSAGE',
      'OPENWS_ERR_SENDER_NOT_ALLOWED',
    ])
    const c = h.connect('constructor')
    expect(await c.opened).toBe(true)
    await c.send('toString', 1) // allowed (no from), but routes.toString has no own "constructor" entry
    expect(c.frames.map((f) => (f.payload as { code?: string }).code)).toEqual(['OPENWS_ERR_MISSING_HANDLER'])
  })

  it('answers an allowed message without a registered handler with OPENWS_ERR_MISSING_HANDLER', async () => {
    const h = harness(handBinder())
    const b = h.connect('b')
    await b.send('onlyB', {}, 'q')
    expect(b.frames[0].payload).toMatchObject({ code: 'OPENWS_ERR_MISSING_HANDLER', messageName: 'onlyB', id: 'q' })
  })

  it('throws OPENWS_ERR_MISSING_HANDLER when a route names a method the host lacks', () => {
    const binder = { ...handBinder({ constructor: { a: 'nope' } }), hostClass: class {} }
    expect(() => runtime(binder)).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_MISSING_HANDLER' }))
  })

  it('refuses what is not bindings, bad options and foreign compiled artifacts', () => {
    const invalid = expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' })
    expect(() => runtime({} as never)).toThrow(invalid)
    expect(() => runtime(handBinder(), { host: 3 as never })).toThrow(invalid)
    expect(() => runtime({ ...handBinder(), compiled: { kind: 'openws.artifact', version: 0 } })).toThrow(invalid)
    expect(() => runtime(handBinder()).newSession(undefined as never)).toThrow(invalid)
    expect(() => runtime(handBinder(), { onInternalError: 1 as never })).toThrow(invalid)
  })

  it('uses binder.compiled when present instead of interpreting', () => {
    const artifact = interpretArtifact(handNetwork(), 'host', 64)
    expect(runtime({ ...handBinder(), compiled: artifact }).artifact).toBe(artifact)
  })

  it('sends a hook failure on open as OPENWS_ERR_INTERNAL (close 1011) and still fires close', async () => {
    const log: string[] = []
    const binder = handBinder()
    ;(binder.lifecycle as Record<string, object>).a = {
      onOpen: () => {
        throw new Error('db down')
      },
      onClose: () => void log.push('close'),
      onError: (_r: string, _p: object, e: { code: string }) => void log.push(`error:${e.code}`),
    }
    const h = harness(binder)
    const a = h.connect('a')
    expect(await a.opened).toBe(false)
    await h.idle()
    expect(log).toEqual(['error:OPENWS_ERR_INTERNAL', 'close'])
    expect(a.closed).toEqual({ code: 1011, reason: 'OPENWS_ERR_INTERNAL' })
    expect(JSON.stringify(a.frames)).not.toContain('db down')
  })
})

describe('compiled bindings', () => {
  it('build the network literal only when something reads it', async () => {
    const { compiledBindings } = await import('../../src/runtime/contract/compiled')
    const { emittedSource, evaluateEmitted } = await import('../../bench/support/emitted')
    const binder = handBinder()
    const emitted = evaluateEmitted(emittedSource(binder.network, 'host', 64))
    let reads = 0
    const make = (h: Parameters<typeof emitted>[0]) => {
      const made = emitted(h)
      const get = Object.getOwnPropertyDescriptor(made, 'network')!.get!
      Object.defineProperty(made, 'network', { get: () => (reads++, get.call(made)), enumerable: true })
      return made
    }
    const compiled = compiledBindings(make, {
      routes: binder.routes as Record<string, Record<string, string>>,
      hostClass: binder.hostClass,
    })
    const h = harness(compiled)
    const a = h.connect('a')
    await a.send('constructor', { n: 1 })
    expect(reads).toBe(0)
    expect(compiled.network).toEqual(binder.network)
    expect(reads).toBe(1)
  })
})
