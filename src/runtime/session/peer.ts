// Peers: the outbound API objects handlers receive. Each holds a sink under PEER_SINK; the sink
// validates nothing (the API method did), sends, catches transport failures and knows how to
// disconnect its connection exactly once.
import { PEER_SINK, type PeerSink } from '../artifact/types'
import { encodeEnvelope } from '../envelope/codec'
import { openwsError, type OpenWsError } from '../openws-error'
import type { Validator } from '../validate/types'
import type { RuntimeCore } from './runtime-core'
import { isThenable } from './hooks'
import { PendingRequests } from './requests'
import { sendRequest } from './request-send'
import type { DisconnectFn, SendFn } from './types'

export const RESOLVED: Promise<void> = Promise.resolve()

/** The base of both sinks: a session's and a detached `createPeer` one. */
export abstract class BaseSink implements PeerSink {
  readonly depthLimit: number | undefined
  /** message name -> reply validator, for the messages of the remote role that are requests. */
  protected readonly replies: Readonly<Record<string, Validator>> | undefined

  constructor(
    protected readonly core: RuntimeCore,
    /** undefined for group sinks: their frames are one-way. */
    remoteRole: string | undefined,
  ) {
    this.depthLimit = core.limits.maxDepth < core.artifact.maxDepth ? core.limits.maxDepth : undefined
    const byRole = core.artifact.replies?.outbound
    this.replies = byRole !== undefined && remoteRole !== undefined && Object.hasOwn(byRole, remoteRole) ? byRole[remoteRole] : undefined
  }

  /** The reply validator when `messageName` is a request (its method then resolves to the reply). */
  protected replyOf(messageName: string): Validator | undefined {
    const replies = this.replies
    return replies !== undefined && Object.hasOwn(replies, messageName) ? replies[messageName] : undefined
  }

  abstract send(messageName: string, payload: unknown, frame?: string, options?: unknown): Promise<unknown>
  /** Closes the connection once; later calls do nothing. Returns whether this call closed it. */
  abstract disconnect(code: number, reason: string): boolean

  invalid(messageName: string, validator: Validator, payload: unknown): OpenWsError {
    return openwsError('OPENWS_ERR_OUTBOUND_INVALID', 'the outbound payload does not match the message schema', {
      network: this.core.networkName,
      message: messageName,
      issues: validator.explain(payload, this.core.limits.maxIssues),
    })
  }

  tooDeep(messageName: string, at: string): OpenWsError {
    return openwsError('OPENWS_ERR_OUTBOUND_INVALID', 'the outbound payload does not match the message schema', {
      network: this.core.networkName,
      message: messageName,
      issues: [{ path: at, code: 'depth', expected: this.core.limits.maxDepth }],
    })
  }
}

/**
 * Calls `send` with the frame text: the one an outbound API's encoder wrote, or encodeEnvelope's.
 * A throw (encodeEnvelope's included) or a rejection becomes `onFailure(error)`. The returned
 * promise always resolves (so an un-awaited `api.x(...)` can never become an unhandled rejection).
 */
export function guardedSend(
  send: SendFn,
  fromRole: string,
  messageName: string,
  payload: unknown,
  id: string | number | undefined,
  onFailure: (error: unknown, messageName: string) => void,
  frame?: string,
): Promise<void> {
  let r: unknown
  try {
    r = send(fromRole, messageName, payload, id, frame ?? encodeEnvelope(fromRole, messageName, payload, id))
  } catch (error) {
    onFailure(error, messageName)
    return RESOLVED
  }
  if (!isThenable(r)) return RESOLVED
  return Promise.resolve(r).then(
    () => undefined,
    (error: unknown) => onFailure(error, messageName),
  )
}

export function sendFailedError(core: RuntimeCore, error: unknown, messageName: string): OpenWsError {
  return openwsError('OPENWS_ERR_SEND_FAILED', `the transport failed to send: ${thrownMessage(error)}`, {
    network: core.networkName,
    message: messageName,
    cause: error,
  })
}

/** The message of a thrown value (its `message`, or the value as text), for logs (never sent to a peer unless exposeErrors). */
export function thrownMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  try {
    return String(error)
  } catch {
    return 'unprintable value'
  }
}

/** What a session offers its peer's sink. */
export interface SinkTarget {
  deliver(messageName: string, payload: unknown, frame?: string): Promise<void>
  request(messageName: string, validator: Validator, payload: unknown, frame: string | undefined, options: unknown): Promise<unknown>
  terminate(code: number, reason: string): boolean
}

/** The sink behind a session's peer object. */
export class SessionSink extends BaseSink {
  constructor(
    core: RuntimeCore,
    remoteRole: string,
    /** The session (groups find a peer's connection through it). */
    readonly target: SinkTarget,
  ) {
    super(core, remoteRole)
  }
  send(messageName: string, payload: unknown, frame?: string, options?: unknown): Promise<unknown> {
    const reply = this.replyOf(messageName)
    if (reply !== undefined) return this.target.request(messageName, reply, payload, frame, options)
    return this.target.deliver(messageName, payload, frame)
  }
  disconnect(code: number, reason: string): boolean {
    return this.target.terminate(code, reason)
  }
}

/** Sink of `runtime.createPeer(role, send, disconnect?)`: no session, failures go to onInternalError. */
export class DetachedSink extends BaseSink {
  private closed = false
  /** Set by refuseRequests(): requests reject at once; one-way sends still reach sendFn. */
  private refusing = false
  /** Requests sent through this peer; a client rejects them when its socket closes. */
  readonly requests: PendingRequests
  private readonly onFailure = (error: unknown, messageName: string) =>
    this.core.onInternalError(sendFailedError(this.core, error, messageName))

  constructor(
    core: RuntimeCore,
    remoteRole: string,
    private readonly sendFn: SendFn,
    private readonly disconnectFn: DisconnectFn | undefined,
  ) {
    super(core, remoteRole)
    this.requests = new PendingRequests(core.limits, () => ({ network: core.networkName, role: remoteRole }), core.onInternalError)
  }

  send(messageName: string, payload: unknown, frame?: string, options?: unknown): Promise<unknown> {
    const reply = this.replyOf(messageName)
    if (reply !== undefined) {
      if (this.closed || this.refusing)
        return Promise.reject(
          openwsError('OPENWS_ERR_DISCONNECTED', 'the peer was disconnected', { network: this.core.networkName, message: messageName }),
        )
      return sendRequest(this.requests, this.sendFn, this.core.hostRole, messageName, reply, payload, frame, options, this.onFailure)
    }
    if (this.closed) return RESOLVED
    return guardedSend(this.sendFn, this.core.hostRole, messageName, payload, undefined, this.onFailure, frame)
  }

  /** Rejects what is pending and every later request with OPENWS_ERR_DISCONNECTED (a closed client). */
  refuseRequests(why: string): void {
    this.refusing = true
    this.requests.rejectAll(why)
  }

  disconnect(code: number, reason: string): boolean {
    if (this.closed) return false
    this.closed = true
    this.requests.rejectAll()
    if (this.disconnectFn !== undefined) {
      try {
        const r = this.disconnectFn(code, reason)
        if (isThenable(r)) Promise.resolve(r).catch(this.core.onInternalError)
      } catch (error) {
        this.core.onInternalError(error)
      }
    }
    return true
  }
}

/**
 * Closes a peer's connection exactly once, however often it is called (later calls return false).
 * `code` defaults to 1000 (normal closure). Handlers already running finish; `handleClose` follows.
 * Throws OPENWS_ERR_INVALID_OPTION when `peer` is not an openws peer.
 */
export function disconnect(peer: object, code = 1000, reason = ''): boolean {
  const sink = peer !== null && typeof peer === 'object' ? (peer as { [PEER_SINK]?: unknown })[PEER_SINK] : undefined
  if (!(sink instanceof BaseSink)) {
    throw openwsError(
      'OPENWS_ERR_INVALID_OPTION',
      'disconnect() needs a peer given by openws (a handler api, handleOpen peer or createPeer result)',
    )
  }
  return sink.disconnect(code, reason)
}
