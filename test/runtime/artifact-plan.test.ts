// The artifact plan (src/runtime/artifact/plan.ts): the one place that decides slots, the sender x
// slot allow-matrix, what the host may send to whom and which schemas get validators and encoders.
// The generator and the interpreter both read it; the constants they spell come from one module.
import { describe, expect, it } from 'vitest'
import { mayFrom, planArtifact } from '../../src/runtime/artifact/plan'
import { ARTIFACT_KIND, ARTIFACT_VERSION, PEER_SINK, PEER_SINK_KEY, type PeerSink } from '../../src/runtime/artifact/types'
import { interpretArtifact } from '../../src/runtime/artifact/interpreted'
import { generateArtifact } from '../../src/runtime/codegen/artifact'
import type { NetworkIR } from '../../src/runtime/ir/types'
import { loadArtifact } from '../../bench/support/emitted'

const str = { type: 'string' }
const obj = { type: 'object', properties: { id: { type: 'string' } } }

const network: NetworkIR = {
  name: 'plan',
  roles: {
    host: {
      'x-openws-host': true,
      messages: {
        a: { payload: str, from: ['c'] },
        b: { payload: { type: 'string' } }, // equal JSON to `a`: one schema
        c: { payload: obj, from: ['d'] },
      },
    },
    c: { messages: { x: { payload: obj }, y: { payload: { type: 'number' }, from: ['d'] } } },
    d: { messages: { z: { payload: str, from: ['host'] } } },
  },
}

describe('planArtifact', () => {
  it('numbers slots, schemas by JSON text in order of first use, and the allow-matrix', () => {
    const plan = planArtifact(network, 'host')
    expect(plan.remoteRoles).toEqual(['c', 'd'])
    expect(plan.slots).toEqual([
      { name: 'a', schema: 0 },
      { name: 'b', schema: 0 },
      { name: 'c', schema: 1 },
    ])
    expect(plan.schemas).toEqual([str, obj])
    expect(plan.allowed).toEqual([
      [true, true, false],
      [false, true, true],
    ])
  })

  it('lists per remote role only what the host may send, and the schemas to encode', () => {
    const plan = planArtifact(network, 'host')
    expect(plan.outbound).toEqual([
      { role: 'c', messages: [{ name: 'x', schema: 1 }] },
      { role: 'd', messages: [{ name: 'z', schema: 0 }] },
    ])
    expect(plan.encoded).toEqual([1, 0])
  })

  it('refuses a host role the network lacks, with a stable code', () => {
    expect(() => planArtifact(network, 'nobody')).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_NO_HOST_ROLE' }))
    expect(() => planArtifact(network, '__proto__')).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_NO_HOST_ROLE' }))
  })

  it('mayFrom: no list admits everyone, a list only its members', () => {
    expect(mayFrom({ payload: {} }, 'any')).toBe(true)
    expect(mayFrom({ payload: {}, from: ['c'] }, 'c')).toBe(true)
    expect(mayFrom({ payload: {}, from: ['c'] }, 'd')).toBe(false)
  })
})

describe.each(['interpreted', 'compiled'] as const)('%s artifact built from the plan', (mode) => {
  const artifact =
    mode === 'interpreted'
      ? interpretArtifact(network, 'host', 64)
      : loadArtifact(generateArtifact({ network, hostRole: 'host', maxDepth: 64 }))

  it('carries the kind and version of artifact/types.ts and keeps its sink under PEER_SINK', () => {
    expect(artifact.kind).toBe(ARTIFACT_KIND)
    expect(artifact.version).toBe(ARTIFACT_VERSION)
    expect(Symbol.for(PEER_SINK_KEY)).toBe(PEER_SINK)
    const sink = {} as PeerSink
    expect((artifact.outbound.c!(sink) as Record<symbol, unknown>)[PEER_SINK]).toBe(sink)
  })

  it('routes by the allow-matrix and shares one validator per distinct schema', () => {
    expect(artifact.inbound.messages).toEqual(['a', 'b', 'c'])
    expect(['a', 'b', 'c', 'nope'].map(artifact.inbound.route.c!)).toEqual([0, 1, -2, -1])
    expect(['a', 'b', 'c', 'nope'].map(artifact.inbound.route.d!)).toEqual([-2, 1, 2, -1])
    expect(artifact.inbound.validators[0]).toBe(artifact.inbound.validators[1])
    const api = artifact.outbound.c!({} as PeerSink)
    const names: string[] = []
    for (const name in api) names.push(name)
    expect(names).toEqual(['x'])
  })
})

// Above 24 messages the generator writes the slot -> validator list from JSON data (validatorsList
// in codegen/artifact.ts): one array when every slot has its own schema, indices into the distinct
// validators when slots share one. Both must give each slot the validator of its own schema.
describe.each(['interpreted', 'compiled'] as const)('%s artifact of a 40-message network', (mode) => {
  const build = (net: NetworkIR) =>
    mode === 'interpreted'
      ? interpretArtifact(net, 'host', 64)
      : loadArtifact(generateArtifact({ network: net, hostRole: 'host', maxDepth: 64 }))
  const large = (schemaOf: (i: number) => number): NetworkIR => {
    const messages: NetworkIR['roles'][string]['messages'] = {}
    for (let i = 0; i < 40; i++)
      messages[`m${i}`] = { payload: { type: 'object', properties: { [`f${schemaOf(i)}`]: str }, required: [`f${schemaOf(i)}`] } }
    return { name: 'large', roles: { host: { 'x-openws-host': true, messages }, c: { messages: {} } } }
  }

  it.each([
    ['its own schema', (i: number) => i],
    ['one of three shared schemas', (i: number) => (i * 7) % 3],
  ])('each slot validates with %s', (_label, schemaOf) => {
    const { validators } = build(large(schemaOf)).inbound
    expect(validators).toHaveLength(40)
    for (let i = 0; i < 40; i++) {
      expect(validators[i]!.is({ [`f${schemaOf(i)}`]: 'x' })).toBe(true)
      expect(validators[i]!.is({ [`f${schemaOf(i) + 1}`]: 'x' })).toBe(false)
      // slots of one schema share its validator
      for (let j = 0; j < i; j++) expect(validators[j] === validators[i]).toBe(schemaOf(j) === schemaOf(i))
    }
  })
})
