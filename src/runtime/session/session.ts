// The session loop: one connection, one remote role, one message at a time. This is all a client
// needs; a server's sessions (./server-session.ts) add shutdown refusals, rate limits, the role from
// the first frame and the programmatic handleMessage.
// Hot path (receive): frame text -> JSON.parse -> envelope validator -> role check -> route(slot)
// -> payload validator -> handler. Nothing is allocated on it beyond what JSON.parse returns,
// unless a handler goes async (then its promise is awaited before the next message).
import { ROUTE_UNKNOWN, type ReplyCodec } from '../artifact/types'
import { decodeEnvelope } from '../envelope/codec'
import { ERROR_MESSAGE, REPLY_MESSAGE, type EnvelopeId, type Envelope, type ErrorFramePayload } from '../envelope/types'
import { openwsError, OpenWsError, WIRE_SUMMARIES } from '../errors'
import { tooDeepAt } from '../validate/depth'
import type { Validator } from '../validate/types'
import { SessionConnection } from './connection'
import type { HandlerFn, RuntimeCore } from './core'
import { errorFrame, shortText } from './error-frame'
import { replyFrame } from './reply-frame'
import { isThenable, runHooks } from './hooks'
import { describe, SessionSink } from './peer'
import type { Resolve } from './queue'
import type { ClientSession, DisconnectFn, SendFn } from './types'

const FALSE: Promise<boolean> = Promise.resolve(false)
const TRUE: Promise<boolean> = Promise.resolve(true)
const NO_HANDLERS: readonly (HandlerFn | undefined)[] = []
const NO_ROUTE = (): number => ROUTE_UNKNOWN
const NO_REPLIES: readonly (ReplyCodec | undefined)[] = []
/** Queue entry name of a frame's `$error` waiting for its turn (the payload is a QueuedError). */
const QUEUED_ERROR = '$bad-frame'

/** A queued `$error` payload; a class so that no message payload can pass for one. */
class QueuedError {
  constructor(readonly frame: ErrorFramePayload) {}
}

export class SessionImpl extends SessionConnection implements ClientSession {
  // Resolved once at open(), so the hot path reads fields of this object only.
  private route: (messageName: string) => number = NO_ROUTE
  private validators: readonly Validator[] = []
  private readonly host: object | undefined
  private handlers: readonly (HandlerFn | undefined)[] = NO_HANDLERS
  /** slot -> reply codec of host messages that are requests. */
  private replies: readonly (ReplyCodec | undefined)[] = NO_REPLIES
  /** The running message, for reporting its failure. */
  private curName: string | undefined = undefined
  private curId: EnvelopeId | undefined = undefined
  private curSlot = -1
  private curResolve: Resolve = undefined

  // Bound once per session, not per message.
  private readonly onSettled = (value: unknown): void => this.settle(value, false)
  private readonly onRejected = (error: unknown): void => this.settle(error, true)

  constructor(core: RuntimeCore, send: SendFn, disconnect: DisconnectFn | undefined) {
    super(core, send, disconnect)
    this.host = core.host
  }

  // ---------------------------------------------------------------- open

  open(fromRole: string): Promise<boolean> {
    if (this.state !== 'new') {
      if (this.role !== undefined && this.state === 'open') {
        return Promise.reject(openwsError('OPENWS_ERR_ALREADY_OPEN', `the session is already open as "${this.role}"`))
      }
      return FALSE
    }
    const artifact = this.core.artifact
    if (typeof fromRole !== 'string' || !Object.hasOwn(artifact.inbound.route, fromRole) || !Object.hasOwn(artifact.outbound, fromRole)) {
      this.fail(this.protocolError('OPENWS_ERR_UNKNOWN_ROLE', `no remote role ${shortText(fromRole)} in the network`))
      return FALSE
    }
    this.role = fromRole
    this.route = artifact.inbound.route[fromRole]
    this.validators = artifact.inbound.validators
    this.replies = artifact.replies?.inbound ?? NO_REPLIES
    this.handlers = this.core.handlersFor(fromRole)
    this.hooks = this.core.hooksFor(fromRole)
    this.peer = artifact.outbound[fromRole](new SessionSink(this.core, fromRole, this))
    this.state = 'open'
    if (this.hooks.open.length === 0) return TRUE
    this.busy = true // messages arriving while handleOpen runs wait for it
    let r: unknown
    try {
      r = runHooks(this.hooks.open, fromRole, this.peer)
    } catch (error) {
      this.openFailed(error)
      return FALSE
    }
    if (!isThenable(r)) {
      this.settleOpen()
      return TRUE
    }
    return Promise.resolve(r).then(
      () => {
        this.settleOpen()
        return true
      },
      (error: unknown) => {
        this.openFailed(error)
        return false
      },
    )
  }

  private settleOpen(): void {
    this.busy = false
    this.afterBusy()
  }

  private openFailed(error: unknown): void {
    this.busy = false
    this.reportError(openwsError('OPENWS_ERR_INTERNAL', `handleOpen failed: ${describe(error)}`, { role: this.role, cause: error }))
    this.fail(new OpenWsError('OPENWS_ERR_INTERNAL', WIRE_SUMMARIES.OPENWS_ERR_INTERNAL))
    this.afterBusy()
  }

  // ---------------------------------------------------------------- inbound

  receive(frame: string | Uint8Array | ArrayBuffer, isBinary?: boolean): void {
    if (this.state !== 'open') {
      if (this.state === 'new') this.receiveBeforeOpen(frame, isBinary === true)
      return
    }
    const env = decodeEnvelope(frame, isBinary === true, this.core.decodeOptions)
    if (env instanceof OpenWsError) {
      this.frameFailed(env)
      return
    }
    // Only decoded when the runtime has onErrorFrame (clients): surfaced, never answered.
    if (env.messageName === ERROR_MESSAGE) {
      this.errorFrame(env.payload as ErrorFramePayload)
      return
    }
    if (env.fromRole !== this.role) {
      this.fail(this.roleMismatch(env.fromRole))
      return
    }
    if (env.messageName === REPLY_MESSAGE) {
      this.replyReceived(env.id as EnvelopeId, env.payload)
      return
    }
    this.accept(env)
  }

  /** A frame before open(): a client's session is opened before its socket delivers anything. */
  protected receiveBeforeOpen(_frame: string | Uint8Array | ArrayBuffer, _isBinary: boolean): void {
    this.fail(this.protocolError('OPENWS_ERR_NOT_OPEN', 'a frame arrived before the remote role was established'))
  }

  /** A decoded message of the connection's role, in frame order. */
  protected accept(env: Envelope): void {
    this.enqueue(env.messageName, env.payload, env.id, false)
  }

  /** A peer's `$error`: rejects the request with its id; else the runtime's onErrorFrame (clients); else reported. */
  private errorFrame(payload: ErrorFramePayload): void {
    if (this.requests.fail(payload)) return
    if (this.core.onErrorFrame === undefined) {
      this.requests.unexpected(payload.id, 'an $error')
      return
    }
    try {
      this.core.onErrorFrame(payload)
    } catch (error) {
      this.core.onInternalError(error)
    }
  }

  /** A peer's `$reply`: settles the request with its id; else the runtime's onReplyFrame (clients); else reported. */
  private replyReceived(id: EnvelopeId, payload: unknown): void {
    if (this.requests.reply(id, payload)) return
    let claimed: boolean
    try {
      claimed = this.core.onReplyFrame?.(id, payload) === true
    } catch (error) {
      this.core.onInternalError(error)
      return
    }
    if (!claimed) this.requests.unexpected(id, 'a $reply')
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

  /** Dispatches now when idle, else queues. Returns a promise only when `wantPromise` and not done synchronously. */
  protected enqueue(name: string, payload: unknown, id: EnvelopeId | undefined, wantPromise: boolean): Promise<void> | undefined {
    if (this.busy) {
      if (this.queue.size >= this.core.limits.maxQueuedMessages) {
        this.fail(this.protocolError('OPENWS_ERR_QUEUE_FULL', `more than ${this.core.limits.maxQueuedMessages} messages are waiting`))
        return undefined
      }
      if (!wantPromise) {
        this.queue.push(name, payload, id, undefined)
        return undefined
      }
      return new Promise<void>((resolve) => this.queue.push(name, payload, id, resolve))
    }
    this.dispatch(name, payload, id)
    if (this.busy) return wantPromise ? new Promise<void>((resolve) => (this.curResolve = resolve)) : undefined
    // Messages queued by a re-entrant call, or a close requested by the handler, run now.
    if (this.queue.size !== 0 || this.closeHookStart !== undefined) this.afterBusy()
    return undefined
  }

  /** Route, validate, invoke. Sets `busy` when the handler returned a promise. */
  private dispatch(name: string, payload: unknown, id: EnvelopeId | undefined): void {
    const slot = this.route(name)
    if (slot < 0) {
      if (slot === ROUTE_UNKNOWN)
        this.sendError('OPENWS_ERR_UNKNOWN_MESSAGE', `the host role "${this.core.hostRole}" has no message of that name`, name, id)
      else this.sendError('OPENWS_ERR_SENDER_NOT_ALLOWED', `role "${this.role}" may not send this message`, name, id)
      return
    }
    const validator = this.validators[slot]
    const limit = this.core.limits.maxDepth
    // A validator whose schema bounds nesting within the limit refuses deeper values itself (its
    // issues then say why), so only the other slots walk the payload (validate/depth-bound.ts).
    if ((validator.depthBound ?? Infinity) > limit) {
      const deep = tooDeepAt(payload, limit)
      if (deep !== undefined) {
        this.sendError('OPENWS_ERR_INVALID_PAYLOAD', WIRE_SUMMARIES.OPENWS_ERR_INVALID_PAYLOAD, name, id, [
          { path: deep, code: 'depth', expected: limit },
        ])
        return
      }
    }
    if (!validator.is(payload)) {
      this.sendError(
        'OPENWS_ERR_INVALID_PAYLOAD',
        WIRE_SUMMARIES.OPENWS_ERR_INVALID_PAYLOAD,
        name,
        id,
        validator.explain(payload, this.core.limits.maxIssues),
      )
      return
    }
    const handler = this.handlers[slot]
    if (handler === undefined) {
      this.sendError('OPENWS_ERR_MISSING_HANDLER', `no handler for messages from "${this.role}"`, name, id)
      return
    }
    this.busy = true // a handler re-entering this session queues behind itself
    let r: unknown
    try {
      r = handler.call(this.host, payload, this.peer as object)
    } catch (error) {
      this.handlerFailed(error, name, id)
      this.busy = false
      return
    }
    if (isThenable(r)) {
      this.curName = name
      this.curId = id
      this.curSlot = slot
      r.then(this.onSettled, this.onRejected)
      return
    }
    this.busy = false
    this.answer(slot, name, id, r)
  }

  /**
   * A handler's return value is the reply when its message has a reply schema and the frame an id
   * (a frame without one is a one-way send: nothing is answered). An invalid reply is reported to
   * handleError and answered with `$error` OPENWS_ERR_REPLY_INVALID (issues only with exposeErrors).
   */
  private answer(slot: number, name: string, id: EnvelopeId | undefined, value: unknown): void {
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

  /** The running handler's promise settled with `outcome`: its value, or (failed) its rejection. */
  private settle(outcome: unknown, failed: boolean): void {
    const name = this.curName as string
    const id = this.curId
    const slot = this.curSlot
    const resolve = this.curResolve
    this.curName = this.curId = this.curResolve = undefined
    this.curSlot = -1
    this.busy = false
    if (failed) this.handlerFailed(outcome, name, id)
    else if (this.state === 'open') this.answer(slot, name, id, outcome)
    if (resolve !== undefined) resolve()
    this.afterBusy()
  }

  /** Runs waiting messages until one goes async; then idle waiters or the pending close hook. */
  private afterBusy(): void {
    const q = this.queue
    while (!this.busy && q.take()) {
      const resolve = q.resolve
      if (this.state === 'open') {
        if (q.name === QUEUED_ERROR && q.payload instanceof QueuedError) this.sendErrorFrame(q.payload.frame)
        else this.dispatch(q.name, q.payload, q.id)
      }
      if (this.busy) this.curResolve = resolve
      else if (resolve !== undefined) resolve()
    }
    if (this.busy) return
    if (this.closeHookStart !== undefined) this.closeHookStart()
    else this.wakeIdle()
  }

  private handlerFailed(error: unknown, name: string, id: EnvelopeId | undefined): void {
    // An awaited api.typo(...) is reported under its own code (the handler's bug, named precisely);
    // the peer is told only that its message's handler failed.
    const outboundUnknown = error instanceof OpenWsError && error.code === 'OPENWS_ERR_OUTBOUND_UNKNOWN'
    this.reportError(
      outboundUnknown
        ? error
        : openwsError('OPENWS_ERR_HANDLER_FAILED', `the handler threw: ${describe(error)}`, {
            network: this.core.networkName,
            role: this.role,
            message: name,
            cause: error,
          }),
    )
    const summary = WIRE_SUMMARIES.OPENWS_ERR_HANDLER_FAILED
    this.sendError('OPENWS_ERR_HANDLER_FAILED', this.core.exposeErrors ? `${summary}: ${describe(error)}` : summary, name, id)
  }

  protected roleMismatch(claimed: unknown): OpenWsError {
    return this.protocolError('OPENWS_ERR_ROLE_MISMATCH', `the frame claims role ${shortText(claimed)} on a "${this.role}" connection`)
  }
}
