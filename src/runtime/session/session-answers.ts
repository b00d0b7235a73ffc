// How a session answers its peer, apart from dispatch: `$error` frames in frame order (frames that
// could not be decoded, a server's shutdown refusals, failed handlers), a handler's return value as a
// `$reply`, and what becomes of the `$error` and `$reply` frames a peer sends back. The message
// loop (session.ts) extends it; the connection side (connection.ts) is below it.
import type { ReplyCodec } from '../artifact/types'
import type { EnvelopeId, ErrorFramePayload } from '../envelope/types'
import { openwsError, OpenWsError, WIRE_SUMMARIES } from '../openws-error'
import { SessionConnection } from './connection'
import { errorFrame, shortText } from './error-frame'
import { thrownMessage } from './peer'
import { replyFrame } from './reply-frame'
import { unexpectedReply } from './requests'

export const NO_REPLIES: readonly (ReplyCodec | undefined)[] = []
/** Queue entry name of a frame's `$error` waiting for its turn (the payload is a QueuedError). */
export const QUEUED_ERROR = '$bad-frame'

/** A queued `$error` payload; a class so that no message payload can pass for one. */
export class QueuedError {
  constructor(readonly frame: ErrorFramePayload) {}
}

export abstract class SessionAnswers extends SessionConnection {
  /** slot -> reply codec of host messages that are requests (set at open). */
  protected replies: readonly (ReplyCodec | undefined)[] = NO_REPLIES

  /** A peer's `$error` (a server's session first rejects its own request with that id): the runtime's onErrorFrame (clients); else reported. */
  protected errorFrame(payload: ErrorFramePayload): void {
    if (this.core.onErrorFrame === undefined) {
      this.reportError(unexpectedReply(this.core.networkName, this.role, payload.id, 'an $error'))
      return
    }
    try {
      this.core.onErrorFrame(payload)
    } catch (error) {
      this.core.onInternalError(error)
    }
  }

  /** A peer's `$reply` (a server's session first settles its own request with that id): the runtime's onReplyFrame (clients); else reported. */
  protected replyReceived(id: EnvelopeId, payload: unknown): void {
    let claimed: boolean
    try {
      claimed = this.core.onReplyFrame?.(id, payload) === true
    } catch (error) {
      this.core.onInternalError(error)
      return
    }
    if (!claimed) this.reportError(unexpectedReply(this.core.networkName, this.role, id, 'a $reply'))
  }

  /**
   * A frame that could not be decoded. Errors that close the connection (bad JSON, binary, too
   * large) close it now. The others (OPENWS_ERR_BAD_ENVELOPE) are answered in frame order: behind
   * the messages already running or waiting, like any other outcome, with the frame's id.
   */
  protected frameFailed(error: OpenWsError): void {
    if (error.closeCode !== undefined) this.fail(error)
    else this.answerInOrder(errorFrame(error.code, error.message, error.messageName, error.id, error.issues))
  }

  /** Sends an `$error` now when nothing runs or waits, else queues it behind the earlier frames. */
  protected answerInOrder(payload: ErrorFramePayload): void {
    if (!this.busy && this.queue.size === 0) {
      this.sendErrorFrame(payload)
      return
    }
    if (this.queue.size >= this.core.limits.maxQueuedMessages) {
      this.fail(this.protocolError('OPENWS_ERR_QUEUE_FULL', `more than ${this.core.limits.maxQueuedMessages} messages are waiting`))
      return
    }
    this.queue.push(QUEUED_ERROR, new QueuedError(payload), payload.id, undefined)
  }

  /**
   * A handler's return value is the reply when its message has a reply schema and the frame an id
   * (a frame without one is a one-way send: nothing is answered). An invalid reply is reported to
   * handleError and answered with `$error` OPENWS_ERR_REPLY_INVALID (issues only with exposeErrors).
   */
  protected answer(slot: number, name: string, id: EnvelopeId | undefined, value: unknown): void {
    const codec = this.replies[slot]
    if (id === undefined || codec === undefined) return
    const out = replyFrame(this.core.hostRole, codec, id, value, this.core.limits)
    if (typeof out === 'string') {
      this.sendReplyFrame(value, id, out)
      return
    }
    this.reportError(
      openwsError('OPENWS_ERR_REPLY_INVALID', 'the handler returned a reply that does not match the reply schema', {
        network: this.core.networkName,
        role: this.role,
        message: name,
        issues: out,
        id,
      }),
    )
    this.sendError('OPENWS_ERR_REPLY_INVALID', WIRE_SUMMARIES.OPENWS_ERR_REPLY_INVALID, name, id, this.core.exposeErrors ? out : undefined)
  }

  protected handlerFailed(error: unknown, name: string, id: EnvelopeId | undefined): void {
    // An awaited api.typo(...) is reported under its own code (the handler's bug, named precisely);
    // the peer is told only that its message's handler failed.
    const outboundUnknown = error instanceof OpenWsError && error.code === 'OPENWS_ERR_OUTBOUND_UNKNOWN'
    this.reportError(
      outboundUnknown
        ? error
        : openwsError('OPENWS_ERR_HANDLER_FAILED', `the handler threw: ${thrownMessage(error)}`, {
            network: this.core.networkName,
            role: this.role,
            message: name,
            cause: error,
          }),
    )
    const summary = WIRE_SUMMARIES.OPENWS_ERR_HANDLER_FAILED
    this.sendError('OPENWS_ERR_HANDLER_FAILED', this.core.exposeErrors ? `${summary}: ${thrownMessage(error)}` : summary, name, id)
  }

  protected roleMismatch(claimed: unknown): OpenWsError {
    return this.protocolError('OPENWS_ERR_ROLE_MISMATCH', `the frame claims role ${shortText(claimed)} on a "${this.role}" connection`)
  }
}
