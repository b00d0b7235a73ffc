// A server's session: the message loop (./session.ts) plus what only a server needs: shutdown
// refusals (drain), the rate limit (limits.maxMessagesPerSecond), the remote role from the first
// frame (roleFromFirstFrame) and the programmatic handleMessage. runtime() makes these; the
// client's runtime makes plain loops, so a browser bundle carries none of this.
import { decodeEnvelope, isValidId } from '../envelope/codec'
import type { Envelope, EnvelopeId } from '../envelope/types'
import { openwsError, OpenWsError, WIRE_SUMMARIES } from '../openws-error'
import { errorFrame } from './error-frame'
import { RESOLVED } from './peer'
import { SessionImpl } from './session'
import { bucketFor, type TokenBucket } from './token-bucket'
import type { RuntimeCore } from './runtime-core'
import type { DisconnectFn, SendFn, Session } from './types'

const REFUSED = 'the server is shutting down: the frame was not handled'

export class ServerSession extends SessionImpl implements Session {
  /** Frames given to receive(), for the `seq` of shutdown refusals. */
  private received = 0
  /** Set by drain(): later frames are refused with OPENWS_ERR_SHUTTING_DOWN. */
  private refusing = false
  /** limits.maxMessagesPerSecond; undefined when there is none. */
  private readonly bucket: TokenBucket | undefined

  constructor(core: RuntimeCore, send: SendFn, disconnect: DisconnectFn | undefined) {
    super(core, send, disconnect)
    this.bucket = bucketFor(core.limits, Date.now())
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
    if (this.refusing)
      this.answerInOrder(errorFrame('OPENWS_ERR_SHUTTING_DOWN', REFUSED, env.messageName, env.id, undefined, this.received))
    else super.accept(env)
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
      this.answerInOrder(errorFrame('OPENWS_ERR_SHUTTING_DOWN', REFUSED, messageName, id))
      return RESOLVED
    }
    return this.enqueue(messageName, payload, id, true) ?? RESOLVED
  }
}
