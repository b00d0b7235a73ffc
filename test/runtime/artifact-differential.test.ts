// Differential property test over whole networks: for random roles, messages, `from` lists and
// payload schemas (the validator differential's arbitraries), the generated artifact (generated,
// then loaded as a bundle would) and the interpreted one agree on every route, on every frame a
// session writes back (`$error` outcomes, handler replies: byte for byte) and on every outbound
// call (outcome, error code and issues, frame text). Messages sometimes declare a reply schema
// (request/reply): requests to the host answer the handler's value with the same `$reply` bytes or
// the same `$error` OPENWS_ERR_REPLY_INVALID, and the host's requests settle the same way on a
// peer's `$reply` (the validated value, or the same rejection code and issues).
// Seed: OPENWS_FC_SEED=<n> to replay; OPENWS_FC_RUNS=<n> sizes it (networks = runs / 30, at least 10).
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { interpretArtifact } from '../../src/runtime/artifact/interpreted'
import { planArtifact } from '../../src/runtime/artifact/plan'
import { generateArtifact } from '../../src/runtime/codegen/artifact'
import type { BindingsCore, HandlerTarget } from '../../src/runtime/contract/types'
import type { JsonSchema, MessageDoc, NetworkIR } from '../../src/runtime/ir/types'
import { DEFAULT_LIMITS } from '../../src/runtime/limits'
import { runtime } from '../../src/runtime/session/index'
import { checkSupported } from '../../src/runtime/validate/index'
import { familySchemaArb, objectSchemaArb, schemaArb, shapedValueArb, valueArb } from '../validators/arbitraries'
import { loadArtifact } from '../../bench/support/emitted'

const SEED = process.env.OPENWS_FC_SEED !== undefined ? Number(process.env.OPENWS_FC_SEED) : Date.now() ^ (Math.random() * 0x7fffffff)
const NETWORKS = Math.max(10, Math.round(Number(process.env.OPENWS_FC_RUNS ?? 3000) / 30))

// Names that collide with what generated code spells (P, R, h, N, method, network) or with
// Object.prototype: all must stay data.
const ROLE_NAMES = ['host', 'client', 'portal', 'x-1', 'constructor', 'R', 'h']
const MESSAGE_NAMES = [
  'a',
  'join',
  'send-it',
  'x_y',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'then',
  'P',
  'R',
  'N',
  'method',
  'network',
]

interface Net {
  network: NetworkIR
  hostRole: string
  pool: JsonSchema[]
}

const supported = (s: JsonSchema): JsonSchema => (checkSupported(s).length === 0 ? s : { type: 'string' })
const schemaPoolArb = fc.array(fc.oneof(schemaArb(false), schemaArb(true), objectSchemaArb(), familySchemaArb()).map(supported), {
  minLength: 1,
  maxLength: 4,
})

/** Message names: a few tricky ones, or many (past the generator's switch and inline limits). */
const messageNamesArb = fc.oneof(
  { weight: 4, arbitrary: fc.uniqueArray(fc.constantFrom(...MESSAGE_NAMES), { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 120 }).map((n) => Array.from({ length: n }, (_, i) => `m${i}`)) },
)

const networkArb: fc.Arbitrary<Net> = fc
  .tuple(fc.shuffledSubarray(ROLE_NAMES, { minLength: 2, maxLength: 4 }), schemaPoolArb)
  .chain(([roles, pool]) =>
    fc.tuple(
      fc.constant(roles),
      fc.constant(pool),
      fc.nat(roles.length - 1),
      fc.tuple(
        ...roles.map(() =>
          messageNamesArb.chain((names) =>
            fc.tuple(
              ...names.map((name) =>
                fc.tuple(
                  fc.constant(name),
                  fc.nat(pool.length - 1),
                  fc.option(fc.subarray(roles), { nil: undefined, freq: 3 }),
                  // Reply: none; another pool schema; the payload's own schema (-1: the same object, -2: an
                  // equal copy), so a reply shares the payload's schema id.
                  fc.option(fc.oneof(fc.nat(pool.length - 1), fc.constantFrom(-1, -2)), { nil: undefined, freq: 2 }),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  )
  .map(([roles, pool, host, messagesPerRole]) => {
    const hostRole = roles[host]!
    const network: NetworkIR = { name: 'random', roles: {} }
    roles.forEach((role, i) => {
      const messages: Record<string, MessageDoc> = {}
      for (const [name, schema, from, reply] of messagesPerRole[i]!) {
        const doc: MessageDoc = { payload: pool[schema]! }
        if (from !== undefined) doc.from = from
        if (reply !== undefined)
          doc.reply = reply === -1 ? doc.payload : reply === -2 ? (structuredClone(doc.payload) as JsonSchema) : pool[reply]!
        messages[name] = doc
      }
      network.roles[role] = role === hostRole ? { 'x-openws-host': true, messages } : { messages }
    })
    return { network, hostRole, pool }
  })

/**
 * One network that surely reaches the large-network code (table routes, the method maker) and
 * every outcome, whatever the run size: fast-check runs it before the random ones.
 */
function exampleNetwork(): Net {
  const obj: JsonSchema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }
  const pool: JsonSchema[] = [obj, { type: 'string' }]
  const host: Record<string, MessageDoc> = {}
  for (let i = 0; i < 30; i++) host[`m${i}`] = { payload: pool[i % 2]!, from: [i % 3 === 0 ? 'portal' : 'client'] }
  // Requests: m1 (string -> object of two keys: written in schema order, unlike JSON.stringify),
  // m2 (its reply is its payload schema: one shared id), m4 (object -> string).
  host.m1!.reply = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a', 'b'] }
  host.m2!.reply = obj
  host.m4!.reply = pool[1]
  // m7: a boolean payload (its encoder writes true or false whatever it is given) answered with a
  // string: an encoder of the wrong schema would write other bytes.
  host.m7 = { payload: { type: 'boolean' }, from: ['client'], reply: pool[1] }
  const client: Record<string, MessageDoc> = {}
  for (let i = 0; i < 70; i++) client[`m${i}`] = { payload: pool[i % 2]! }
  // Host -> client requests: m10 (object -> same object), m11 (string -> object).
  client.m10!.reply = obj
  client.m11!.reply = obj
  const network: NetworkIR = {
    name: 'example',
    roles: { host: { 'x-openws-host': true, messages: host }, client: { messages: client }, portal: { messages: {} } },
  }
  return { network, hostRole: 'host', pool }
}
// Requests m1, m4 and m7 (valid replies: $reply) and m2 (an invalid one: $error OPENWS_ERR_REPLY_INVALID); the
// host's requests to client m10 and m11 get the replies {a:'ok'} (resolved) and 5 (REPLY_INVALID).
const EXAMPLE_FRAMES: FrameSpec[] = [
  [0, 1, 'text', { reply: { b: 'ok', a: 'ok' } }],
  [0, 2, { a: 'x' }, { reply: 5 }],
  [0, 4, { a: 1 }],
  [0, 4, { a: 'y' }, { reply: 'hi' }],
  [0, 7, true, { reply: 'hi' }],
  [0, 8, { a: 'x' }],
  [0, 3, 'portal only'],
  [0, 50, 'unknown'],
  [1, 4, undefined],
]

/**
 * An inbound frame: sender index, message pick (host names, then other roles' names and unknowns),
 * payload, and for a request (sent with an id) the value the host's handler returns.
 */
type FrameSpec = [number, number, unknown, { reply: unknown }?]
const framesArb = (pool: JsonSchema[]): fc.Arbitrary<FrameSpec[]> => {
  const value = fc.oneof(valueArb(), ...pool.map(shapedValueArb))
  return fc.array(
    fc
      .tuple(
        fc.nat(9),
        fc.nat(99),
        value,
        fc.option(
          value.map((reply) => ({ reply })),
          { nil: undefined, freq: 2 },
        ),
      )
      .map(([w, p, v, r]): FrameSpec => (r === undefined ? [w, p, v] : [w, p, v, r])),
    { minLength: 1, maxLength: 12 },
  )
}

/** A host request frame's id (process-wide counter) as a fixed text, so both artifacts' frames compare. */
const sameId = (frame: string): string => frame.replace(/,"id":\d+\}$/, ',"id":"#"}')
const outcomeOf = (e: unknown): unknown[] => {
  const err = e as { code?: string; issues?: unknown }
  return [err.code, err.issues]
}

function binderOf({ network, hostRole }: Net, compiled: boolean, log: unknown[], handlerReply: { value: unknown }): BindingsCore {
  // Null prototypes: message names such as "constructor" are data here too.
  const routes: Record<string, Record<string, HandlerTarget>> = Object.create(null)
  const remote = Object.keys(network.roles).filter((r) => r !== hostRole)
  for (const [name, doc] of Object.entries(network.roles[hostRole]!.messages)) {
    for (const sender of remote) {
      if (doc.from !== undefined && !doc.from.includes(sender)) continue
      // Echo the payload to the sender as one of its messages (some accept it, some refuse it).
      const docs = network.roles[sender]!.messages
      const outbound = Object.keys(docs)
      ;(routes[name] ??= Object.create(null) as Record<string, HandlerTarget>)[sender] = (
        payload: unknown,
        api: Record<string, (p: unknown, o?: unknown) => Promise<unknown>>,
      ) => {
        log.push(['handled', sender, name, payload])
        // A request returns the frame's reply value (answered only when the frame had an id).
        if (doc.reply !== undefined) return handlerReply.value
        const echo = outbound[name.length % Math.max(1, outbound.length)]
        if (echo === undefined || !(echo in api)) return
        // An echo that is a request is never answered: not awaited, no timer.
        if (docs[echo]!.reply !== undefined) {
          api[echo]!(payload, { timeoutMs: 0 }).catch((e: unknown) => void log.push(['echo rejected', echo, ...outcomeOf(e)]))
          return
        }
        return api[echo]!(payload)
      }
    }
  }
  const binder: BindingsCore = { kind: 'openws.bindings', network, hostRole, routes, lifecycle: {}, interpret: interpretArtifact }
  // TEST ONLY: the generated source is evaluated (loadArtifact), as a bundle would load it.
  if (compiled) binder.compiled = loadArtifact(generateArtifact({ network, hostRole, maxDepth: DEFAULT_LIMITS.maxDepth }))
  return binder
}

/** Everything observable from one run of `frames` (and direct outbound calls) on one artifact. */
async function observe(net: Net, compiled: boolean, frames: FrameSpec[], maxDepth: number, seen: Tally): Promise<unknown[]> {
  const log: unknown[] = []
  const handlerReply = { value: undefined as unknown }
  const rt = runtime(binderOf(net, compiled, log, handlerReply), {
    limits: { maxDepth },
    onInternalError: (e) => void log.push(['internal', (e as { code?: string }).code]),
  })
  const artifact = rt.artifact
  const remote = [...artifact.remoteRoles]
  const hostNames = [...artifact.inbound.messages]
  const otherNames = [...new Set(remote.flatMap((r) => Object.keys(net.network.roles[r]!.messages))), 'nope', '__proto__', '$error']
  const names = [...hostNames, ...otherNames]
  // Routes: every sender against every name either side knows.
  for (const sender of remote) log.push(['route', sender, names.map(artifact.inbound.route[sender]!)])
  // Sessions: one per sender, frames in order, every frame written back recorded as text.
  for (const [i, [who, pick, payload, request]] of frames.entries()) {
    const sender = remote[who % remote.length]!
    const name = names[pick % names.length]!
    const session = rt.newSession(
      (_r, _m, _p, _id, frame) => void log.push(['frame', sameId(frame)]),
      (code, reason) => void log.push(['close', code, reason]),
    )
    await session.open(sender)
    handlerReply.value = request?.reply
    session.receive(
      JSON.stringify(
        request === undefined
          ? { fromRole: sender, messageName: name, payload }
          : { fromRole: sender, messageName: name, payload, id: `q${i}` },
      ),
    )
    await (session as unknown as { idle(): Promise<void> }).idle()
  }
  // The host's requests: each request message of each remote role, sent over a session with each of
  // the first frames' payloads, answered by the peer's `$reply` with each of their reply values.
  const replyValues = frames.slice(0, 3).map(([, , payload, request]) => (request === undefined ? payload : request.reply))
  for (const role of remote) {
    let sentId: number | undefined
    let issued: number | undefined
    const session = rt.newSession(
      (_r, _m, _p, id, frame) => {
        if (typeof id === 'number') sentId = issued = id
        // The request's id, also where a `$error` about its reply quotes it, as a fixed text.
        log.push(['sent', issued === undefined ? frame : frame.split(`"id":${issued}`).join('"id":"#"')])
      },
      (code, reason) => void log.push(['close', code, reason]),
    )
    await session.open(role)
    const peer = (session as unknown as { peer: Record<string, (p: unknown, o?: unknown) => Promise<unknown>> }).peer
    for (const name of Object.keys(net.network.roles[role]!.messages)) {
      if (!(name in peer) || net.network.roles[role]!.messages[name]!.reply === undefined) continue
      for (const [, , payload] of frames.slice(0, 3)) {
        for (const value of replyValues) {
          sentId = undefined
          // A bounded wait: a reply that never lands fails as a timeout rather than stalling the run.
          const settled = peer[name]!(payload, { timeoutMs: 3000 }).then(
            (v) => ['request resolved', name, v],
            (e: unknown) => ['request rejected', name, ...outcomeOf(e)],
          )
          await new Promise((resolve) => setImmediate(resolve)) // the frame is written asynchronously
          if (sentId !== undefined)
            session.receive(JSON.stringify({ fromRole: role, messageName: '$reply', payload: value ?? null, id: sentId }))
          log.push(await settled)
          await (session as unknown as { idle(): Promise<void> }).idle()
          if (sentId === undefined) break // refused before sending: the reply values change nothing
        }
      }
    }
  }
  // Outbound: every message the host may send, called directly with each frame's payload.
  for (const role of remote) {
    const api = rt.createPeer(role, (_r, _m, _p, _id, frame) => void log.push(['sent', sameId(frame)])) as Record<
      string,
      (p: unknown, o?: unknown) => Promise<unknown>
    >
    const sendable: string[] = []
    for (const name in api) sendable.push(name)
    log.push(['api', role, sendable])
    for (const name of sendable) {
      for (const [, , payload] of frames.slice(0, 3)) {
        try {
          // A request is sent, then cancelled (no peer answers a detached one here).
          const ac = new AbortController()
          const p = api[name]!(payload, { signal: ac.signal })
          ac.abort()
          await p
          log.push(['resolved', name])
        } catch (e) {
          const err = e as { code?: string; issues?: unknown }
          log.push(['rejected', name, err.code, err.issues])
        }
      }
    }
  }
  for (const entry of log) {
    const [kind, a] = entry as [string, unknown]
    if (kind === 'frame')
      seen.add(
        String(
          /"code":"(OPENWS_ERR_\w+)"/.exec(a as string)?.[1] ?? ((a as string).includes('"messageName":"$reply"') ? '$reply' : 'reply'),
        ),
      )
    if (kind === 'request resolved') seen.add(kind)
    if (kind === 'request rejected') seen.add(`${kind}:${String((entry as unknown[])[2])}`)
    if (kind === 'rejected' || kind === 'internal') seen.add(`${kind}:${String((entry as unknown[])[2] ?? a)}`)
    if (kind === 'sent') seen.add('sent')
  }
  return log
}

it(`compiled and interpreted artifacts agree on random networks (seed ${SEED})`, async () => {
  const seen = new Tally()
  let networks = 0
  try {
    await fc.assert(
      fc.asyncProperty(
        networkArb.chain((net) => fc.tuple(fc.constant(net), framesArb(net.pool))),
        fc.constantFrom(2, DEFAULT_LIMITS.maxDepth),
        async ([net, frames], maxDepth) => {
          networks++
          // Which shapes of generated code this network reaches (see SWITCH_LIMIT, INLINE_LIMIT).
          const plan = planArtifact(net.network, net.hostRole)
          if (plan.slots.length > 24) seen.add('table routes')
          if (plan.outbound.some((r) => r.messages.length > 64)) seen.add('method maker')
          const interpreted = await observe(net, false, frames, maxDepth, seen)
          const compiled = await observe(net, true, frames, maxDepth, new Tally()) // counted once: the runs must agree
          if (!isDeepStrictEqual(compiled, interpreted)) {
            const at = compiled.findIndex((x, i) => !isDeepStrictEqual(x, interpreted[i]))
            throw new Error(`artifacts differ at entry ${at}:\ncompiled    ${fmt(compiled[at])}\ninterpreted ${fmt(interpreted[at])}`)
          }
        },
      ),
      { seed: SEED, numRuns: NETWORKS, endOnFailure: true, examples: [[[exampleNetwork(), EXAMPLE_FRAMES], DEFAULT_LIMITS.maxDepth]] },
    )
  } catch (e) {
    console.log(`artifact differential failed; replay with OPENWS_FC_SEED=${SEED}`)
    throw e
  }
  console.log(
    `artifact differential: ${networks} networks, seed ${SEED}; outcomes seen (count): ${[...seen]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  )
  // The networks must reach every outcome this test compares, or it proves nothing.
  for (const outcome of [
    'table routes',
    'method maker',
    'reply',
    '$reply',
    'OPENWS_ERR_REPLY_INVALID',
    'request resolved',
    'request rejected:OPENWS_ERR_REPLY_INVALID',
    'sent',
    'OPENWS_ERR_UNKNOWN_MESSAGE',
    'OPENWS_ERR_SENDER_NOT_ALLOWED',
    'OPENWS_ERR_INVALID_PAYLOAD',
    'rejected:OPENWS_ERR_OUTBOUND_INVALID',
  ]) {
    expect([...seen.keys()], outcome).toContain(outcome)
  }
}, 300_000)

/** How often each outcome was seen (the printed case counts). */
class Tally extends Map<string, number> {
  add(key: string): this {
    return this.set(key, (this.get(key) ?? 0) + 1)
  }
}

function fmt(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v === undefined ? '<undefined>' : v))
}
