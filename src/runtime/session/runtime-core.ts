// What sessions share within one runtime: the artifact, the host, limits, per-role handler tables.
import type { CompiledArtifact } from '../artifact/types'
import type { DecodeOptions } from '../envelope/codec'
import type { EnvelopeId, ErrorFramePayload } from '../envelope/types'
import type { Limits } from '../limits'
import type { Groups } from '../groups/groups'
import type { RoleHooks } from './hooks'

/** A resolved handler: a host method (called with the host as `this`) or a fluent function. */
export type HandlerFn = (this: unknown, payload: unknown, api: object) => unknown

export interface RuntimeCore {
  readonly artifact: CompiledArtifact
  readonly hostRole: string
  readonly networkName: string
  readonly host: object | undefined
  readonly limits: Readonly<Limits>
  /** Frame decoding with this runtime's limits and the artifact's envelope validator. */
  readonly decodeOptions: DecodeOptions
  readonly exposeErrors: boolean
  readonly roleFromFirstFrame: boolean
  readonly onInternalError: (error: unknown) => void
  /** Set for clients: where a peer's `$error` frames go (decodeOptions then accepts them). */
  readonly onErrorFrame: ((payload: ErrorFramePayload) => void) | undefined
  /** Set for clients: `$reply` frames the session's own requests do not claim; true when claimed. */
  readonly onReplyFrame: ((id: EnvelopeId, payload: unknown) => boolean) | undefined
  /** slot -> handler for one sender role (undefined: no handler registered), resolved once per role. */
  handlersFor(role: string): readonly (HandlerFn | undefined)[]
  hooksFor(role: string): RoleHooks
  /**
   * The peer a session opened with `role` hands its handlers and hooks: a server's sessions each
   * get their own (a SessionSink on the session); a client's sessions all share its stable `api`.
   */
  peerFor(role: string, session: object): object
  /** The runtime's groups (set by runtime(); the client's runtime has none). */
  groups: Groups | undefined
}
