// Protocol suite: Handler failures, outbound validation, ordering and the queue.
import { describe, expect, it } from 'vitest'
import type { SuiteContext } from './context'

export function handlerTests({ setup, codes }: SuiteContext): void {
  describe('handlers', () => {
    it('answers a throwing handler with OPENWS_ERR_HANDLER_FAILED, reports it, hides the text', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.send('boom', {}, 'b1')
      await a.send('boomAsync', {}, 'b2')
      await a.send('echo', { text: 'alive' })
      expect(a.frames.slice(0, 2).map((f) => f.payload)).toEqual([
        { code: 'OPENWS_ERR_HANDLER_FAILED', message: 'the handler threw', messageName: 'boom', id: 'b1' },
        { code: 'OPENWS_ERR_HANDLER_FAILED', message: 'the handler threw', messageName: 'boomAsync', id: 'b2' },
      ])
      expect(JSON.stringify(a.frames)).not.toContain('secret')
      expect(codes(a.frames.slice(2))).toEqual(['echoed:{"text":"alive"}'])
      expect(probe.log).toEqual([
        'open:client',
        'error:client:OPENWS_ERR_HANDLER_FAILED',
        'error:client:OPENWS_ERR_HANDLER_FAILED',
        'echo:alive',
      ])
      expect((probe.errors[0] as Error).cause).toEqual(new Error('secret detail'))
      expect((probe.errors[1] as Error).cause).toEqual(new Error('secret async detail'))
    })

    it('puts the exception text into the $error frame when exposeErrors is set', async () => {
      const { h } = await setup({ exposeErrors: true })
      const a = h.connect('client')
      await a.send('boom', {})
      expect((a.frames[0].payload as { message: string }).message).toContain('secret detail')
    })

    it('throws OPENWS_ERR_OUTBOUND_INVALID with issues to the caller of an invalid outbound payload, sending nothing', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.send('badReply', {})
      expect(probe.outbound).toHaveLength(1)
      expect(probe.outbound[0]).toMatchObject({ code: 'OPENWS_ERR_OUTBOUND_INVALID', messageName: 'echoed' })
      expect((probe.outbound[0] as { issues: unknown[] }).issues).toEqual([expect.objectContaining({ path: '/text', code: 'type' })])
      expect(codes(a.frames)).toEqual(['done:{"tag":"after-bad"}'])
    })

    it('handles the messages of one session in order: a slow handler is never overtaken', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.opened
      const raw = (messageName: string, tag: string) =>
        a.session.receive(JSON.stringify({ fromRole: 'client', messageName, payload: { tag } }))
      raw('slow', 'A')
      raw('fast', 'B')
      raw('slow', 'C')
      raw('fast', 'D')
      await new Promise((r) => setTimeout(r, 5))
      expect(probe.log).toEqual(['open:client', 'slow:start:A'])
      probe.release('A')
      await new Promise((r) => setTimeout(r, 5))
      expect(probe.log).toEqual(['open:client', 'slow:start:A', 'slow:end:A', 'fast:B', 'slow:start:C'])
      probe.release('C')
      await h.idle()
      expect(codes(a.frames)).toEqual(['A', 'B', 'C', 'D'].map((t) => `done:{"tag":"${t}"}`))
    })

    it('keeps sessions independent: a slow handler on one does not delay another', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      const b = h.connect('client')
      await Promise.all([a.opened, b.opened])
      void a.session.handleMessage('client', 'slow', { tag: 'A' })
      await b.session.handleMessage('client', 'fast', { tag: 'B' })
      expect(probe.log).toEqual(['open:client', 'open:client', 'slow:start:A', 'fast:B'])
      probe.release('A')
      await h.idle()
    })

    it('closes with OPENWS_ERR_QUEUE_FULL (1008) when more than maxQueuedMessages wait', async () => {
      const { h, probe } = await setup({ limits: { maxQueuedMessages: 2 } })
      const a = h.connect('client')
      await a.opened
      const s = a.session
      void s.handleMessage('client', 'slow', { tag: 'A' })
      void s.handleMessage('client', 'fast', { tag: 'B' })
      void s.handleMessage('client', 'fast', { tag: 'C' })
      expect(a.closed).toBeUndefined()
      void s.handleMessage('client', 'fast', { tag: 'D' })
      expect(a.closed).toEqual({ code: 1008, reason: 'OPENWS_ERR_QUEUE_FULL' })
      probe.release('A')
      await h.idle()
      expect(probe.log).toEqual(['open:client', 'slow:start:A', 'slow:end:A', 'close:client'])
      expect(codes(a.frames)).toEqual(['$error:OPENWS_ERR_QUEUE_FULL'])
    })

    it('resolves handleMessage only once the handler finished', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.opened
      let done = false
      const p = a.session.handleMessage('client', 'slow', { tag: 'A' }).then(() => (done = true))
      const q = a.session.handleMessage('client', 'fast', { tag: 'B' })
      await new Promise((r) => setTimeout(r, 5))
      expect(done).toBe(false)
      probe.release('A')
      await Promise.all([p, q])
      expect(probe.log.slice(-2)).toEqual(['slow:end:A', 'fast:B'])
    })
  })
}
