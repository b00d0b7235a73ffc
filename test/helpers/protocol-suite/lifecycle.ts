// Protocol suite: Lifecycle hooks, their order, close and disconnect.
import { describe, expect, it } from 'vitest'
import { disconnect } from '../../../src/runtime/session/index'
import type { SuiteContext } from './context'

export function lifecycleTests({ setup }: SuiteContext): void {
  describe('lifecycle', () => {
    it('fires open at open(), before any message, and close once after the last handler', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      expect(await a.opened).toBe(true)
      expect(probe.log).toEqual(['open:client'])
      await a.send('echo', { text: 'hi' })
      await a.close()
      await a.close()
      expect(probe.log).toEqual(['open:client', 'echo:hi', 'close:client'])
    })

    it('makes messages wait while handleOpen runs', async () => {
      const { h, probe } = await setup()
      let release!: () => void
      probe.openGate = new Promise((r) => (release = r))
      const a = h.connect('client')
      a.session.handleMessage('client', 'echo', { text: 'early' })
      await new Promise((r) => setTimeout(r, 5))
      expect(probe.log).toEqual([])
      release()
      await h.idle()
      expect(probe.log).toEqual(['open:client', 'echo:early'])
    })

    it('gives handleOpen and every handler the same peer object', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.send('echo', { text: '1' })
      await a.send('echo', { text: '2' })
      expect(probe.peers).toHaveLength(3)
      expect(new Set(probe.peers).size).toBe(1)
      expect(probe.peers[0]).toBe(a.session.peer)
    })

    it('fires no hooks for a session that never opened', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client', { open: false })
      await a.close()
      a.session.error(new Error('x'))
      expect(probe.log).toEqual([])
    })

    it('closes on disconnect(peer) exactly once however often it is called', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.send('bye', {})
      expect(probe.log).toEqual(['open:client', 'bye:true:false', 'close:client'])
      expect(a.closed).toEqual({ code: 4000, reason: 'bye' })
      expect(disconnect(a.session.peer!)).toBe(false)
      await a.send('echo', { text: 'after' })
      expect(probe.log).not.toContain('echo:after')
      expect(a.frames).toEqual([])
    })

    it('drops waiting messages on close, lets the running handler finish, then fires close', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.opened
      a.session.receive(JSON.stringify({ fromRole: 'client', messageName: 'slow', payload: { tag: 'A' } }))
      a.session.receive(JSON.stringify({ fromRole: 'client', messageName: 'fast', payload: { tag: 'B' } }))
      const closed = a.session.close()
      expect(probe.log).toEqual(['open:client', 'slow:start:A'])
      probe.release('A')
      await closed
      expect(probe.log).toEqual(['open:client', 'slow:start:A', 'slow:end:A', 'close:client'])
      expect(a.frames).toEqual([]) // sends to a closed peer are dropped
    })

    it('reports transport errors given to session.error() to the error hook', async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.opened
      a.session.error(Object.assign(new Error('econnreset'), { code: 'ECONNRESET' }))
      expect(probe.log).toEqual(['open:client', 'error:client:ECONNRESET'])
    })
  })
}
