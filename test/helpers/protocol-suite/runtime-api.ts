// Protocol suite: runtime() options and createPeer.
import { describe, expect, it } from 'vitest'
import { disconnect, encodeEnvelope, runtime } from '../../../src/runtime/session/index'
import { newProbe } from './probe'
import type { SuiteContext } from './context'

export function runtimeApiTests({ setup, make, codes }: SuiteContext): void {
  describe('runtime', () => {
    it("rejects a session peer's promise for an invalid outbound payload instead of throwing", async () => {
      const { h, probe } = await setup()
      const a = h.connect('client')
      await a.opened
      const peer = probe.peers[0] as Record<string, (p: unknown) => Promise<void>>
      const seen: unknown[] = []
      await peer.echoed({ text: 1 }).catch((error: unknown) => seen.push(error))
      await peer.done({}).then(undefined, (error: unknown) => seen.push(error))
      expect(seen).toMatchObject([
        { code: 'OPENWS_ERR_OUTBOUND_INVALID', messageName: 'echoed' },
        { code: 'OPENWS_ERR_OUTBOUND_INVALID', messageName: 'done' },
      ])
      await peer.echoed({ text: 'ok' })
      expect(codes(a.frames)).toEqual(['echoed:{"text":"ok"}'])
    })

    it('uses a host instance passed in instead of constructing one', async () => {
      const probe = newProbe(disconnect)
      const binder = await make(probe)
      if (binder.hostClass === undefined) return // fluent: no host class
      const host = new binder.hostClass()
      expect(runtime(binder, { host }).host).toBe(host)
      expect(runtime(binder).host).not.toBe(host)
    })

    it('hands $error frames to onErrorFrame, never dispatching or answering them; without it they are bad envelopes', async () => {
      const seen: unknown[] = []
      const errorFrame = JSON.stringify({
        fromRole: 'client',
        messageName: '$error',
        payload: { code: 'OPENWS_ERR_INTERNAL', message: 'x', id: 3 },
      })
      const withHook = await setup({ onErrorFrame: (payload) => void seen.push(payload) })
      const a = withHook.h.connect('client')
      await a.sendRaw(errorFrame)
      expect(seen).toEqual([{ code: 'OPENWS_ERR_INTERNAL', message: 'x', id: 3 }])
      expect(a.frames).toEqual([])
      const { h } = await setup()
      const b = h.connect('client')
      await b.sendRaw(errorFrame)
      expect(codes(b.frames)).toEqual(['$error:OPENWS_ERR_BAD_ENVELOPE'])
    })

    it('createPeer gives a validated outbound API without a session', async () => {
      const probe = newProbe(disconnect)
      const rt = runtime(await make(probe))
      const sent: unknown[][] = []
      let closes = 0
      const peer = rt.createPeer(
        'client',
        (...args) => void sent.push(args),
        () => void closes++,
      ) as Record<string, (p: unknown) => Promise<void>>
      await peer.echoed({ text: 'x' })
      let caught: unknown
      const invalid = peer.echoed({ text: 1 }) // never throws: the promise rejects
      await invalid.catch((error: unknown) => (caught = error))
      expect(caught).toMatchObject({
        code: 'OPENWS_ERR_OUTBOUND_INVALID',
        messageName: 'echoed',
        issues: [expect.objectContaining({ path: '/text' })],
      })
      // The API also hands over the frame it wrote: the same JSON value encodeEnvelope gives.
      expect(sent.map((args) => args.slice(0, 3))).toEqual([['server', 'echoed', { text: 'x' }]])
      const [, , , id, frame] = sent[0]!
      expect(id).toBeUndefined()
      expect(JSON.parse(frame as string)).toEqual(JSON.parse(encodeEnvelope('server', 'echoed', { text: 'x' })))
      expect(disconnect(peer)).toBe(true)
      expect(disconnect(peer)).toBe(false)
      expect(closes).toBe(1)
      expect(() => rt.createPeer('server', () => {})).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_UNKNOWN_ROLE' }))
    })
  })
}
