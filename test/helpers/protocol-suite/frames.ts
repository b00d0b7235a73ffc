// Protocol suite: Frame-level checks: binary, size, JSON, envelope, ids.
import { describe, expect, it } from 'vitest'
import type { SuiteContext } from './context'

export function frameTests({ setup, codes }: SuiteContext): void {
  describe('frames', () => {
    it('closes on a binary frame (1003), an oversize frame (1009) and bad JSON (1007)', async () => {
      const cases: [string | Uint8Array, boolean, string, number][] = [
        [new Uint8Array([1, 2]), true, 'OPENWS_ERR_BINARY_FRAME', 1003],
        [
          JSON.stringify({ fromRole: 'client', messageName: 'echo', payload: { text: 'x'.repeat(200) } }),
          false,
          'OPENWS_ERR_FRAME_TOO_LARGE',
          1009,
        ],
        ['{"fromRole":', false, 'OPENWS_ERR_BAD_JSON', 1007],
        [new Uint8Array([0x7b, 0xff, 0x7d]), false, 'OPENWS_ERR_BAD_JSON', 1007],
      ]
      for (const [frame, isBinary, code, close] of cases) {
        const { h, probe } = await setup({ limits: { maxFrameBytes: 128 } })
        const a = h.connect('client')
        await a.sendRaw(frame, isBinary)
        expect(codes(a.frames)).toEqual([`$error:${code}`])
        expect(a.closed).toEqual({ code: close, reason: code })
        expect(probe.log).toEqual(['open:client', 'close:client'])
      }
    })

    it('accepts a text frame given as UTF-8 bytes', async () => {
      const { h } = await setup()
      const a = h.connect('client')
      await a.sendRaw(new TextEncoder().encode(JSON.stringify({ fromRole: 'client', messageName: 'echo', payload: { text: 'é€😀' } })))
      expect(codes(a.frames)).toEqual(['echoed:{"text":"é€😀"}'])
    })

    it('answers a malformed envelope with OPENWS_ERR_BAD_ENVELOPE and stays open', async () => {
      const bad = [
        '[]',
        '"text"',
        'null',
        '{"fromRole":"client","messageName":"echo"}',
        '{"fromRole":1,"messageName":"echo","payload":{}}',
        '{"fromRole":"client","messageName":["echo"],"payload":{}}',
        '{"fromRole":"client","messageName":"$error","payload":{}}',
        '{"fromRole":"client","messageName":"echo","payload":{"text":"x"},"id":1.5}',
        `{"fromRole":"client","messageName":"echo","payload":{"text":"x"},"id":"${'i'.repeat(129)}"}`,
        `{"fromRole":"client","messageName":"echo","payload":{"text":"x"},"id":${2 ** 53}}`,
        '{"fromRole":"client","messageName":"echo","payload":{"text":"x"},"id":null}',
      ]
      const { h, probe } = await setup()
      const a = h.connect('client')
      for (const frame of bad) await a.sendRaw(frame)
      expect(codes(a.frames)).toEqual(bad.map(() => '$error:OPENWS_ERR_BAD_ENVELOPE'))
      for (const f of a.frames) expect((f.payload as { issues: unknown[] }).issues.length).toBeGreaterThan(0)
      expect(a.closed).toBeUndefined()
      expect(probe.log).toEqual(['open:client'])
    })

    it('answers a malformed frame in frame order, behind earlier messages, with its id', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.opened
      a.session.receive(JSON.stringify({ fromRole: 'client', messageName: 'slow', payload: { tag: 's' }, id: 'first' }))
      a.session.receive('{"fromRole":"client","messageName":"echo","id":"second"}')
      a.session.receive('{"fromRole":"client","messageName":["echo"],"id":7,"payload":{"text":"t"}}')
      a.session.receive('{"fromRole":"client","messageName":"echo","id":1.5}')
      expect(a.frames).toEqual([])
      probe.release('s')
      await h.idle()
      expect(a.frames.map((f) => [f.messageName, (f.payload as { code?: string }).code, (f.payload as { id?: unknown }).id])).toEqual([
        ['done', undefined, undefined],
        ['$error', 'OPENWS_ERR_BAD_ENVELOPE', 'second'],
        ['$error', 'OPENWS_ERR_BAD_ENVELOPE', 7],
        ['$error', 'OPENWS_ERR_BAD_ENVELOPE', undefined],
      ])
      // Idle again: a malformed frame is answered at once, still with its id.
      await a.sendRaw('{"fromRole":"client","messageName":"echo","id":"third"}')
      expect(a.frames.at(-1)?.payload).toMatchObject({ code: 'OPENWS_ERR_BAD_ENVELOPE', id: 'third' })
    })

    it('after drain(), refuses every later frame in frame order with OPENWS_ERR_SHUTTING_DOWN, its id and seq', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.opened
      const frame = (messageName: string, payload: unknown, id?: string) => JSON.stringify({ fromRole: 'client', messageName, payload, id })
      a.session.receive(frame('slow', { tag: 's' }, 'first'))
      a.session.receive(frame('fast', { tag: 'queued' }, 'second')) // received before the drain: runs
      a.session.drain()
      a.session.receive(frame('echo', { text: 'late' }, 'third'))
      a.session.receive(frame('echo', { text: 'no id' }))
      probe.release('s')
      await h.idle()
      expect(a.frames.map((f) => f.payload)).toEqual([
        { tag: 's' },
        { tag: 'queued' },
        { code: 'OPENWS_ERR_SHUTTING_DOWN', message: expect.any(String), messageName: 'echo', id: 'third', seq: 3 },
        { code: 'OPENWS_ERR_SHUTTING_DOWN', message: expect.any(String), messageName: 'echo', seq: 4 },
      ])
      expect(probe.log).not.toContain('echo:late')
      expect(a.closed).toBeUndefined() // refusing is not closing: the adapter closes when it is ready
    })

    it('after drain(), refuses a first frame that establishes the role too', async () => {
      const { h, probe } = await setup({ roleFromFirstFrame: true })
      const a = h.connect('client', { open: false })
      a.session.drain()
      await a.sendRaw(JSON.stringify({ fromRole: 'client', messageName: 'echo', payload: { text: 'x' }, id: 1 }))
      expect(a.frames.map((f) => f.payload)).toEqual([
        { code: 'OPENWS_ERR_SHUTTING_DOWN', message: expect.any(String), messageName: 'echo', id: 1, seq: 1 },
      ])
      expect(probe.log).toEqual(['open:client'])
    })

    it('closes a connection over limits.maxMessagesPerSecond (token bucket) with 1008 OPENWS_ERR_RATE_LIMITED', async () => {
      const { h, probe } = await setup({ limits: { maxMessagesPerSecond: 1, messageBurst: 3 } })
      const a = h.connect('client')
      await a.opened
      for (const tag of ['1', '2', '3', '4', '5'])
        a.session.receive(JSON.stringify({ fromRole: 'client', messageName: 'fast', payload: { tag } }))
      await h.idle()
      // The 4th frame finds the bucket (3) empty: like every close, it drops what was waiting (2, 3).
      expect(codes(a.frames)).toEqual(['done:{"tag":"1"}', '$error:OPENWS_ERR_RATE_LIMITED'])
      expect(a.closed).toEqual({ code: 1008, reason: 'OPENWS_ERR_RATE_LIMITED' })
      expect(probe.log).toEqual(['open:client', 'fast:1', 'close:client'])
      // Without a limit (the default) nothing is counted.
      const other = (await setup()).h.connect('client')
      await other.opened
      for (let i = 0; i < 50; i++) other.session.receive(JSON.stringify({ fromRole: 'client', messageName: 'fast', payload: { tag: 'x' } }))
      expect(other.closed).toBeUndefined()
    })

    it('echoes valid ids (strings up to 128 characters, safe integers) in $error frames', async () => {
      const { h } = await setup()
      const a = h.connect('client')
      const ids = ['i'.repeat(128), Number.MAX_SAFE_INTEGER, -3, '']
      for (const id of ids) await a.send('nope', {}, id)
      expect(a.frames.map((f) => (f.payload as { id: unknown }).id)).toEqual(ids)
    })
  })
}
