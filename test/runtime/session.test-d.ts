import { describe, expectTypeOf, it } from 'vitest'
import type { BindingsCore } from '../../src/runtime/contract/types'
import {
  DEFAULT_LIMITS,
  decodeEnvelope,
  disconnect,
  encodeEnvelope,
  harness,
  runtime,
  type Envelope,
  type Limits,
  type Runtime,
  type SendFn,
  type Session,
} from '../../src/runtime/session/index'
import type { OpenWsError } from '../../src/runtime/openws-error'

declare const binder: BindingsCore

describe('session API types', () => {
  it('runtime and sessions', () => {
    const rt = runtime(binder, { host: {}, limits: { maxIssues: 3 }, exposeErrors: true })
    expectTypeOf(rt).toEqualTypeOf<Runtime>()
    const s = rt.newSession(
      (fromRole, messageName, payload, id, frame) => {
        expectTypeOf(frame).toBeString()
        expectTypeOf(fromRole).toBeString()
        expectTypeOf(messageName).toBeString()
        expectTypeOf(payload).toBeUnknown()
        expectTypeOf(id).toEqualTypeOf<string | number | undefined>()
      },
      (code, reason) => {
        expectTypeOf(code).toBeNumber()
        expectTypeOf(reason).toBeString()
      },
    )
    expectTypeOf(s).toEqualTypeOf<Session>()
    expectTypeOf(s.open('client')).toEqualTypeOf<Promise<boolean>>()
    expectTypeOf(s.handleMessage('client', 'x', {}, 'id')).toEqualTypeOf<Promise<void>>()
    expectTypeOf(s.receive('{}')).toBeVoid()
    expectTypeOf(s.receive(new Uint8Array(), false)).toBeVoid()
    expectTypeOf(s.close()).toEqualTypeOf<Promise<void>>()
    expectTypeOf(s.state).toEqualTypeOf<'new' | 'open' | 'closing' | 'closed'>()
    expectTypeOf(
      disconnect(
        rt.createPeer('client', () => {}),
        4000,
        'bye',
      ),
    ).toBeBoolean()
    // @ts-expect-error limits are checked by name
    runtime(binder, { limits: { maxFrames: 1 } })
    // @ts-expect-error a send function is required
    rt.newSession()
  })

  it('codec and limits', () => {
    expectTypeOf(encodeEnvelope('a', 'b', {}, 1)).toBeString()
    expectTypeOf(decodeEnvelope('{}')).toEqualTypeOf<Envelope | OpenWsError>()
    expectTypeOf(DEFAULT_LIMITS).toEqualTypeOf<Readonly<Limits>>()
    expectTypeOf<SendFn>().parameters.toEqualTypeOf<[string, string, unknown, string | number | undefined, string]>()
  })

  it('harness', () => {
    const peer = harness(binder).connect('client')
    expectTypeOf(peer.frames).toEqualTypeOf<Envelope[]>()
    expectTypeOf(peer.send('m', {})).toEqualTypeOf<Promise<void>>()
  })
})
