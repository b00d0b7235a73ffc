// DESIGN principle 8 and issue 21: brokers are optional peers. No runtime entry reaches `redis` or
// `@nats-io/*`; each broker entry reaches its own client library only.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reachablePackages } from './import-graph'

const root = join(import.meta.dirname, '..', '..')
const brokerPeer = /^(?:redis|@redis\/[^/]+|@nats-io\/[^/]+)(?:\/|$)/
const runtimeEntries = [
  'src/runtime/entries/index.ts',
  'src/runtime/entries/fluent.ts',
  'src/runtime/entries/decorator.ts',
  'src/runtime/adapters/ws/index.ts',
  'src/runtime/adapters/fastify/index.ts',
  'src/runtime/adapters/client/index.ts',
]

describe('broker client libraries are optional peers', () => {
  it.each(runtimeEntries)('%s reaches no broker client', (entry) => {
    expect([...reachablePackages(join(root, entry)).keys()].filter((spec) => brokerPeer.test(spec))).toEqual([])
  })

  it.each([
    ['src/runtime/brokers/redis/index.ts', ['redis']],
    ['src/runtime/brokers/nats/index.ts', ['@nats-io/transport-node']],
  ])('%s reaches only its own client', (entry, expected) => {
    expect([...reachablePackages(join(root, entry)).keys()].filter((spec) => brokerPeer.test(spec))).toEqual(expected)
  })
})
