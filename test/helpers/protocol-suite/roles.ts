// Protocol suite: The remote role: fixed by open(), never switched.
import { describe, expect, it } from 'vitest'
import type { SuiteContext } from './context'

export function roleTests({ setup, codes }: SuiteContext): void {
  describe('roles', () => {
    it('rejects a frame claiming another role: OPENWS_ERR_ROLE_MISMATCH, close 1008, never dispatched', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.sendAs('admin', 'stats', {})
      expect(codes(a.frames)).toEqual(['$error:OPENWS_ERR_ROLE_MISMATCH'])
      expect(a.closed).toEqual({ code: 1008, reason: 'OPENWS_ERR_ROLE_MISMATCH' })
      expect(probe.log).toEqual(['open:client', 'close:client'])
    })

    it('rejects a role switch through handleMessage too', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.opened
      await a.session.handleMessage('admin', 'ping', {})
      expect(codes(a.frames)).toEqual(['$error:OPENWS_ERR_ROLE_MISMATCH'])
      expect(a.closed?.code).toBe(1008)
      expect(probe.log).toEqual(['open:client', 'close:client'])
    })

    it('refuses unknown roles and the host role at open(): OPENWS_ERR_UNKNOWN_ROLE, close 1008', async () => {
      const { h, probe } = await setup()
      for (const role of ['nobody', 'server', '__proto__', 'constructor']) {
        const a = h.connect(role)
        expect(await a.opened).toBe(false)
        expect(codes(a.frames)).toEqual(['$error:OPENWS_ERR_UNKNOWN_ROLE'])
        expect(a.closed).toEqual({ code: 1008, reason: 'OPENWS_ERR_UNKNOWN_ROLE' })
      }
      expect(probe.log).toEqual([])
    })

    it('refuses frames before open(): OPENWS_ERR_NOT_OPEN, close 1008', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client', { open: false })
      await a.send('echo', { text: 'x' })
      expect(codes(a.frames)).toEqual(['$error:OPENWS_ERR_NOT_OPEN'])
      expect(a.closed?.code).toBe(1008)
      expect(probe.log).toEqual([])
    })

    it('rejects open() twice with OPENWS_ERR_ALREADY_OPEN', async () => {
      const { h } = await setup()
      const a = h.connect('client')
      await a.opened
      await expect(a.session.open('admin')).rejects.toMatchObject({ code: 'OPENWS_ERR_ALREADY_OPEN' })
      expect(a.session.role).toBe('client')
    })

    it('takes the role from the first frame only when roleFromFirstFrame is set', async () => {
      const { h, probe } = await setup({ roleFromFirstFrame: true })
      const a = h.connect('admin', { open: false })
      await a.send('stats', {})
      await a.sendAs('client', 'echo', { text: 'spoof' })
      expect(codes(a.frames)).toEqual(['done:{"tag":"stats"}', '$error:OPENWS_ERR_ROLE_MISMATCH'])
      expect(probe.log).toEqual(['open:admin', 'close:admin'])
    })
  })
}
