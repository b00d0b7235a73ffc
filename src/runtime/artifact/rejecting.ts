// Outbound methods reject, they never throw: `api.x(bad).catch(handle)` must see
// OPENWS_ERR_OUTBOUND_INVALID. The interpreter's methods return the rejected promise themselves;
// artifacts emitted by the transformer throw it (`throw s.invalid(...)`), so artifactOf() puts
// these adapters around their outbound factories, once per role and one prototype per role.
// They also apply a runtime `limits.maxDepth` below the depth the validators were generated for.
import { tooDeepAt } from '../validate/depth'
import { unknownMessageTrap } from './unknown-outbound'
import { PEER_SINK, type OutboundFactory, type PeerSink } from './types'

type Method = (this: any, payload: unknown) => unknown

/** Every factory of `outbound` made rejecting (see rejectingFactory). */
export function rejectingOutbound(outbound: Readonly<Record<string, OutboundFactory>>): Record<string, OutboundFactory> {
  const out: Record<string, OutboundFactory> = Object.create(null)
  for (const role of Object.keys(outbound)) out[role] = rejectingFactory(outbound[role], role)
  return out
}

/**
 * An API object per sink whose methods call the factory's methods and turn a synchronous throw into
 * a rejected promise. Its prototype is built from the first object the factory makes (emitted
 * code builds large roles' prototypes lazily, on the first call).
 */
export function rejectingFactory(factory: OutboundFactory, role: string): OutboundFactory {
  let proto: object | undefined
  return (sink: PeerSink) => {
    const api = factory(sink) as Record<string, unknown>
    proto ??= rejectingPrototype(api, role)
    const wrapped = Object.create(proto) as Record<PropertyKey, unknown>
    wrapped[PEER_SINK] = sink
    return wrapped
  }
}

function rejectingPrototype(api: Record<string, unknown>, role: string): object {
  const proto: Record<string, unknown> = Object.create(unknownMessageTrap(role))
  // for-in: own and inherited enumerable names (emitted prototypes have no Object.prototype).
  for (const name in api) {
    const method = api[name]
    if (typeof method !== 'function') continue
    // defineProperty: names like "__proto__" stay ordinary methods.
    Object.defineProperty(proto, name, { value: rejecting(name, method as Method), enumerable: true })
  }
  return proto
}

function rejecting(name: string, method: Method): Method {
  return function (this: { [PEER_SINK]: PeerSink }, payload: unknown): unknown {
    const limit = this[PEER_SINK].depthLimit
    if (limit !== undefined) {
      const at = tooDeepAt(payload, limit)
      if (at !== undefined) return Promise.reject(this[PEER_SINK].tooDeep(name, at))
    }
    try {
      return method.call(this, payload)
    } catch (error) {
      return Promise.reject(error)
    }
  }
}
