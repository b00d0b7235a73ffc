// Nesting limits on every inbound payload, whatever the schema, on the interpreted and the
// emitted (compiled) artifact alike.
import { describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { harness } from '../../src/runtime/harness/index'
import { HOST_MARK, type NetworkIR } from '../../src/runtime/ir/types'
import { runtime } from '../../src/runtime/session/index'
import type { RuntimeOptions } from '../../src/runtime/session/types'
import { emittedSource, evaluateEmitted, withEmittedArtifact } from '../../bench/support/emitted'
import { artifactOf } from '../../src/runtime/contract/compiled'
import { FORMAT_CHECKS } from '../../src/runtime/validate/formats'
import { EXTRA_HELPERS } from '../../src/runtime/validate/helpers'

function network(): NetworkIR {
  return {
    name: 'depth',
    roles: {
      server: {
        [HOST_MARK]: true,
        messages: {
          anyObject: { payload: { type: 'object' }, from: ['client'] },
          anything: { payload: {}, from: ['client'] },
          tree: {
            payload: { $ref: '#/$defs/node', $defs: { node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } } } } },
            from: ['client'],
          },
        },
      },
      client: { messages: { anyObject: { payload: { type: 'object' } } } },
    },
  }
}

function make(compiled: boolean) {
  const seen: string[] = []
  const binder = bindings(network())
  for (const name of ['anyObject', 'anything', 'tree'] as const) binder.fromRoles.client.on(name, () => void seen.push(name))
  return { binder: compiled ? withEmittedArtifact(binder) : binder, seen }
}

/** The frame text of `{next: ... }` `n` levels deep (JSON.stringify would overflow the stack). */
function deepFrame(messageName: string, n: number, id: string, wrap = 0): string {
  const value = '['.repeat(wrap) + '{"next":'.repeat(n) + '{}' + '}'.repeat(n) + ']'.repeat(wrap)
  return `{"fromRole":"client","messageName":"${messageName}","payload":${value},"id":"${id}"}`
}

/** `{next: {next: ... {}}}` with `n` objects below the root. */
function deep(n: number): unknown {
  let v: Record<string, unknown> = {}
  for (let i = 0; i < n; i++) v = { next: v }
  return v
}

const PATHS: [string, boolean][] = [
  ['interpreted', false],
  ['emitted artifact', true],
]

describe.each(PATHS)('limits.maxDepth on every inbound payload (%s)', (_label, compiled) => {
  async function setup(options?: RuntimeOptions) {
    const { binder, seen } = make(compiled)
    const h = harness(binder, { onInternalError: () => {}, ...options })
    return { a: h.connect('client'), seen, h }
  }

  it('refuses a 10,000-deep value even where the schema does not look inside it', async () => {
    const { a, seen } = await setup()
    await a.sendRaw(deepFrame('anyObject', 10_000, 'x'))
    await a.sendRaw(deepFrame('anything', 100, 'y', 4))
    expect(a.frames.map((f) => f.payload)).toEqual([
      {
        code: 'OPENWS_ERR_INVALID_PAYLOAD',
        message: expect.any(String),
        messageName: 'anyObject',
        id: 'x',
        issues: [{ path: '/next'.repeat(64), code: 'depth', expected: 64 }],
      },
      {
        code: 'OPENWS_ERR_INVALID_PAYLOAD',
        message: expect.any(String),
        messageName: 'anything',
        id: 'y',
        issues: [{ path: '/0/0/0/0' + '/next'.repeat(60), code: 'depth', expected: 64 }],
      },
    ])
    expect(seen).toEqual([])
  })

  it('accepts values up to the limit: containers on levels 0 to maxDepth - 1', async () => {
    const { a, seen } = await setup()
    await a.send('anyObject', deep(63))
    await a.send('tree', deep(63))
    expect(a.frames).toEqual([])
    expect(seen).toEqual(['anyObject', 'tree'])
  })

  it('takes limits.maxDepth from the runtime (compiled validators are generated for 64)', async () => {
    const { h } = await setup({ limits: { maxDepth: 5 } })
    expect(h.runtime.limits.maxDepth).toBe(5)
  })

  it('applies limits.maxDepth to outbound payloads, deciding alike on both paths', async () => {
    const { binder } = make(compiled)
    for (const limit of [2, 64]) {
      const rt = runtime(binder, { limits: { maxDepth: limit }, onInternalError: () => {} })
      const peer = rt.createPeer('client', () => {}) as Record<string, (p: unknown) => Promise<void>>
      const outcome = (p: unknown) =>
        peer.anyObject(p).then(
          () => 'sent',
          (e: { issues: unknown }) => e.issues,
        )
      expect(await outcome({ a: { b: 1 } })).toBe('sent')
      expect(await outcome({ a: { b: {} } })).toEqual(limit === 2 ? [{ path: '/a/b', code: 'depth', expected: 2 }] : 'sent')
      expect(await outcome(deep(63))).toEqual(limit === 2 ? [{ path: '/next/next', code: 'depth', expected: 2 }] : 'sent')
    }
  })

  it('follows limits.maxDepth', async () => {
    const { a, seen } = await setup({ limits: { maxDepth: 2 } })
    await a.send('anyObject', { a: { b: 1 } })
    await a.send('anyObject', { a: { b: {} } })
    expect(seen).toEqual(['anyObject'])
    expect(a.frames.map((f) => (f.payload as { issues: unknown }).issues)).toEqual([[{ path: '/a/b', code: 'depth', expected: 2 }]])
  })
})

describe('compiled artifacts and limits.maxDepth above their depth', () => {
  it('uses withDepth when the generated code takes the depth from h.maxDepth (what the emitter should emit)', async () => {
    const { binder, seen } = make(false)
    // Stands in for an emitter whose validators read `h.maxDepth`: regenerates for the depth asked.
    const factory = (h: { maxDepth?: number }) => {
      const maxDepth = h.maxDepth ?? 64
      return evaluateEmitted(emittedSource(binder.network, binder.hostRole, maxDepth))(h as never)
    }
    binder.compiled = artifactOf(factory as never, FORMAT_CHECKS, EXTRA_HELPERS)
    const h = harness(binder, { limits: { maxDepth: 100 }, onInternalError: () => {} })
    expect(h.runtime.artifact.maxDepth).toBe(100)
    const a = h.connect('client')
    await a.send('tree', deep(99))
    expect(a.frames).toEqual([])
    expect(seen).toEqual(['tree'])
    // Output that ignores h.maxDepth (an artifact without withDepth) is refused above its depth, with a clear error.
    const fixed = withEmittedArtifact(make(false).binder)
    fixed.compiled = { ...fixed.compiled! } // withDepth is not enumerable: left out
    expect(() => runtime(fixed, { limits: { maxDepth: 100 } })).toThrow(/above the depth the compiled validators descend to \(64\)/)
  })

  it('the emitted artifact takes any limits.maxDepth: generated validators read h.maxDepth', async () => {
    for (const limit of [1, 2, 64, 65, 100, 1000]) {
      const { binder, seen } = make(true)
      const h = harness(binder, { limits: { maxDepth: limit }, onInternalError: () => {} })
      expect(h.runtime.artifact.maxDepth).toBe(Math.max(limit, 64))
      const a = h.connect('client')
      await a.send('tree', deep(limit - 1))
      await a.send('tree', deep(limit))
      expect(seen).toEqual(['tree'])
      expect(a.frames.map((f) => (f.payload as { issues: unknown }).issues)).toEqual([
        [{ path: '/next'.repeat(limit), code: 'depth', expected: limit }],
      ])
      const peer = h.runtime.createPeer('client', () => {}) as Record<string, (p: unknown) => Promise<void>>
      const outcome = (p: unknown) =>
        peer.anyObject(p).then(
          () => 'sent',
          (e: { issues: unknown }) => e.issues,
        )
      expect(await outcome(deep(limit - 1))).toBe('sent')
      // Below the artifact's depth the outbound method checks the nesting itself (depthLimit).
      if (limit < 64) expect(await outcome(deep(limit))).toEqual([{ path: '/next'.repeat(limit), code: 'depth', expected: limit }])
    }
  })
})
