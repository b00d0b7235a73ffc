// Session edge cases on a hand-built binder: state transitions, re-entrancy, hooks that fail.
import { describe, expect, it } from 'vitest'
import type { LifecycleHooks } from '../../src/runtime/contract/types'
import { runtime } from '../../src/runtime/session/index'
import { handBinder } from './fixtures/hand-binder'

function setup(hooks: LifecycleHooks = {}, routes: Parameters<typeof handBinder>[0] = {}) {
  const binder = handBinder(routes)
  ;(binder.lifecycle as Record<string, LifecycleHooks>).a = hooks
  const internal: unknown[] = []
  const rt = runtime(binder, { onInternalError: (e) => void internal.push(e) })
  const sent: unknown[][] = []
  const closes: unknown[][] = []
  const s = rt.newSession(
    (...args) => void sent.push(args),
    (...args) => void closes.push(args),
  )
  return { rt, s, sent, closes, internal }
}

describe('session', () => {
  it('moves new -> open -> closed, and open() after close resolves false', async () => {
    const { s } = setup()
    expect([s.state, s.role, s.peer]).toEqual(['new', undefined, undefined])
    expect(await s.open('a')).toBe(true)
    expect([s.state, s.role]).toEqual(['open', 'a'])
    expect(s.peer).toBeTypeOf('object')
    await s.close()
    expect(s.state).toBe('closed')
    expect(await s.open('a')).toBe(false)
    await expect(s.idle()).resolves.toBeUndefined()
  })

  it('queues a message a handler sends to its own session until the handler returns', async () => {
    const order: string[] = []
    const { s } = setup(
      {},
      {
        constructor: {
          a: (p: { n: number }) => {
            order.push(`start ${p.n}`)
            if (p.n === 1) void s.handleMessage('a', 'constructor', { n: 2 })
            order.push(`end ${p.n}`)
          },
        },
      },
    )
    await s.open('a')
    await s.handleMessage('a', 'constructor', { n: 1 })
    await s.idle()
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2'])
  })

  it('awaits an async close hook before close() resolves, and runs it once', async () => {
    let closes = 0
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const { s } = setup({ onClose: async () => (closes++, await gate) })
    await s.open('a')
    let done = false
    const p = s.close().then(() => (done = true))
    void s.close()
    await new Promise((r) => setTimeout(r, 5))
    expect(done).toBe(false)
    release()
    await p
    expect(closes).toBe(1)
  })

  it('sends failures of hooks themselves to onInternalError, never as unhandled rejections', async () => {
    const { s, internal } = setup(
      {
        onError: async () => {
          throw new Error('error hook failed')
        },
        onClose: () => {
          throw new Error('close hook failed')
        },
      },
      { constructor: { a: () => Promise.reject(new Error('handler failed')) } },
    )
    await s.open('a')
    await s.handleMessage('a', 'constructor', { n: 1 })
    await s.close()
    await new Promise((r) => setTimeout(r, 5))
    expect(internal.map((e) => (e as Error).message)).toEqual(['error hook failed', 'close hook failed'])
  })

  it('reports errors before open and without error hooks to onInternalError', () => {
    const { s, internal } = setup()
    s.error(new Error('early'))
    expect(internal).toEqual([new Error('early')])
  })

  it('calls disconnect once even when it throws, and still closes', async () => {
    const { rt, internal } = setup()
    let calls = 0
    const s = rt.newSession(
      () => {},
      () => {
        calls++
        throw new Error('socket already gone')
      },
    )
    await s.open('nobody')
    await s.handleMessage('a', 'x', {})
    expect(calls).toBe(1)
    expect(s.state).toBe('closed')
    expect(internal).toEqual([new Error('socket already gone')])
  })
})
