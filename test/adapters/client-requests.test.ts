// The client's request table (adapters/client/requests.ts) against the shared one it replaces in
// browser bundles (session/requests.ts): the same calls on fake timers, with the wall clock stepped
// both ways, must settle the same requests the same way, in the same order.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { clientRequests } from '../../src/runtime/adapters/client/requests'
import { PendingRequests } from '../../src/runtime/session/requests'
import { DEFAULT_LIMITS, type Limits } from '../../src/runtime/limits'
import type { Validator } from '../../src/runtime/validate/types'

const isOk = (v: any) => typeof v === 'object' && v !== null && typeof v.ok === 'boolean'
const reply: Validator = {
  is: isOk,
  explain: (v) => (isOk(v) ? [] : [{ path: '/ok', code: 'type', expected: 'boolean', received: typeof (v as any)?.ok }]),
}

type Table = Pick<PendingRequests, 'start' | 'reply' | 'fail' | 'failed' | 'rejectAll'>
const where = () => ({ network: 'calc', role: 'server' })
const TABLES: [string, (limits: Limits) => Table][] = [
  ['shared', (limits) => new PendingRequests(limits, where, () => {})],
  ['client', (limits) => clientRequests(limits, where)],
]

afterEach(() => vi.useRealTimers())

/** Runs one script of calls on a table; returns every outcome, in the order they settled. */
async function script(make: (limits: Limits) => Table) {
  vi.useFakeTimers()
  const table = make({ ...DEFAULT_LIMITS, requestTimeoutMs: 40, maxPendingRequests: 7, maxDepth: 2 })
  const log: unknown[] = []
  const ids: number[] = []
  const start = (label: string, options?: unknown) =>
    table
      .start(label, reply, options, (id) => {
        ids.push(id)
        return `frame ${label}`
      })
      .then(
        (value) => log.push([label, 'value', value]),
        (e) => log.push([label, e.code, e.message, e.issues, e.id === undefined ? undefined : ids.indexOf(e.id)]),
      )
  const done: Promise<unknown>[] = []
  for (const options of [null, 5, { timeoutMs: -1 }, { timeoutMs: 1.5 }, { timeoutMs: 2 ** 31 }, { signal: {} }]) {
    done.push(start(`bad ${JSON.stringify(options)}`, options))
  }
  const aborted = new AbortController()
  aborted.abort()
  done.push(start('aborted', { signal: aborted.signal }))
  const cancel = new AbortController()
  done.push(start('30', { timeoutMs: 30 }), start('10', { timeoutMs: 10 }), start('20', { timeoutMs: 20 }))
  done.push(start('abort', { timeoutMs: 15, signal: cancel.signal }), start('0', { timeoutMs: 0 }), start('40'))
  done.push(start('deep'), start('over the limit'))
  await vi.advanceTimersByTimeAsync(5)
  log.push(['reply 20', table.reply(ids[2]!, { ok: true })])
  log.push(['reply deep', table.reply(ids[6]!, { ok: { a: { b: 1 } } })])
  cancel.abort()
  log.push(['reply unknown', table.reply(-1, { ok: true })])
  vi.setSystemTime(Date.now() + 3_600_000)
  await vi.advanceTimersByTimeAsync(5)
  log.push(['after 10'])
  vi.setSystemTime(Date.now() - 86_400_000)
  await vi.advanceTimersByTimeAsync(20)
  log.push(['after 30'])
  done.push(start('sooner', { timeoutMs: 2 }), start('invalid'), start('refused'), start('unknown code'), start('send failed'))
  log.push(['reply invalid', table.reply(ids[8]!, { ok: 'yes' })])
  log.push(['fail', table.fail({ code: 'OPENWS_ERR_HANDLER_FAILED', message: 'no', id: ids[9]!, issues: [] })])
  log.push(['fail unknown code', table.fail({ code: 'NOPE', message: 'odd', id: ids[10]! })])
  log.push(['fail without id', table.fail({ code: 'OPENWS_ERR_HANDLER_FAILED', message: 'no' })])
  table.failed(ids[11]!, 'OPENWS_ERR_SEND_FAILED', 'not sent')
  await vi.advanceTimersByTimeAsync(2)
  log.push(['after 32'])
  await vi.advanceTimersByTimeAsync(10_000)
  // Every way a request ends stops listening to its signal; rejectAll leaves no timer behind.
  let listening = 0
  const signal = () => ({ aborted: false, addEventListener: () => listening++, removeEventListener: () => listening-- })
  done.push(start('replied', { signal: signal() }), start('refused again', { signal: signal() }), start('not sent', { signal: signal() }))
  done.push(start('times out', { signal: signal(), timeoutMs: 1 }), start('long', { signal: signal(), timeoutMs: 100_000 }))
  table.reply(ids[12]!, { ok: true })
  table.fail({ code: 'OPENWS_ERR_HANDLER_FAILED', message: 'no', id: ids[13]! })
  table.failed(ids[14]!, 'OPENWS_ERR_SEND_FAILED', 'not sent')
  await vi.advanceTimersByTimeAsync(1)
  log.push(['listening', listening])
  log.push(['pending frames', table.rejectAll('gone')])
  log.push(['timers after rejectAll', vi.getTimerCount(), 'listening', listening])
  log.push(['again', table.rejectAll()])
  await Promise.all(done)
  log.push(['timers', vi.getTimerCount()])
  return log
}

describe('the client request table', () => {
  it('settles every request as the shared table does, in the same order', async () => {
    const [shared, client] = [await script(TABLES[0]![1]), await script(TABLES[1]![1])]
    expect(client).toEqual(shared)
    const labels = client.map((e: any) => `${e[0]}:${e[1] ?? ''}`)
    // Deadline order on the monotonic clock, whatever the wall clock does.
    expect(labels.indexOf('10:OPENWS_ERR_REQUEST_TIMEOUT')).toBeLessThan(labels.indexOf('after 10:'))
    expect(labels.indexOf('30:OPENWS_ERR_REQUEST_TIMEOUT')).toBeGreaterThan(labels.indexOf('after 10:'))
    expect(labels.indexOf('30:OPENWS_ERR_REQUEST_TIMEOUT')).toBeLessThan(labels.indexOf('after 30:'))
    expect(labels).toContain('sooner:OPENWS_ERR_REQUEST_TIMEOUT')
    expect(labels).toContain('over the limit:OPENWS_ERR_TOO_MANY_REQUESTS')
    expect(labels).toContain('deep:OPENWS_ERR_REPLY_INVALID')
    expect(labels).toContain('unknown code:OPENWS_ERR_INTERNAL')
    expect(client).toContainEqual([
      '0',
      'OPENWS_ERR_DISCONNECTED',
      'network "calc", role "server", message "0": gone',
      undefined,
      undefined,
    ])
    expect(client).toContainEqual(['timers', 0])
    expect(client).toContainEqual(['listening', 1])
    expect(client).toContainEqual(['timers after rejectAll', 0, 'listening', 0])
  })
})
