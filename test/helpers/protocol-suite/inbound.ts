// Protocol suite: Unknown messages, allow-lists, payload validation.
import { describe, expect, it } from 'vitest'
import type { SuiteContext } from './context'

export function inboundTests({ setup, codes }: SuiteContext): void {
  describe('inbound checks', () => {
    it('answers an unknown message with OPENWS_ERR_UNKNOWN_MESSAGE and stays open', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.send('nope', {}, 'req-1')
      await a.send('echo', { text: 'still here' })
      expect(a.frames[0]).toEqual({
        fromRole: 'server',
        messageName: '$error',
        payload: { code: 'OPENWS_ERR_UNKNOWN_MESSAGE', message: expect.any(String), messageName: 'nope', id: 'req-1' },
      })
      expect(codes(a.frames.slice(1))).toEqual(['echoed:{"text":"still here"}'])
      expect(a.closed).toBeUndefined()
      expect(probe.log).toEqual(['open:client', 'echo:still here'])
    })

    it('enforces the from allow-list: OPENWS_ERR_SENDER_NOT_ALLOWED', async () => {
      const { h, probe } = await setup()
      const client = h.connect('client')
      const admin = h.connect('admin')
      await client.send('stats', {}, 1)
      await admin.send('echo', { text: 'x' }, 2)
      await admin.send('stats', {})
      expect(client.frames.map((f) => f.payload)).toEqual([
        { code: 'OPENWS_ERR_SENDER_NOT_ALLOWED', message: expect.any(String), messageName: 'stats', id: 1 },
      ])
      expect(codes(admin.frames)).toEqual(['$error:OPENWS_ERR_SENDER_NOT_ALLOWED', 'done:{"tag":"stats"}'])
      expect(probe.log).toEqual(['open:client', 'open:admin'])
    })

    it('lets every remote role send a message without a from list', async () => {
      const { h } = await setup()
      const client = h.connect('client')
      const admin = h.connect('admin')
      await client.send('ping', {})
      await admin.send('ping', {})
      expect(codes(client.frames)).toEqual(['done:{"tag":"pong"}'])
      expect(codes(admin.frames)).toEqual(['done:{"tag":"pong"}'])
    })

    it('answers an invalid payload with OPENWS_ERR_INVALID_PAYLOAD and its issues; the handler never runs', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.send('echo', { text: 1 }, 9)
      await a.send('echo', { text: 'x', extra: true })
      await a.send('echo', null)
      const [first, second, third] = a.frames.map(
        (f) => f.payload as { code: string; issues: { path: string; code: string }[]; id?: unknown },
      )
      expect(first).toMatchObject({ code: 'OPENWS_ERR_INVALID_PAYLOAD', messageName: 'echo', id: 9 })
      expect(first.issues).toEqual([expect.objectContaining({ path: '/text', code: 'type' })])
      expect(second.code).toBe('OPENWS_ERR_INVALID_PAYLOAD')
      expect(second.issues.length).toBeGreaterThan(0)
      expect(third.issues).toEqual([expect.objectContaining({ path: '', code: 'type' })])
      expect(probe.log).toEqual(['open:client'])
    })

    it('reports at most limits.maxIssues issues', async () => {
      const { h } = await setup({ limits: { maxIssues: 1 } })
      const a = h.connect('client')
      await a.send('echo', { a: 1, b: 2, c: 3 })
      expect((a.frames[0].payload as { issues: unknown[] }).issues).toHaveLength(1)
    })
  })
}
