import { describe, expect, it } from 'vitest'
import { decodeEnvelope, encodeEnvelope, utf8Exceeds } from '../../src/runtime/envelope/index'
import { OpenWsError } from '../../src/runtime/openws-error'

const code = (v: unknown) => (v instanceof OpenWsError ? v.code : 'ok')

describe('envelope codec', () => {
  it('round-trips an envelope, with and without id', () => {
    const text = encodeEnvelope('client', 'echo', { text: 'x' })
    expect(text).toBe('{"fromRole":"client","messageName":"echo","payload":{"text":"x"}}')
    expect(decodeEnvelope(text)).toEqual({ fromRole: 'client', messageName: 'echo', payload: { text: 'x' } })
    expect(decodeEnvelope(encodeEnvelope('client', 'echo', null, 'r1'))).toEqual({
      fromRole: 'client',
      messageName: 'echo',
      payload: null,
      id: 'r1',
    })
    expect(decodeEnvelope(encodeEnvelope('client', 'echo', 0, 7))).toMatchObject({ id: 7 })
  })

  it('throws from encode on what JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => encodeEnvelope('a', 'b', cyclic)).toThrow(TypeError)
    expect(() => encodeEnvelope('a', 'b', 1n)).toThrow(TypeError)
    // JSON.stringify would leave these out and write a frame without a payload: no envelope.
    for (const nothing of [undefined, () => 1, Symbol('s')]) expect(() => encodeEnvelope('a', 'b', nothing)).toThrow('not a JSON value')
  })

  it('decodes bytes and refuses binary frames, invalid UTF-8 and oversize input', () => {
    const bytes = new TextEncoder().encode('{"fromRole":"a","messageName":"b","payload":"é"}')
    expect(decodeEnvelope(bytes)).toMatchObject({ payload: 'é' })
    expect(decodeEnvelope(bytes.buffer as ArrayBuffer)).toMatchObject({ payload: 'é' })
    expect(code(decodeEnvelope(bytes, true))).toBe('OPENWS_ERR_BINARY_FRAME')
    expect(code(decodeEnvelope(new Uint8Array([0xc3, 0x28])))).toBe('OPENWS_ERR_BAD_JSON')
    expect(code(decodeEnvelope(bytes, false, { maxFrameBytes: 10 }))).toBe('OPENWS_ERR_FRAME_TOO_LARGE')
    expect((decodeEnvelope(bytes, false, { maxFrameBytes: 10 }) as OpenWsError).closeCode).toBe(1009)
    expect(code(decodeEnvelope(42 as never))).toBe('OPENWS_ERR_BAD_ENVELOPE')
  })

  it('counts UTF-8 bytes, not UTF-16 units, against the size limit', () => {
    const s = '€'.repeat(30) // 90 bytes, 30 units
    expect(utf8Exceeds(s, 89)).toBe(true)
    expect(utf8Exceeds(s, 90)).toBe(false)
    expect(utf8Exceeds('😀'.repeat(10), 39)).toBe(true) // 4 bytes each
    expect(utf8Exceeds('😀'.repeat(10), 40)).toBe(false)
    expect(utf8Exceeds('\ud800x', 4)).toBe(false) // lone surrogate: 3 bytes (U+FFFD) + 1
    expect(utf8Exceeds('\ud800x', 3)).toBe(true)
  })

  it('rejects non-envelopes with issues', () => {
    for (const text of [
      '1',
      '[]',
      'null',
      '{}',
      '{"fromRole":"a","messageName":"b"}',
      '{"fromRole":"","messageName":"b","payload":1}',
      '{"fromRole":"a","messageName":"$x","payload":1}',
      '{"fromRole":"$a","messageName":"x","payload":1}',
      '{"fromRole":"a","messageName":"b","payload":1,"id":{}}',
      '{"fromRole":"a","messageName":"b","payload":1,"id":true}',
    ]) {
      const out = decodeEnvelope(text)
      expect(code(out), text).toBe('OPENWS_ERR_BAD_ENVELOPE')
      expect((out as OpenWsError).issues!.length, text).toBeGreaterThan(0)
      expect((out as OpenWsError).closeCode).toBeUndefined()
    }
    expect(code(decodeEnvelope('{'))).toBe('OPENWS_ERR_BAD_JSON')
  })

  it('treats __proto__ in a frame as data', () => {
    const out = decodeEnvelope('{"fromRole":"a","messageName":"b","payload":{"__proto__":{"polluted":1}}}')
    expect(code(out)).toBe('ok')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('accepts $error frames only when asked (clients), and checks their payload', () => {
    const frame = encodeEnvelope('server', '$error', {
      code: 'OPENWS_ERR_INVALID_PAYLOAD',
      message: 'no',
      id: 3,
      issues: [{ path: '/a', code: 'type' }],
    })
    expect(code(decodeEnvelope(frame))).toBe('OPENWS_ERR_BAD_ENVELOPE')
    expect(decodeEnvelope(frame, false, { allowErrorFrames: true })).toMatchObject({ messageName: '$error', payload: { id: 3 } })
    expect(code(decodeEnvelope(encodeEnvelope('server', '$error', { message: 'no code' }), false, { allowErrorFrames: true }))).toBe(
      'OPENWS_ERR_BAD_ENVELOPE',
    )
    expect(code(decodeEnvelope(encodeEnvelope('server', '$other', {}), false, { allowErrorFrames: true }))).toBe('OPENWS_ERR_BAD_ENVELOPE')
  })
})
