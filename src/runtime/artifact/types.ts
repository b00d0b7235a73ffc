// The artifact: everything the session loop needs to run one host role of one network, as a plain
// object. The transformer emits it as generated code (switches, inlined validators); without the
// transformer `interpretArtifact()` builds the same shape with the interpreter. The runtime cannot
// tell them apart, which is what lets one protocol suite run against both.
import type { NetworkIR } from '../ir/types'
import type { Validator } from '../validate/types'

export const ARTIFACT_KIND = 'openws.artifact'
// Bumped whenever generated code calls runtime helpers another version lacks (2: the shared
// validator pool and explain helpers), so a mismatched plugin and runtime fail at load, not at the first issue.
export const ARTIFACT_VERSION = 2

/** `route()` result: the host role has no message of that name. */
export const ROUTE_UNKNOWN = -1
/** `route()` result: the message exists but this sender role is not in its `from` list. */
export const ROUTE_NOT_ALLOWED = -2

/** The `Symbol.for` key of PEER_SINK: generated code spells `Symbol.for(PEER_SINK_KEY)`. */
export const PEER_SINK_KEY = 'openws.peer'

/**
 * Where an outbound API object keeps its sink. `Symbol.for` so that generated code can read it
 * without importing the runtime; a symbol so that no message name can collide with it.
 */
export const PEER_SINK: unique symbol = Symbol.for(PEER_SINK_KEY) as never

/** What an outbound API method calls once its payload is valid. Implemented by the runtime. */
export interface PeerSink {
  /**
   * Sends `payload` as `messageName` from the host role. Never rejects: transport failures are
   * reported by the runtime. `frame`, when given, is the envelope's JSON text, written by the
   * message's encoder (the same JSON value encodeEnvelope would write); without it the runtime
   * encodes the payload with encodeEnvelope.
   */
  send(messageName: string, payload: unknown, frame?: string, options?: unknown): Promise<unknown>
  /** The OPENWS_ERR_OUTBOUND_INVALID error (with issues) to reject with for a payload `validator` rejected. */
  invalid(messageName: string, validator: Validator, payload: unknown): Error
  /**
   * Set when the runtime's `limits.maxDepth` is below the artifact's `maxDepth`: outbound methods
   * check `tooDeepAt(payload, depthLimit)` before validating (the validators go deeper).
   */
  readonly depthLimit: number | undefined
  /** The OPENWS_ERR_OUTBOUND_INVALID error for a payload nested too deep at JSON Pointer `at`. */
  tooDeep(messageName: string, at: string): Error
}

/**
 * Builds the outbound API of one remote role around a sink: one method per message the host may
 * send to that role, each `(payload, options?) => Promise` that validates synchronously (returning a
 * promise rejected with the sink's `invalid(...)` error, sending nothing; never throwing) and then
 * returns `sink.send(name, payload, frame, options)` (the sink makes it a request when the
 * message has a reply),
 * `frame` being the envelope text its encoder wrote (undefined when the encoder handed it back).
 * The returned object must hold the sink under `PEER_SINK` (that is how `disconnect(peer)` finds
 * the connection). Generated form (R: the shared slow path, depth limit then `invalid`, giving the
 * rejected promise to return, or undefined to send):
 *   function Api0(s) { this[P] = s }
 *   Api0.prototype = Object.create(null, { joinedRoom: { value: function (p) { const s = this[P];
 *     if (s.depthLimit !== undefined || !v3.is(p)) { const r = R(s, 'joinedRoom', v3, p); if (r) return r }
 *     return s.send('joinedRoom', p, frame) } } })
 *   (s) => new Api0(s)
 */
export type OutboundFactory = (sink: PeerSink) => object

/**
 * Request/reply: what a message's reply schema compiles to. Optional, so that artifacts of
 * networks without replies (and generators that predate them) stay valid: absent means none.
 */
export interface ReplyTable {
  /** slot (as `inbound.messages`) -> the host message's reply validator and encoder; undefined: one-way. */
  readonly inbound: readonly (ReplyCodec | undefined)[]
  /** remote role -> message name -> validator of the reply that role answers a request with. */
  readonly outbound: Readonly<Record<string, Readonly<Record<string, Validator>>>>
}

export interface ReplyCodec {
  readonly validator: Validator
  /** The reply's JSON text (for a value the validator accepted); undefined: encode it with JSON.stringify. */
  readonly encode: (value: unknown) => string | undefined
}

/** Inbound side: host messages by slot, shared validators, one router per sender role. */
export interface InboundTable {
  /** slot -> host message name. */
  readonly messages: readonly string[]
  /** slot -> payload validator (one per host message, shared by all its senders). */
  readonly validators: readonly Validator[]
  /**
   * sender role -> router `(messageName) => slot | ROUTE_UNKNOWN | ROUTE_NOT_ALLOWED`. Looked up
   * once when a session opens, never per message. Generated form: a `switch (name)` per role.
   */
  readonly route: Readonly<Record<string, (messageName: string) => number>>
}

export interface CompiledArtifact {
  readonly kind: typeof ARTIFACT_KIND
  readonly version: typeof ARTIFACT_VERSION
  /** The network spec literal (plain JSON, host marked), for export and error messages. */
  readonly network: NetworkIR
  readonly hostRole: string
  /** Roles that may connect to the host: every role of the network but the host. */
  readonly remoteRoles: readonly string[]
  /**
   * The depth the payload validators descend to. A runtime with a lower `limits.maxDepth` checks
   * nesting against its own limit before validating (session and outbound API), so one artifact
   * serves every limit up to this one; a higher limit needs `withDepth`.
   */
  readonly maxDepth: number
  /**
   * The same artifact with validators of depth `maxDepth` (artifactOf() adds it to compiled
   * artifacts; it re-runs the transformer's factory with `h.maxDepth` set). Generated code that
   * does not read `h.maxDepth` returns its fixed depth, and the runtime then refuses the limit.
   */
  readonly withDepth?: (maxDepth: number) => CompiledArtifact
  /** Validator of an inbound frame (ENVELOPE_SCHEMA). */
  readonly envelope: Validator
  readonly inbound: InboundTable
  /** remote role -> outbound API factory. */
  readonly outbound: Readonly<Record<string, OutboundFactory>>
  /** Reply validators and encoders; absent when no message declares a reply. */
  readonly replies?: ReplyTable
}

/** Whether `value` looks like an artifact of this runtime's version (kind and version only). */
export function isArtifact(value: unknown): value is CompiledArtifact {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as CompiledArtifact).kind === ARTIFACT_KIND &&
    (value as CompiledArtifact).version === ARTIFACT_VERSION
  )
}
