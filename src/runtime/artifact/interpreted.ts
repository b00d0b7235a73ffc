// Builds a CompiledArtifact from the IR with the interpreter: the fallback when the transformer did
// not run. Closures here capture only validators, names and small arrays, never IR objects.
import { unknownMessageTrap } from './unknown-outbound'
import { interpretReplies } from './replies'
import { openwsError } from '../errors'
import { interpret } from '../interpret/index'
import { interpretEncoder } from '../interpret/encoder'
import { frameHead } from '../envelope/codec'
import type { JsonSchema, MessageDoc, NetworkIR } from '../ir/types'
import { tooDeepAt } from '../validate/depth'
import type { Validator } from '../validate/types'
import { envelopeValidator } from '../envelope/validators'
import {
  ARTIFACT_KIND,
  ARTIFACT_VERSION,
  PEER_SINK,
  ROUTE_NOT_ALLOWED,
  ROUTE_UNKNOWN,
  type CompiledArtifact,
  type InboundTable,
  type OutboundFactory,
  type PeerSink,
} from './types'

type ValidatorCache = (schema: JsonSchema) => Validator
type EncoderCache = (schema: JsonSchema) => ReturnType<typeof interpretEncoder>

/** `make`, once per distinct schema object. */
function perSchema<T>(make: (schema: JsonSchema) => T): (schema: JsonSchema) => T {
  const cache = new Map<JsonSchema, T>()
  return (schema) => {
    let made = cache.get(schema)
    if (made === undefined) cache.set(schema, (made = make(schema)))
    return made
  }
}

export function interpretArtifact(network: NetworkIR, hostRole: string, maxDepth: number): CompiledArtifact {
  const roles = network.roles
  if (!Object.hasOwn(roles, hostRole)) {
    throw openwsError('OPENWS_ERR_NO_HOST_ROLE', 'the host role is not in the network', { network: network.name, role: hostRole })
  }
  const validatorOf: ValidatorCache = perSchema((schema) => interpret(schema, { maxDepth }))
  const encoderOf: EncoderCache = perSchema(interpretEncoder)
  const remoteRoles = Object.keys(roles).filter((r) => r !== hostRole)
  const outbound: Record<string, OutboundFactory> = Object.create(null)
  for (const role of remoteRoles) outbound[role] = outboundFactory(role, roles[role].messages, hostRole, validatorOf, encoderOf)
  const inbound = inboundTable(roles[hostRole].messages, remoteRoles, validatorOf)
  const replies = interpretReplies(network, hostRole, inbound.messages, validatorOf, encoderOf)
  return {
    kind: ARTIFACT_KIND,
    version: ARTIFACT_VERSION,
    network,
    hostRole,
    remoteRoles,
    maxDepth,
    envelope: envelopeValidator(),
    inbound,
    outbound,
    ...(replies === undefined ? {} : { replies }),
  }
}

function mayFrom(doc: MessageDoc, sender: string): boolean {
  return doc.from === undefined || doc.from.includes(sender)
}

function inboundTable(messages: Record<string, MessageDoc>, senders: string[], validatorOf: ValidatorCache): InboundTable {
  const names = Object.keys(messages)
  const slots = new Map<string, number>()
  names.forEach((name, slot) => slots.set(name, slot))
  const route: Record<string, (messageName: string) => number> = Object.create(null)
  for (const sender of senders) {
    const allowed = names.map((name) => mayFrom(messages[name], sender))
    route[sender] = (messageName) => {
      const slot = slots.get(messageName)
      if (slot === undefined) return ROUTE_UNKNOWN
      return allowed[slot] ? slot : ROUTE_NOT_ALLOWED
    }
  }
  return { messages: names, validators: names.map((name) => validatorOf(messages[name].payload)), route }
}

/** One prototype per remote role; an API object is `Object.create(proto)` plus its sink. */
function outboundFactory(role: string, messages: Record<string, MessageDoc>, hostRole: string, validatorOf: ValidatorCache, encoderOf: EncoderCache): OutboundFactory {
  const proto: Record<string, unknown> = Object.create(unknownMessageTrap(role))
  for (const name of Object.keys(messages)) {
    if (!mayFrom(messages[name], hostRole)) continue // capability-scoped: only what the host may send
    const validator = validatorOf(messages[name].payload)
    const encode = encoderOf(messages[name].payload)
    const head = frameHead(hostRole, name)
    const method = function (this: { [PEER_SINK]: PeerSink }, payload: unknown, options?: unknown): Promise<unknown> {
      const sink = this[PEER_SINK]
      if (sink.depthLimit !== undefined) {
        const at = tooDeepAt(payload, sink.depthLimit)
        if (at !== undefined) return Promise.reject(sink.tooDeep(name, at))
      }
      if (!validator.is(payload)) return Promise.reject(sink.invalid(name, validator, payload))
      // The same frame text a compiled artifact writes; undefined hands the payload to encodeEnvelope.
      const text = encode(payload)
      return sink.send(name, payload, text === undefined ? text : head + text + '}', options)
    }
    // defineProperty: names like "__proto__" stay ordinary methods.
    Object.defineProperty(proto, name, { value: method, enumerable: true })
  }
  return (sink) => {
    const api = Object.create(proto)
    api[PEER_SINK] = sink
    return api
  }
}
