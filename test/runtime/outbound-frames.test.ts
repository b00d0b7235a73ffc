// Outbound frames on both paths (interpreted artifact, and the artifact the transformer emits):
// the same text for the same payload, the checked values on the wire whatever toJSON says, and a
// payload nothing can write (BigInt, a cycle, undefined) reported as OPENWS_ERR_SEND_FAILED, never thrown.
import { describe, expect, it } from 'vitest'
import { interpretArtifact } from '../../src/runtime/artifact/interpreted'
import { withEmittedArtifact } from '../../bench/support/emitted'
import type { BindingsCore } from '../../src/runtime/contract/types'
import type { NetworkIR } from '../../src/runtime/ir/types'
import { runtime } from '../../src/runtime/session/index'

const network: NetworkIR = {
  name: 'frames',
  roles: {
    host: { 'x-openws-host': true, messages: {} },
    peer: {
      messages: {
        user: {
          payload: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              age: { type: ['integer', 'null'] },
              tags: { type: 'array', items: { type: 'string' } },
              extra: {},
            },
            required: ['id'],
            additionalProperties: false,
          },
        },
        anything: { payload: {} },
        note: { payload: { type: 'string' } },
      },
    },
  },
}

function binder(compiled: boolean): BindingsCore {
  const core: BindingsCore = { kind: 'openws.bindings', network, hostRole: 'host', routes: {}, lifecycle: {}, interpret: interpretArtifact }
  return compiled ? withEmittedArtifact(core, 64) : core
}

/** A peer whose send does what the adapters do (writes the frame), recording it and the reported errors. */
function peerOf(compiled: boolean) {
  const wire: string[] = []
  const errors: Array<{ code?: string }> = []
  const rt = runtime(binder(compiled), { onInternalError: (e) => void errors.push(e as { code?: string }) })
  const api = rt.createPeer('peer', (_fromRole, _messageName, _payload, _id, frame) => {
    wire.push(frame)
  }) as Record<string, (p: unknown) => Promise<void>>
  return { api, wire, errors }
}

const forged = () => {
  const user: Record<string, unknown> = { id: 'u1', age: null, tags: ['a'] }
  Object.defineProperty(user, 'toJSON', { value: () => ({ id: 'admin', role: 'root' }), enumerable: false })
  return user
}

describe.each([
  ['interpreted', false],
  ['compiled', true],
])('outbound frames (%s)', (_name, compiled) => {
  it('answer an unknown name with OPENWS_ERR_OUTBOUND_UNKNOWN (a rejection), sending nothing', async () => {
    const { api, wire } = peerOf(compiled)
    await expect(api.usr({ id: 'u1' })).rejects.toMatchObject({ code: 'OPENWS_ERR_OUTBOUND_UNKNOWN', role: 'peer', messageName: 'usr' })
    expect('usr' in api).toBe(false)
    const names: string[] = []
    for (const name in api) names.push(name)
    expect(names.sort()).toEqual(['anything', 'note', 'user'])
    // not a thenable, not JSON-convertible by accident
    expect((api as Record<string, unknown>).then).toBeUndefined()
    expect((api as Record<string, unknown>).toJSON).toBeUndefined()
    expect(await Promise.resolve(api)).toBe(api)
    expect(wire).toEqual([])
  })

  it('write the same text on both paths, in schema order', async () => {
    const { api, wire } = peerOf(compiled)
    await api.user({ tags: ['x', 'y'], extra: { any: [1, null] }, id: 'u1' })
    await api.user({ id: 'u2', age: 41, extra: undefined })
    await api.note('line\u2028sep "quoted"')
    await api.anything({ free: { form: true } })
    expect(wire).toEqual([
      '{"fromRole":"host","messageName":"user","payload":{"id":"u1","tags":["x","y"],"extra":{"any":[1,null]}}}',
      '{"fromRole":"host","messageName":"user","payload":{"id":"u2","age":41}}',
      `{"fromRole":"host","messageName":"note","payload":${JSON.stringify('line\u2028sep "quoted"')}}`,
      '{"fromRole":"host","messageName":"anything","payload":{"free":{"form":true}}}',
    ])
  })

  it('put the checked values on the wire, not what a toJSON method returns', async () => {
    const { api, wire } = peerOf(compiled)
    await api.user(forged())
    expect(JSON.parse(wire[0]!).payload).toEqual({ id: 'u1', age: null, tags: ['a'] })
  })

  it('report a payload nothing can write as OPENWS_ERR_SEND_FAILED, without throwing', async () => {
    const { api, wire, errors } = peerOf(compiled)
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    await expect(api.user({ id: 'u', extra: 10n })).resolves.toBeUndefined()
    await expect(api.anything(cycle)).resolves.toBeUndefined()
    // `{}` accepts undefined, but a frame without a payload is no envelope: nothing is sent.
    await expect(api.anything(undefined)).resolves.toBeUndefined()
    await expect(api.anything(() => 1)).resolves.toBeUndefined()
    expect(wire).toEqual([])
    expect(errors.map((e) => e.code)).toEqual(Array(4).fill('OPENWS_ERR_SEND_FAILED'))
  })
})
