// A server's session: the message loop (./session.ts) plus what only a server needs: shutdown
// refusals (drain), the rate limit (limits.maxMessagesPerSecond), the remote role from the first
// frame (roleFromFirstFrame) and the programmatic handleMessage. runtime() makes these; the
// client's runtime makes plain loops, so a browser bundle carries none of this.
import { decodeEnvelope, isValidId } from '../envelope/codec'
import type { Envelope, EnvelopeId, ErrorFramePayload } from '../envelope/types'
import { openwsError, OpenWsError, WIRE_SUMMARIES } from '../openws-error'
import { errorFrame } from './error-frame'
import type { Validator } from '../validate/types'
import { guardedSend, RESOLVED, type SinkTarget } from './peer'
import { PendingRequests } from './requests'
import { sendRequest } from './request-send'
import { SessionImpl } from './session'
import { bucketFor, type TokenBucket } from './token-bucket'
import type { RuntimeCore } from './runtime-core'
import type { DisconnectFn, SendFn, Session } from './types'

const REFUSED = 'the server is shutting down: the frame was not handled'

export class ServerSession extends SessionImpl implements Session, SinkTarget {
  /** Frames given to receive(), for the `seq` of shutdown refusals. */
  private received = 0
  /** Set by drain(): later frames are refused with OPENWS_ERR_SHUTTING_DOWN. */
  private refusing = false
  /** limits.maxMessagesPerSecond; undefined when there is none. */
  private readonly bucket: TokenBucket | undefined

  /** Requests this host sent on this connection (request/reply), rejected when it closes. */
  private readonly requests: PendingRequests

  constructor(core: RuntimeCore, send: SendFn, disconnect: DisconnectFn | undefined) {
    super(core, send, disconnect)
    this.bucket = bucketFor(core.limits, Date.now())
    this.requests = new PendingRequests(
      core.limits,
      () => ({ network: core.networkName, role: this.role }),
      (error) => this.reportError(error),
    )
  }

  /** Called by the peer object's methods after validation. Dropped once a close started. */
  deliver(messageName: string, payload: unknown, frame?: string): Promise<void> {
    if (this.state !== 'open') return RESOLVED
    return guardedSend(this.sendFn, this.core.hostRole, messageName, payload, undefined, this.onSendFailure, frame)
  }

  /** Called by the peer object's methods for a message with a reply: resolves to the validated reply. */
  request(messageName: string, validator: Validator, payload: unknown, frame: string | undefined, options: unknown): Promise<unknown> {
    if (this.state !== 'open') {
      return Promise.reject(
        openwsError('OPENWS_ERR_DISCONNECTED', 'the connection is closed', {
          network: this.core.networkName,
          role: this.role,
          message: messageName,
        }),
      )
    }
    return sendRequest(this.requests, this.sendFn, this.core.hostRole, messageName, validator, payload, frame, options, this.onSendFailure)
  }

  protected override dropRequests(): void {
    this.requests.rejectAll()
  }

  /** A peer's `$error`: rejects the request with its id; else as any session. */
  protected override errorFrame(payload: ErrorFramePayload): void {
    if (!this.requests.fail(payload)) super.errorFrame(payload)
  }

  /** A peer's `$reply`: settles the request with its id; else as any session. */
  protected override replyReceived(id: EnvelopeId, payload: unknown): void {
    if (!this.requests.reply(id, payload)) super.replyReceived(id, payload)
  }

  override receive(frame: string | Uint8Array | ArrayBuffer, isBinary?: boolean): void {
    ++this.received
    if (this.bucket !== undefined && !this.bucket.take(Date.now())) {
      this.fail(this.protocolError('OPENWS_ERR_RATE_LIMITED', `more than ${this.core.limits.maxMessagesPerSecond} messages per second`))
      return
    }
    super.receive(frame, isBinary)
  }

  /**
   * Shutdown began: every later frame is answered, in frame order, with `$error`
   * OPENWS_ERR_SHUTTING_DOWN (its messageName, id and `seq`) and never dispatched. Messages already
   * received still run. The connection stays open until the adapter closes it.
   */
  drain(): void {
    this.refusing = true
  }

  protected override accept(env: Envelope): void {
    if (this.refusing) this.refuse(env.messageName, env.id, this.received)
    else super.accept(env)
  }

  /** A message after drain(): answered in frame order with OPENWS_ERR_SHUTTING_DOWN, never dispatched. */
  private refuse(messageName: string, id: EnvelopeId | undefined, seq?: number): void {
    this.answerInOrder(errorFrame('OPENWS_ERR_SHUTTING_DOWN', REFUSED, messageName, id, undefined, seq))
  }

  protected override receiveBeforeOpen(frame: string | Uint8Array | ArrayBuffer, isBinary: boolean): void {
    if (!this.core.roleFromFirstFrame) {
      super.receiveBeforeOpen(frame, isBinary)
      return
    }
    const env = decodeEnvelope(frame, isBinary, this.core.decodeOptions)
    if (env instanceof OpenWsError) {
      this.fail(env)
      return
    }
    void this.open(env.fromRole)
    if (this.state === 'open') this.accept(env)
  }

  handleMessage(fromRole: string, messageName: string, payload: unknown, id?: EnvelopeId): Promise<void> {
    if (this.state !== 'open') {
      if (this.state === 'new') this.fail(this.protocolError('OPENWS_ERR_NOT_OPEN', 'a message arrived before open()'))
      return RESOLVED
    }
    if (fromRole !== this.role) {
      this.fail(this.roleMismatch(fromRole))
      return RESOLVED
    }
    if (typeof messageName !== 'string' || !isValidId(id)) {
      this.frameFailed(
        openwsError('OPENWS_ERR_BAD_ENVELOPE', WIRE_SUMMARIES.OPENWS_ERR_BAD_ENVELOPE, { id: isValidId(id) ? id : undefined }),
      )
      return RESOLVED
    }
    if (this.refusing) {
      this.refuse(messageName, id)
      return RESOLVED
    }
    return this.enqueue(messageName, payload, id, true) ?? RESOLVED
  }
}
