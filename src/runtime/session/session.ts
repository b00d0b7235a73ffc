// The session loop: one connection, one remote role, one message at a time. This is all a client
// needs; a server's sessions (./server-session.ts) add shutdown refusals, rate limits, the role from
// the first frame and the programmatic handleMessage.
// Hot path (receive): frame text -> JSON.parse -> envelope validator -> role check -> route(slot)
// -> payload validator -> handler. Nothing is allocated on it beyond what JSON.parse returns,
// unless a handler goes async (then its promise is awaited before the next message).
import { ROUTE_UNKNOWN } from '../artifact/types'
import { decodeEnvelope } from '../envelope/codec'
import { ERROR_MESSAGE, REPLY_MESSAGE, type EnvelopeId, type Envelope, type ErrorFramePayload } from '../envelope/types'
import { openwsError, OpenWsError, WIRE_SUMMARIES } from '../openws-error'
import { tooDeepAt } from '../validate/depth'
import type { Validator } from '../validate/types'
import type { HandlerFn, RuntimeCore } from './runtime-core'
import { NO_REPLIES, QUEUED_ERROR, QueuedError, SessionAnswers } from './session-answers'
import { shortText } from './error-frame'
import { isThenable, runHooks } from './hooks'
import { thrownMessage } from './peer'
import type { Resolve } from './queue'
import type { ClientSession, DisconnectFn, SendFn } from './types'

const FALSE: Promise<boolean> = Promise.resolve(false)
const TRUE: Promise<boolean> = Promise.resolve(true)
const NO_HANDLERS: readonly (HandlerFn | undefined)[] = []
const NO_ROUTE = (): number => ROUTE_UNKNOWN

export class SessionImpl extends SessionAnswers implements ClientSession {
  // Resolved once at open(), so the hot path reads fields of this object only.
  private route: (messageName: string) => number = NO_ROUTE
  private validators: readonly Validator[] = []
  private readonly host: object | undefined
  private handlers: readonly (HandlerFn | undefined)[] = NO_HANDLERS
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
    const known =
      typeof fromRole === 'string' && Object.hasOwn(artifact.inbound.route, fromRole) && Object.hasOwn(artifact.outbound, fromRole)
    const route = known ? artifact.inbound.route[fromRole] : undefined
    const outbound = known ? artifact.outbound[fromRole] : undefined
    if (route === undefined || outbound === undefined) {
      this.fail(this.protocolError('OPENWS_ERR_UNKNOWN_ROLE', `no remote role ${shortText(fromRole)} in the network`))
      return FALSE
    }
    this.role = fromRole
    this.route = route
    this.validators = artifact.inbound.validators
    this.replies = artifact.replies?.inbound ?? NO_REPLIES
    this.handlers = this.core.handlersFor(fromRole)
    this.hooks = this.core.hooksFor(fromRole)
    this.peer = this.core.peerFor(fromRole, this)
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
    this.reportError(openwsError('OPENWS_ERR_INTERNAL', `handleOpen failed: ${thrownMessage(error)}`, { role: this.role, cause: error }))
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
    const validator = this.validators[slot]! // route() returns slots of this.validators only (hot path: no check)
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
}
