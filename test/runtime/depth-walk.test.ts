// The session's depth walk (tooDeepAt) runs only for messages whose schema does not bound nesting
// within limits.maxDepth (Validator.depthBound); bounded ones rely on their validator. Counted with
// a spy, on the interpreted and the emitted artifact alike.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { harness } from '../../src/runtime/harness/index'
import { HOST_MARK, type NetworkIR } from '../../src/runtime/ir/types'
import type { RuntimeOptions } from '../../src/runtime/session/types'
import { tooDeepAt } from '../../src/runtime/validate/depth'
import { withEmittedArtifact } from '../../bench/support/emitted'

vi.mock('../../src/runtime/validate/depth', async (original) => {
  const real = await original<typeof import('../../src/runtime/validate/depth')>()
  return { ...real, tooDeepAt: vi.fn(real.tooDeepAt) }
})
const walk = vi.mocked(tooDeepAt)

const closed = {
  type: 'object',
  properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'integer' } } },
  required: ['a'],
  additionalProperties: false,
}

function network(): NetworkIR {
  return {
    name: 'walk',
    roles: {
      server: {
        [HOST_MARK]: true,
        messages: {
          open: { payload: { type: 'object', properties: { a: { type: 'string' } } }, from: ['client'] },
          bounded: { payload: closed, from: ['client'] },
        },
      },
      client: { messages: {} },
    },
  }
}

/** `{a: {a: ... {}}}` with `n` objects below the root. */
function deep(n: number): unknown {
  let v: Record<string, unknown> = {}
  for (let i = 0; i < n; i++) v = { a: v }
  return v
}

describe.each([
  ['interpreted', false],
  ['emitted artifact', true],
])('the depth walk (%s)', (_label, compiled) => {
  function setup(options?: RuntimeOptions) {
    const seen: unknown[] = []
    const binder = bindings(network())
    binder.fromRoles.client.on('open', (p) => void seen.push(p))
    binder.fromRoles.client.on('bounded', (p) => void seen.push(p))
    const h = harness(compiled ? withEmittedArtifact(binder) : binder, { onInternalError: () => {}, ...options })
    return { a: h.connect('client'), seen }
  }
  beforeEach(() => walk.mockClear())

  it('walks a payload of an open slot and still refuses it when too deep', async () => {
    const { a, seen } = setup()
    await a.send('open', { a: 'x', extra: deep(3) })
    expect(walk).toHaveBeenCalledTimes(1)
    await a.send('open', { a: 'x', extra: deep(100) })
    expect(walk).toHaveBeenCalledTimes(2)
    expect(seen).toEqual([{ a: 'x', extra: deep(3) }])
    expect(a.frames.map((f) => (f.payload as { issues: unknown }).issues)).toEqual([
      [{ path: '/extra' + '/a'.repeat(63), code: 'depth', expected: 64 }],
    ])
  })

  it('skips the walk for a bounded slot, whose validator refuses deep payloads itself', async () => {
    const { a, seen } = setup()
    await a.send('bounded', { a: 'x', b: [1, 2] })
    await a.send('bounded', { a: deep(100) })
    await a.send('bounded', { a: 'x', b: [[[[1]]]] })
    expect(walk).not.toHaveBeenCalled()
    expect(seen).toEqual([{ a: 'x', b: [1, 2] }])
    expect(a.frames.map((f) => (f.payload as { issues: unknown }).issues)).toEqual([
      [{ path: '/a', code: 'type', expected: 'string', received: 'object' }],
      [{ path: '/b/0', code: 'type', expected: 'integer', received: 'array' }],
    ])
  })

  it('walks a bounded slot whose bound is above limits.maxDepth', async () => {
    const { a, seen } = setup({ limits: { maxDepth: 1 } })
    await a.send('bounded', { a: 'x', b: [1] })
    expect(walk).toHaveBeenCalledTimes(1)
    expect(seen).toEqual([])
    expect(a.frames.map((f) => (f.payload as { issues: unknown }).issues)).toEqual([[{ path: '/b', code: 'depth', expected: 1 }]])
  })
})
