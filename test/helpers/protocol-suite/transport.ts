// Protocol suite: Transport failures and the sender role of outbound frames.
import { describe, expect, it } from 'vitest'
import { disconnect, runtime } from '../../../src/runtime/session/index'
import { codeOf, newProbe } from './probe'
import type { SuiteContext } from './context'

export function transportTests({ setup, make }: SuiteContext): void {
  describe('transport failures', () => {
    it('reports a throwing or rejecting send as OPENWS_ERR_SEND_FAILED, never crashing', async () => {
      for (const mode of ['throw', 'reject'] as const) {
        const probe = newProbe(disconnect)
        const rt = runtime(await make(probe), { onInternalError: () => {} })
        const s = rt.newSession(() => {
          if (mode === 'throw') throw new Error('socket gone')
          return Promise.reject(new Error('socket gone'))
        })
        await s.open('client')
        await s.handleMessage('client', 'echo', { text: 'x' })
        await s.idle()
        await new Promise((r) => setTimeout(r, 1))
        expect(probe.log).toEqual(['open:client', 'echo:x', 'error:client:OPENWS_ERR_SEND_FAILED'])
        expect(codeOf(probe.errors[0])).toBe('OPENWS_ERR_SEND_FAILED')
      }
    })

    it('sends with the host role as fromRole', async () => {
      const { h } = await setup()
      const a = h.connect('admin')
      await a.send('stats', {})
      await a.send('nope', {})
      expect(a.frames.map((f) => f.fromRole)).toEqual(['server', 'server'])
    })
  })
}
