// Builds a CompiledArtifact from the IR with the interpreter: the fallback when the transformer did
// not run. Closures here capture only validators, names and small arrays, never IR objects.
import { unknownMessageTrap } from './unknown-outbound'
import { interpretReplies } from './replies'
import { interpret } from '../interpret/index'
import { interpretEncoder } from '../interpret/encoder'
import { frameHead } from '../envelope/codec'
import type { NetworkIR } from '../ir/types'
import { tooDeepAt } from '../validate/depth'
import type { Validator } from '../validate/types'
import { envelopeValidator } from '../envelope/validators'
import { planArtifact, type ArtifactPlan, type OutboundRole } from './plan'
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

type Encoder = ReturnType<typeof interpretEncoder>

/** The interpreter's half of the artifact: the plan (./plan.ts) built with interpreted pieces. */
export function interpretArtifact(network: NetworkIR, hostRole: string, maxDepth: number): CompiledArtifact {
  const plan = planArtifact(network, hostRole)
  const validators = plan.schemas.map((schema) => interpret(schema, { maxDepth }))
  const encoders: Encoder[] = []
  for (const id of plan.encoded) encoders[id] = interpretEncoder(plan.schemas[id]!)
  const outbound: Record<string, OutboundFactory> = Object.create(null)
  for (const role of plan.outbound) outbound[role.role] = outboundFactory(role, hostRole, validators, encoders)
  const replies = interpretReplies(plan, validators, encoders)
  return {
    kind: ARTIFACT_KIND,
    version: ARTIFACT_VERSION,
    network,
    hostRole,
    remoteRoles: plan.remoteRoles,
    maxDepth,
    envelope: envelopeValidator(),
    inbound: inboundTable(plan, validators),
    outbound,
    ...(replies === undefined ? {} : { replies }),
  }
}

function inboundTable(plan: ArtifactPlan, validators: readonly Validator[]): InboundTable {
  const slots = new Map<string, number>()
  plan.slots.forEach((s, slot) => slots.set(s.name, slot))
  const route: Record<string, (messageName: string) => number> = Object.create(null)
  plan.remoteRoles.forEach((sender, i) => {
    const allowed = plan.allowed[i]!
    route[sender] = (messageName) => {
      const slot = slots.get(messageName)
      if (slot === undefined) return ROUTE_UNKNOWN
      return allowed[slot] ? slot : ROUTE_NOT_ALLOWED
    }
  })
  return { messages: plan.slots.map((s) => s.name), validators: plan.slots.map((s) => validators[s.schema]!), route }
}

/** One prototype per remote role; an API object is `Object.create(proto)` plus its sink. */
function outboundFactory(
  plan: OutboundRole,
  hostRole: string,
  validators: readonly Validator[],
  encoders: readonly Encoder[],
): OutboundFactory {
  const proto: Record<string, unknown> = Object.create(unknownMessageTrap(plan.role))
  for (const { name, schema } of plan.messages) {
    const validator = validators[schema]!
    const encode = encoders[schema]!
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
