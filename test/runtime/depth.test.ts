// Nesting limits on every inbound payload, whatever the schema, on the interpreted and the
// emitted (compiled) artifact alike.
import { describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { harness } from '../../src/runtime/harness/index'
import { HOST_MARK, type NetworkIR } from '../../src/runtime/ir/types'
import type { RuntimeOptions } from '../../src/runtime/session/types'
import { withEmittedArtifact } from './support/emitted'

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
      client: { messages: {} },
    },
  }
}

function make(compiled: boolean, emittedDepth?: number) {
  const seen: string[] = []
  const binder = bindings(network())
  for (const name of ['anyObject', 'anything', 'tree'] as const) binder.fromRoles.client.on(name, () => void seen.push(name))
  return { binder: compiled ? withEmittedArtifact(binder, emittedDepth) : binder, seen }
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
    const { binder, seen } = make(compiled, options?.limits?.maxDepth)
    const h = harness(binder, { onInternalError: () => {}, ...options })
    return { a: h.connect('client'), seen }
  }

  it('refuses a 10,000-deep value even where the schema does not look inside it', async () => {
    const { a, seen } = await setup()
    await a.sendRaw(deepFrame('anyObject', 10_000, 'x'))
    await a.sendRaw(deepFrame('anything', 100, 'y', 4))
    expect(a.frames.map((f) => f.payload)).toEqual([
      { code: 'OPENWS_ERR_INVALID_PAYLOAD', message: expect.any(String), messageName: 'anyObject', id: 'x', issues: [{ path: '/next'.repeat(64), code: 'depth', expected: 64 }] },
      { code: 'OPENWS_ERR_INVALID_PAYLOAD', message: expect.any(String), messageName: 'anything', id: 'y', issues: [{ path: '/0/0/0/0' + '/next'.repeat(60), code: 'depth', expected: 64 }] },
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

  it('follows limits.maxDepth', async () => {
    const { a, seen } = await setup({ limits: { maxDepth: 2 } })
    await a.send('anyObject', { a: { b: 1 } })
    await a.send('anyObject', { a: { b: {} } })
    expect(seen).toEqual(['anyObject'])
    expect(a.frames.map((f) => (f.payload as { issues: unknown }).issues)).toEqual([[{ path: '/a/b', code: 'depth', expected: 2 }]])
  })
})
