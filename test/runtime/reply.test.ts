// Request/reply over the in-process harness, on every style and on both paths (interpreter and
// emitted artifact): both directions and every way a request ends. Timeouts use fake timers or
// never-answered requests, never a race against the clock.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { harness } from '../../src/runtime/harness/index'
import { disconnect } from '../../src/runtime/session/index'
import type { RuntimeOptions } from '../../src/runtime/session/types'
import { REPLY_STYLES } from './reply/styles'

const codeOf = (e: unknown) => (e as { code?: string }).code

/** Settles `p` into a value or the rejection's code, without an unhandled rejection meanwhile. */
function outcome<T>(p: Promise<T>): Promise<{ value: T } | { code: string | undefined }> {
  return p.then(
    (value) => ({ value }),
    (e: unknown) => ({ code: codeOf(e) }),
  )
}

for (const [style, make] of REPLY_STYLES) {
  describe(`request/reply (${style})`, () => {
    const setup = async (options: RuntimeOptions = {}) => {
      const errors: unknown[] = []
      const h = harness(await make(), { onInternalError: (e) => errors.push(e), ...options })
      const a = h.connect('client')
      await a.opened
      return { h, a, errors, api: a.session.peer as Record<string, (p: unknown, o?: unknown) => Promise<unknown>> }
    }
    afterEach(() => {
      vi.useRealTimers()
    })

    describe('client -> server', () => {
      it('answers a request with a $reply frame carrying its id (sync and async handlers)', async () => {
        const { a } = await setup()
        expect(await a.request('add', { a: 2, b: 3 })).toEqual({
          fromRole: 'server',
          messageName: '$reply',
          payload: { sum: 5 },
          id: 'harness-1',
        })
        expect(await a.request('addLater', { a: 1, b: 1 })).toEqual({
          fromRole: 'server',
          messageName: '$reply',
          payload: { sum: 2 },
          id: 'harness-2',
        })
      })

      it('sends nothing back for a request frame without an id, or for a one-way message', async () => {
        const { a } = await setup()
        await a.send('add', { a: 2, b: 3 })
        await a.send('tell', { text: 'x' }, 7)
        expect(a.frames).toEqual([])
      })

      it('an invalid reply is reported on the handler side and answered with $error OPENWS_ERR_REPLY_INVALID', async () => {
        const { a, errors } = await setup()
        const answer = await a.request('badSum', {})
        expect(answer).toEqual({
          fromRole: 'server',
          messageName: '$error',
          payload: { code: 'OPENWS_ERR_REPLY_INVALID', message: expect.any(String), messageName: 'badSum', id: 'harness-1' },
        })
        expect(errors.map(codeOf)).toEqual(['OPENWS_ERR_REPLY_INVALID'])
        expect((errors[0] as { issues: unknown[] }).issues).toEqual([expect.objectContaining({ path: '/sum', code: 'type' })])
      })

      it('with exposeErrors the $error carries the reply issues', async () => {
        const { a } = await setup({ exposeErrors: true })
        const answer = await a.request('badSum', {})
        expect((answer?.payload as { issues: unknown[] }).issues).toEqual([expect.objectContaining({ path: '/sum', code: 'type' })])
      })

      it('refusals carry the request id: handler failed, invalid payload, unknown message', async () => {
        const { a } = await setup()
        expect((await a.request('boom', {}))?.payload).toMatchObject({ code: 'OPENWS_ERR_HANDLER_FAILED', id: 'harness-1' })
        expect((await a.request('add', { a: 'x', b: 1 }))?.payload).toMatchObject({ code: 'OPENWS_ERR_INVALID_PAYLOAD', id: 'harness-2' })
        expect((await a.request('nope', {}))?.payload).toMatchObject({ code: 'OPENWS_ERR_UNKNOWN_MESSAGE', id: 'harness-3' })
      })
    })

    describe('server -> client', () => {
      it('api.x() of a message with a reply sends a frame with an id and resolves to the validated reply', async () => {
        const { a, api } = await setup()
        const p = api.confirm({ q: 'sure?' })
        const [frame] = a.take()
        expect(frame).toEqual({ fromRole: 'server', messageName: 'confirm', payload: { q: 'sure?' }, id: expect.any(Number) })
        await a.reply(frame.id!, { ok: true })
        expect(await p).toEqual({ ok: true })
        expect(a.frames).toEqual([]) // a reply is never answered
      })

      it('a message without a reply keeps its one-way behaviour: no id, resolves to undefined', async () => {
        const { a, api } = await setup()
        expect(await api.note({ text: 'hi' })).toBeUndefined()
        expect(a.take()).toEqual([{ fromRole: 'server', messageName: 'note', payload: { text: 'hi' } }])
      })

      it('an invalid reply rejects with OPENWS_ERR_REPLY_INVALID and its issues', async () => {
        const { a, api } = await setup()
        const p = outcome(api.confirm({ q: '?' }).catch((e) => Promise.reject(e)))
        await a.reply(a.take()[0].id!, { ok: 'yes' })
        expect(await p).toEqual({ code: 'OPENWS_ERR_REPLY_INVALID' })
      })

      it('a $error with the id rejects exactly that request, with the peer code', async () => {
        const { a, api, errors } = await setup()
        const first = outcome(api.confirm({ q: '1' }))
        const second = outcome(api.confirm({ q: '2' }))
        const [f1, f2] = a.take()
        await a.sendRaw(
          JSON.stringify({
            fromRole: 'client',
            messageName: '$error',
            payload: { code: 'OPENWS_ERR_HANDLER_FAILED', message: 'no', id: f2.id },
            id: f2.id,
          }),
        )
        expect(await second).toEqual({ code: 'OPENWS_ERR_HANDLER_FAILED' })
        await a.reply(f1.id!, { ok: false })
        expect(await first).toEqual({ value: { ok: false } })
        expect(errors).toEqual([])
        expect(a.frames).toEqual([])
      })

      it('times out with OPENWS_ERR_REQUEST_TIMEOUT; a late reply is reported as OPENWS_ERR_UNEXPECTED_REPLY and dropped', async () => {
        vi.useFakeTimers()
        const { a, api, errors } = await setup({ limits: { requestTimeoutMs: 50 } })
        const p = outcome(api.confirm({ q: '?' }))
        const id = a.take()[0].id!
        await vi.advanceTimersByTimeAsync(50)
        expect(await p).toEqual({ code: 'OPENWS_ERR_REQUEST_TIMEOUT' })
        a.session.receive(JSON.stringify({ fromRole: 'client', messageName: '$reply', payload: { ok: true }, id }))
        expect(errors.map(codeOf)).toEqual(['OPENWS_ERR_UNEXPECTED_REPLY'])
        expect(a.frames).toEqual([])
      })

      it('a wall-clock step moves no deadline: back, the request still times out on time; forward, no other request expires early', async () => {
        vi.useFakeTimers()
        const { a, api } = await setup()
        const stepBack = outcome(api.confirm({ q: 'back' }, { timeoutMs: 200 }))
        const patient = outcome(api.confirm({ q: 'patient' }, { timeoutMs: 60_000 }))
        const short = outcome(api.confirm({ q: 'short' }, { timeoutMs: 100 }))
        a.take()
        vi.setSystemTime(Date.now() + 3_600_000) // forward an hour, then back a day
        await vi.advanceTimersByTimeAsync(100)
        expect(await short).toEqual({ code: 'OPENWS_ERR_REQUEST_TIMEOUT' })
        vi.setSystemTime(Date.now() - 86_400_000)
        await vi.advanceTimersByTimeAsync(100)
        expect(await stepBack).toEqual({ code: 'OPENWS_ERR_REQUEST_TIMEOUT' })
        let settled = false
        void patient.then(() => (settled = true))
        await vi.advanceTimersByTimeAsync(1_000)
        expect(settled).toBe(false)
      })

      it('timeoutMs per call overrides the limit', async () => {
        vi.useFakeTimers()
        const { a, api } = await setup()
        const p = outcome(api.confirm({ q: '?' }, { timeoutMs: 5 }))
        a.take()
        await vi.advanceTimersByTimeAsync(5)
        expect(await p).toEqual({ code: 'OPENWS_ERR_REQUEST_TIMEOUT' })
      })

      it('requests with different timeouts expire in deadline order; settled ones never time out', async () => {
        vi.useFakeTimers()
        const { a, api, errors } = await setup({ limits: { requestTimeoutMs: 40 } })
        const order: string[] = []
        // a.reply() waits for the session to go idle, which fake timers hold up: feed the frame directly.
        const answer = (id: unknown, ok: boolean) =>
          a.session.receive(JSON.stringify({ fromRole: 'client', messageName: '$reply', payload: { ok }, id }))
        const track = (label: string, p: Promise<unknown>) =>
          outcome(p).then((o) => {
            order.push(`${label}:${'code' in o ? o.code : 'reply'}`)
            return o
          })
        const late = track('30', api.confirm({ q: '30' }, { timeoutMs: 30 }))
        const early = track('10', api.confirm({ q: '10' }, { timeoutMs: 10 }))
        const answered = track('20', api.confirm({ q: '20' }, { timeoutMs: 20 }))
        const aborted = new AbortController()
        const cancelled = track('abort', api.confirm({ q: '15' }, { timeoutMs: 15, signal: aborted.signal }))
        const never = track('0', api.confirm({ q: '0' }, { timeoutMs: 0 }))
        const byDefault = track('40', api.confirm({ q: '40' }))
        const ids = a.take().map((f) => f.id!)
        expect(ids).toHaveLength(6)
        await vi.advanceTimersByTimeAsync(5)
        expect(order).toEqual([])
        answer(ids[2], true)
        aborted.abort()
        await vi.advanceTimersByTimeAsync(5)
        expect(order).toEqual(['20:reply', 'abort:OPENWS_ERR_REQUEST_ABORTED', '10:OPENWS_ERR_REQUEST_TIMEOUT'])
        await vi.advanceTimersByTimeAsync(15)
        expect(order).toHaveLength(3)
        await vi.advanceTimersByTimeAsync(5)
        expect(order.slice(3)).toEqual(['30:OPENWS_ERR_REQUEST_TIMEOUT'])
        // A request started after the others, with a shorter timeout, re-arms the table's timer earlier.
        const sooner = track('sooner', api.confirm({ q: 's' }, { timeoutMs: 2 }))
        a.take()
        await vi.advanceTimersByTimeAsync(2)
        expect(order.slice(4)).toEqual(['sooner:OPENWS_ERR_REQUEST_TIMEOUT'])
        await vi.advanceTimersByTimeAsync(8)
        expect(order.slice(5)).toEqual(['40:OPENWS_ERR_REQUEST_TIMEOUT'])
        await vi.advanceTimersByTimeAsync(10_000)
        expect(order).toHaveLength(6)
        answer(ids[4], false)
        expect(await never).toEqual({ value: { ok: false } })
        await Promise.all([late, early, answered, cancelled, byDefault, sooner])
        expect(errors).toEqual([])
        expect(vi.getTimerCount()).toBeLessThanOrEqual(1)
      })

      it('a disconnect rejects every pending request with OPENWS_ERR_DISCONNECTED; later requests too', async () => {
        const { api } = await setup()
        const ps = [outcome(api.confirm({ q: '1' })), outcome(api.confirm({ q: '2' }))]
        disconnect(api)
        expect(await Promise.all(ps)).toEqual([{ code: 'OPENWS_ERR_DISCONNECTED' }, { code: 'OPENWS_ERR_DISCONNECTED' }])
        expect(await outcome(api.confirm({ q: '3' }))).toEqual({ code: 'OPENWS_ERR_DISCONNECTED' })
      })

      it('an AbortSignal cancels with OPENWS_ERR_REQUEST_ABORTED; an aborted one sends nothing', async () => {
        const { a, api, errors } = await setup()
        const ac = new AbortController()
        const p = outcome(api.confirm({ q: '?' }, { signal: ac.signal }))
        const id = a.take()[0].id!
        ac.abort()
        expect(await p).toEqual({ code: 'OPENWS_ERR_REQUEST_ABORTED' })
        expect(await outcome(api.confirm({ q: '?' }, { signal: ac.signal }))).toEqual({ code: 'OPENWS_ERR_REQUEST_ABORTED' })
        expect(a.take()).toEqual([])
        await a.reply(id, { ok: true })
        expect(errors.map(codeOf)).toEqual(['OPENWS_ERR_UNEXPECTED_REPLY'])
      })

      it('limits.maxPendingRequests: one more rejects with OPENWS_ERR_TOO_MANY_REQUESTS and sends nothing', async () => {
        const { a, api } = await setup({ limits: { maxPendingRequests: 2 } })
        const ps = [outcome(api.confirm({ q: '1' })), outcome(api.confirm({ q: '2' }))]
        expect(await outcome(api.confirm({ q: '3' }))).toEqual({ code: 'OPENWS_ERR_TOO_MANY_REQUESTS' })
        const frames = a.take()
        expect(frames.map((f) => (f.payload as { q: string }).q)).toEqual(['1', '2'])
        for (const f of frames) await a.reply(f.id!, { ok: true })
        expect(await Promise.all(ps)).toEqual([{ value: { ok: true } }, { value: { ok: true } }])
        // Settled requests free their places.
        const again = outcome(api.confirm({ q: '4' }))
        await a.reply(a.take()[0].id!, { ok: false })
        expect(await again).toEqual({ value: { ok: false } })
      })

      it('a reply or $error for an unknown or settled id is reported and dropped, never answered', async () => {
        const { a, api, errors } = await setup()
        await a.reply(12345, { ok: true })
        await a.sendRaw(
          JSON.stringify({
            fromRole: 'client',
            messageName: '$error',
            payload: { code: 'OPENWS_ERR_INTERNAL', message: 'x', id: 'zzz' },
            id: 'zzz',
          }),
        )
        const p = api.confirm({ q: '?' })
        const id = a.take()[0].id!
        await a.reply(id, { ok: true })
        await p
        await a.reply(id, { ok: true })
        expect(errors.map(codeOf)).toEqual(['OPENWS_ERR_UNEXPECTED_REPLY', 'OPENWS_ERR_UNEXPECTED_REPLY', 'OPENWS_ERR_UNEXPECTED_REPLY'])
        expect(a.frames).toEqual([])
      })

      it('a $reply without an id or claiming another role is refused like any bad frame', async () => {
        const { a } = await setup()
        await a.sendRaw(JSON.stringify({ fromRole: 'client', messageName: '$reply', payload: 1 }))
        expect((a.take()[0].payload as { code: string }).code).toBe('OPENWS_ERR_BAD_ENVELOPE')
        await a.sendRaw(JSON.stringify({ fromRole: 'server', messageName: '$reply', payload: 1, id: 1 }))
        expect(a.closed?.reason).toBe('OPENWS_ERR_ROLE_MISMATCH')
      })

      it('hostile reply frames never crash: bad ids are BAD_ENVELOPE, a __proto__ reply is just invalid', async () => {
        const { a, api, errors } = await setup()
        await a.sendRaw('{"fromRole":"client","messageName":"$reply","payload":{},"id":1.5}')
        await a.sendRaw(JSON.stringify({ fromRole: 'client', messageName: '$reply', payload: {}, id: 'x'.repeat(129) }))
        expect(a.take().map((f) => (f.payload as { code: string }).code)).toEqual(['OPENWS_ERR_BAD_ENVELOPE', 'OPENWS_ERR_BAD_ENVELOPE'])
        const p = outcome(api.confirm({ q: '?' }))
        const id = a.take()[0].id!
        await a.sendRaw(
          `{"fromRole":"client","messageName":"$reply","payload":{"ok":true,"__proto__":{"ok":false}},"id":${JSON.stringify(id)}}`,
        )
        expect(await p).toEqual({ code: 'OPENWS_ERR_REPLY_INVALID' })
        expect(errors).toEqual([])
        expect(a.closed).toBeUndefined()
      })

      it('bad request options reject with OPENWS_ERR_INVALID_OPTION and send nothing', async () => {
        const { a, api } = await setup()
        expect(await outcome(api.confirm({ q: '?' }, { timeoutMs: -1 }))).toEqual({ code: 'OPENWS_ERR_INVALID_OPTION' })
        expect(await outcome(api.confirm({ q: '?' }, 'soon'))).toEqual({ code: 'OPENWS_ERR_INVALID_OPTION' })
        expect(await outcome(api.confirm({ q: 1 }))).toEqual({ code: 'OPENWS_ERR_OUTBOUND_INVALID' })
        expect(a.take()).toEqual([])
      })
    })
  })
}
