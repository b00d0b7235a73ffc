// Public types of the session API, with the outcome of every call. Adapters rely on these docs.
import type { CompiledArtifact } from '../artifact/types'
import type { EnvelopeId, ErrorFramePayload } from '../envelope/types'
import type { NetworkIR } from '../ir/types'
import type { Groups } from '../groups/groups'
import type { GroupsOptions } from '../groups/types'
import type { Limits } from '../limits'

/**
 * Delivers one frame to the peer: adapters do `socket.send(frame)`. `frame` is the envelope's JSON
 * text, written by the message's encoder for outbound API calls (holding exactly the values the
 * validator checked) and by encodeEnvelope otherwise; the other arguments are its parts.
 * `fromRole` is the SENDER's role, i.e. always the host role.
 * May return a promise; a throw or a rejection is caught and reported as OPENWS_ERR_SEND_FAILED
 * to `handleError`/`onError` (never an unhandled rejection).
 */
export type SendFn = (fromRole: string, messageName: string, payload: unknown, id: EnvelopeId | undefined, frame: string) => unknown

/**
 * Closes the underlying connection with a WebSocket close code and a short reason (the error code,
 * always under 123 bytes). Called at most once per session.
 */
export type DisconnectFn = (code: number, reason: string) => unknown

export interface RuntimeOptions {
  /** Use this host object instead of constructing `binder.hostClass` (one host per runtime). */
  host?: object
  /** Limits, merged over `DEFAULT_LIMITS`; invalid values throw OPENWS_ERR_INVALID_OPTION. */
  limits?: Partial<Limits>
  /** Put the text of a handler's exception into the HANDLER_FAILED `$error` frame. Default false. */
  exposeErrors?: boolean
  /**
   * Let `session.receive()` establish the remote role from the first frame's `fromRole` when
   * `open()` has not been called. Default false: a frame before `open()` is OPENWS_ERR_NOT_OPEN.
   * Only for applications that accept self-declared roles.
   */
  roleFromFirstFrame?: boolean
  /**
   * Errors nobody else can receive: a lifecycle hook that throws, a send failure with no session.
   * Default: `console.error`.
   */
  onInternalError?: (error: unknown) => void
  /**
   * Accept the peer's `$error` frames in `session.receive()` and hand their payload here, never
   * dispatching or answering them (two peers could otherwise bounce errors forever). For clients
   * reading a server's errors; servers leave it unset, so a peer can never send a reserved name.
   */
  onErrorFrame?: (payload: ErrorFramePayload) => void
  /**
   * `$reply` frames that answer no request of the session itself (request/reply): return true when
   * they answer one of yours (clients: the requests of their stable `api`); else they are reported
   * as OPENWS_ERR_UNEXPECTED_REPLY and dropped.
   */
  onReplyFrame?: (id: EnvelopeId, payload: unknown) => boolean
  /** Groups: a broker to reach other instances, presence timing (see src/runtime/groups/README.md). */
  groups?: GroupsOptions
}

/**
 * One connection from a remote role to the host. All methods are safe to call in any state and
 * with any input: peer mistakes never throw or reject; they become `$error` frames sent with
 * `send(hostRole, '$error', {code, message, messageName?, id?, issues?})`, or a close with
 * `disconnect(code, reason)` (and an `$error` frame just before it). Only adapter misuse
 * (`open()` twice) rejects.
 *
 * Concurrency: one message at a time, in arrival order. A handler's returned promise is awaited
 * before the next message of the same session is dispatched; up to `limits.maxQueuedMessages`
 * messages wait meanwhile. Sessions do not wait for each other.
 */
export interface Session {
  /** The established remote role, undefined before `open()`. */
  readonly role: string | undefined
  /** The outbound API of the remote peer (what `handleOpen` and handlers get), undefined before `open()`. */
  readonly peer: object | undefined
  /** 'new' until `open()`, 'open', 'closing' once a disconnect started, 'closed' after `close()`. */
  readonly state: 'new' | 'open' | 'closing' | 'closed'
  /**
   * Fixes the remote role for the rest of the session and fires `handleOpen(role, peer)` /
   * `onOpen` once, before any message is dispatched. Resolves true once the hook has run.
   * - unknown role, or the host role: OPENWS_ERR_UNKNOWN_ROLE, `$error` + close 1008, resolves false;
   * - on a closed/closing session: resolves false, nothing happens;
   * - called again after success: rejects with OPENWS_ERR_ALREADY_OPEN (an adapter bug);
   * - `handleOpen` throws: reported to `handleError`, close 1011 (OPENWS_ERR_INTERNAL), resolves false.
   */
  open(fromRole: string): Promise<boolean>
  /**
   * Dispatches one already-decoded message. Resolves when it has been handled (the handler's
   * promise settled) or rejected; never rejects itself. Outcomes:
   * - before `open()`: OPENWS_ERR_NOT_OPEN, close 1008;
   * - `fromRole` differs from the established role: OPENWS_ERR_ROLE_MISMATCH, close 1008, not dispatched;
   * - messageName not a string or id invalid: OPENWS_ERR_BAD_ENVELOPE `$error`;
   * - OPENWS_ERR_UNKNOWN_MESSAGE / OPENWS_ERR_SENDER_NOT_ALLOWED / OPENWS_ERR_INVALID_PAYLOAD (with
   *   issues) / OPENWS_ERR_MISSING_HANDLER: `$error`, the handler does not run;
   * - the handler throws or rejects: `handleError(role, peer, err)` (err: OpenWsError
   *   OPENWS_ERR_HANDLER_FAILED, `cause` = the thrown value; an awaited `api.typo(...)` is reported
   *   as its own OPENWS_ERR_OUTBOUND_UNKNOWN), then OPENWS_ERR_HANDLER_FAILED `$error`;
   * - more than `limits.maxQueuedMessages` waiting: OPENWS_ERR_QUEUE_FULL, close 1008;
   * - after a close started: ignored.
   * `$error` frames carry the message's `messageName` and `id` when known.
   */
  handleMessage(fromRole: string, messageName: string, payload: unknown, id?: EnvelopeId): Promise<void>
  /**
   * The adapter's one call per inbound frame: size limit, UTF-8 and JSON decode, envelope check,
   * role check, then as `handleMessage`. Returns nothing (use `idle()` to wait). Outcomes, besides
   * those of `handleMessage`: binary frame OPENWS_ERR_BINARY_FRAME close 1003; over
   * `limits.maxFrameBytes` OPENWS_ERR_FRAME_TOO_LARGE close 1009; not JSON / not UTF-8
   * OPENWS_ERR_BAD_JSON close 1007; not an envelope (incl. `$` names) OPENWS_ERR_BAD_ENVELOPE `$error`.
   */
  receive(frame: string | Uint8Array | ArrayBuffer, isBinary?: boolean): void
  /**
   * Shutdown began (adapters call it when draining): every frame received from now on is answered,
   * in frame order, with `$error` OPENWS_ERR_SHUTTING_DOWN carrying its `messageName`, `id` and
   * `seq` (the frame's position, from 1, among the frames this session received) and is never
   * dispatched. Messages received before still run. Does not close.
   */
  drain(): void
  /** Resolves once no message is running or waiting (and, after `close()`, once `handleClose` ran). */
  idle(): Promise<void>
  /**
   * The connection is gone (adapters call it on the socket's close event). Waiting messages are
   * dropped, the running handler is awaited, then `handleClose(role, peer)` / `onClose` fires once
   * (only if the session was opened). Idempotent; never rejects. Later sends to this peer are dropped.
   */
  close(): Promise<void>
  /**
   * A transport error: fires `handleError(role, peer, err)` / `onError` with `err` as given (only if
   * open). Does not close; adapters call `close()` when the socket closes.
   */
  error(err: unknown): void
}

/** A session of the client's runtime (sessionRuntime): the message loop, without a server's drain and handleMessage. */
export type ClientSession = Omit<Session, 'handleMessage' | 'drain'>

/** A runtime for one host role: one host object, any number of sessions. */
export interface Runtime extends SessionRuntime {
  /** Groups of this runtime's connections: join/leave, typed broadcasts, direct sends, presence. */
  readonly groups: Groups
  /** A session for a new connection; call `open(role)` once the remote role is known. */
  newSession(send: SendFn, disconnect?: DisconnectFn): Session
}

/** A runtime without groups (the client's, see sessionRuntime in ./runtime.ts). */
export interface SessionRuntime {
  readonly network: NetworkIR
  readonly hostRole: string
  /** The host object handlers run on (constructed from `hostClass` or given as `options.host`). */
  readonly host: object | undefined
  readonly limits: Readonly<Limits>
  /** The artifact in use: `binder.compiled`, or one built by the interpreter. */
  readonly artifact: CompiledArtifact
  /** A session for a new connection; call `open(role)` once the remote role is known. */
  newSession(send: SendFn, disconnect?: DisconnectFn): ClientSession
  /**
   * An outbound API for `role` without a session (e.g. to push to a peer known by other means).
   * Unknown role throws OPENWS_ERR_UNKNOWN_ROLE. Invalid payloads reject the method's promise with OPENWS_ERR_OUTBOUND_INVALID;
   * send failures go to `onInternalError`. `disconnect(peer)` calls the given `disconnect` once.
   */
  createPeer(role: string, send: SendFn, disconnect?: DisconnectFn): object
}
