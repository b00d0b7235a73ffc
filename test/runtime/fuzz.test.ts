// Every input is hostile: arbitrary frames never throw out of receive(), never reach a handler
// with a payload its schema rejects, and only ever produce documented codes and close codes.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../src/runtime/error-summaries'
import { CloseCode } from '../../src/runtime/openws-error'
import { interpret } from '../../src/runtime/interpret/index'
import { runtime } from '../../src/runtime/session/index'
import { handBinder, handNetwork } from './fixtures/hand-binder'

const payloadSchema = handNetwork().roles.host.messages['constructor' as string].payload
const isPayload = interpret(payloadSchema, { maxDepth: 64 }).is

const envelopeLike = fc.record(
  {
    fromRole: fc.oneof(fc.constant('a'), fc.constant('b'), fc.constant('$a'), fc.string(), fc.integer()),
    messageName: fc.oneof(
      fc.constantFrom('constructor', 'toString', 'onlyB', '__proto__', '$error', 'valueOf'),
      fc.string(),
      fc.constant(null),
    ),
    payload: fc.oneof(fc.record({ n: fc.oneof(fc.integer(), fc.double(), fc.string()) }), fc.jsonValue()),
    id: fc.oneof(fc.string({ maxLength: 140 }), fc.integer(), fc.double(), fc.constant(null), fc.boolean()),
  },
  { requiredKeys: [] },
)

const frames = fc.oneof(
  envelopeLike.map((e) => JSON.stringify(e)),
  fc.string(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.uint8Array({ maxLength: 64 }),
  envelopeLike.map((e) => new TextEncoder().encode(JSON.stringify(e))),
)

const hostileValue = () => fc.anything({ withNullPrototype: true, withMap: true, withBigInt: true })

describe('hostile frames', () => {
  it('never throw, never dispatch an invalid payload, only use documented codes', () => {
    const closeCodes = new Set<number>(Object.values(CloseCode))
    fc.assert(
      fc.property(fc.array(fc.tuple(frames, fc.boolean()), { maxLength: 8 }), (batch) => {
        const handled: unknown[] = []
        const rt = runtime(handBinder({ constructor: { a: (p: unknown) => void handled.push(p) }, toString: { a: () => undefined } }), {
          limits: { maxFrameBytes: 256 },
        })
        const sent: [string, string, any][] = []
        const closes: number[] = []
        const s = rt.newSession(
          (from, name, payload) => void sent.push([from, name, payload]),
          (code) => void closes.push(code),
        )
        void s.open('a')
        for (const [frame, isBinary] of batch) s.receive(frame, isBinary)
        for (const p of handled) expect(isPayload(p)).toBe(true)
        for (const [from, name, payload] of sent) {
          expect(from).toBe('host')
          expect(name).toBe('$error')
          expect(Object.hasOwn(ErrorCodes, payload.code)).toBe(true)
        }
        expect(closes.length).toBeLessThanOrEqual(1)
        for (const c of closes) expect(closeCodes.has(c)).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('never throws from handleMessage with arbitrary arguments', () => {
    fc.assert(
      fc.property(hostileValue(), hostileValue(), hostileValue(), hostileValue(), (role, name, payload, id) => {
        const rt = runtime(handBinder())
        const s = rt.newSession(() => {})
        void s.open('a')
        const t = rt.newSession(() => {})
        void t.open(role as string).catch(() => {})
        expect(s.handleMessage(role as string, name as string, payload, id as string)).toBeInstanceOf(Promise)
      }),
      { numRuns: 300 },
    )
  })
})
