// The client's runtime: set-up, the stable api's sink and the message loop of one socket, written
// for the client alone as closures (a browser bundle pays for every property name of a class, and
// for none of a closure's locals). It decides as the shared loop (session/session.ts with
// connection.ts and session-answers.ts, which servers keep using) decides for a client: one
// remote role, no drain, no rate limit, no role from a first frame, no groups, no exposeErrors;
// the server's `$error` frames and the replies to the api's requests go to the client.
// test/adapters/client-loop.test.ts replays the same frames through both and compares.
import { PEER_SINK, ROUTE_UNKNOWN, type CompiledArtifact } from '../../artifact/types'
import type { BindingsCore } from '../../contract/types'
import { decodeEnvelope, encodeEnvelope } from '../../envelope/codec'
import { ERROR_MESSAGE, REPLY_MESSAGE, type EnvelopeId, type ErrorFramePayload } from '../../envelope/types'
import { resolveLimits, type Limits } from '../../limits'
import { OpenWsError, openwsError, WIRE_SUMMARIES, type ErrorCode } from '../../openws-error'
import { errorFrame, shortText } from '../../session/error-frame'
import { isThenable, resolveHooks, runHooks, type RoleHooks } from '../../session/hooks'
import { BaseSink, guardedSend, RESOLVED, sendFailedError, thrownMessage } from '../../session/peer'
import { replyFrame, withId } from '../../session/reply-frame'
import { checkMethodRoutes, makeHost, pickArtifact, resolveHandlers } from '../../session/runtime'
import type { HandlerFn, RuntimeCore } from '../../session/runtime-core'
import type { ClientSession, DisconnectFn, SendFn, SessionRuntime } from '../../session/types'
import { tooDeepAt } from '../../validate/depth'
import type { Issue } from '../../validate/types'
import { clientRequests, type ClientRequests } from './requests'

export interface ClientRuntimeOptions {
  limits: Partial<Limits> | undefined
  host: object | undefined
  onInternalError: (error: unknown) => void
  /** The server's `$error` frames: never dispatched, never answered. */
  onErrorFrame: (payload: ErrorFramePayload) => void
  /** `$reply` frames; true when they answer a pending request (else OPENWS_ERR_UNEXPECTED_REPLY is reported). */
  onReplyFrame: (id: EnvelopeId, payload: unknown) => boolean
}

const FALSE = Promise.resolve(false)
const TRUE = Promise.resolve(true)

/** The sink of `createPeer` (the client's stable api): requests live in its table. */
export class ClientSink extends BaseSink {
  readonly requests: ClientRequests
  readonly #sendFn: SendFn
  readonly #disconnectFn: DisconnectFn | undefined
  #closed = false
  /** Set by refuseRequests(): requests reject at once; one-way sends still go out. */
  #refusing = false

  constructor(core: RuntimeCore, remoteRole: string, sendFn: SendFn, disconnectFn: DisconnectFn | undefined) {
    super(core, remoteRole)
    this.#sendFn = sendFn
    this.#disconnectFn = disconnectFn
    this.requests = clientRequests(core.limits, () => ({ network: core.networkName, role: remoteRole }))
  }

  send(name: string, payload: unknown, frame?: string, options?: unknown): Promise<unknown> {
    const { core, requests } = this
    const sendFn = this.#sendFn
    const hostRole = core.hostRole
    const failed = (error: unknown): void => core.onInternalError(sendFailedError(core, error, name))
    const reply = this.replyOf(name)
    if (reply === undefined) return this.#closed ? RESOLVED : guardedSend(sendFn, hostRole, name, payload, undefined, failed, frame)
    if (this.#closed || this.#refusing) {
      return Promise.reject(
        openwsError('OPENWS_ERR_DISCONNECTED', 'the peer was disconnected', { network: core.networkName, message: name }),
      )
    }
    return requests.start(name, reply, options, (id) => {
      const notSent = (error: unknown): void => {
        failed(error)
        requests.failed(id, 'OPENWS_ERR_SEND_FAILED', `the request was not sent: ${thrownMessage(error)}`)
      }
      let text: string | undefined
      try {
        text = frame !== undefined ? withId(frame, id) : encodeEnvelope(hostRole, name, payload, id)
        const r = sendFn(hostRole, name, payload, id, text)
        if (isThenable(r)) Promise.resolve(r).catch(notSent)
      } catch (error) {
        notSent(error)
      }
      return text
    })
  }

  /** Rejects what is pending and every later request with OPENWS_ERR_DISCONNECTED (a closed client). */
  refuseRequests(why: string): void {
    this.#refusing = true
    this.requests.rejectAll(why)
  }

  disconnect(code: number, reason: string): boolean {
    if (this.#closed) return false
    this.#closed = true
    this.requests.rejectAll()
    callGuarded(this.core.onInternalError, this.#disconnectFn, code, reason)
    return true
  }
}

/** Calls `fn(code, reason)` when given; a throw or a rejection goes to `report`. */
function callGuarded(report: (error: unknown) => void, fn: DisconnectFn | undefined, code: number, reason: string): void {
  try {
    const r = fn?.(code, reason)
    if (isThenable(r)) Promise.resolve(r).catch(report)
  } catch (error) {
    report(error)
  }
}

/**
 * The client's runtime of `binder`'s host role. Its sessions have no peer of their own:
 * `peerFor(role)` is what their handlers and hooks get (the client's stable `api`).
 */
export function clientRuntime(binder: BindingsCore, options: ClientRuntimeOptions, peerFor: (role: string) => object): SessionRuntime {
  const limits = Object.freeze(resolveLimits(options.limits))
  const artifact: CompiledArtifact = pickArtifact(binder, limits)
  const host = makeHost(binder, options.host)
  checkMethodRoutes(binder, host)
  const { hostRole, inbound } = artifact
  const report = options.onInternalError
  const { onErrorFrame, onReplyFrame } = options
  const { maxDepth, maxIssues, maxQueuedMessages } = limits
  const decodeOptions = { maxFrameBytes: limits.maxFrameBytes, maxIssues, validator: artifact.envelope, allowErrorFrames: true }
  const byRole = new Map<string, [readonly (HandlerFn | undefined)[], RoleHooks]>()
  // What BaseSink reads (the network is a literal a compiled artifact builds on first read: error paths only).
  const core = {
    artifact,
    hostRole,
    limits,
    onInternalError: report,
    get networkName() {
      return artifact.network.name
    },
  } as RuntimeCore

  function newSession(send: SendFn, disconnect?: DisconnectFn): ClientSession {
    if (typeof send !== 'function') throw openwsError('OPENWS_ERR_INVALID_OPTION', 'newSession(send) needs a send function')
    if (disconnect !== undefined && typeof disconnect !== 'function') {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', 'newSession(send, disconnect) needs disconnect to be a function')
    }
    let role: string | undefined
    let peer: object | undefined
    let state: ClientSession['state'] = 'new'
    let route: (name: string) => number = () => ROUTE_UNKNOWN
    let handlers: readonly (HandlerFn | undefined)[] = []
    let hooks: RoleHooks | undefined
    /** A handler, the open hook or the close hook runs; frames wait in `queue`. */
    let busy = false
    /** A close started: no more `$error` frames or replies. */
    let disconnected = false
    /** Waiting frames: [name, payload, id] of a message, or [ERROR_MESSAGE, `$error` payload, id] of an answer kept in frame order. */
    const queue: unknown[] = []
    /** Where the waiting frames start in `queue` (taking frames by splice moved the rest: quadratic). */
    let head = 0
    let running: [string, EnvelopeId | undefined, number] | undefined
    let closeHook: (() => void) | undefined
    let closeDone: Promise<void> | undefined
    let closeFinished = false
    const idleWaiters: (() => void)[] = []

    const wakeIdle = (): void => {
      for (const w of idleWaiters.splice(0)) w()
    }
    const failedSend = (error: unknown, name: string): void => reportError(sendFailedError(core, error, name))
    const sendFrame = (name: string, payload: unknown, id?: EnvelopeId, frame?: string): void => {
      if (!disconnected) void guardedSend(send, hostRole, name, payload, id, failedSend, frame)
    }
    const sendError = (code: ErrorCode, message: string, name?: string, id?: EnvelopeId, issues?: Issue[]): void =>
      sendFrame(ERROR_MESSAGE, errorFrame(code, message, name, id, issues))
    const where = (message?: string) => ({ network: core.networkName, role, message })
    /** Errors of the connection itself name the network only. */
    const protocolError = (code: ErrorCode, what: string): OpenWsError => openwsError(code, what, { network: core.networkName })

    /** handleError/onError; without such hooks (or before open) onInternalError. */
    function reportError(error: unknown): void {
      if (!hooks?.error.length || role === undefined) return report(error)
      try {
        const r = runHooks(hooks.error, role, peer!, error)
        if (isThenable(r)) Promise.resolve(r).catch(report)
      } catch (hookError) {
        report(hookError)
      }
    }

    /** An error on the connection: a `$error` frame, and a close when the error has a close code. */
    function fail(error: OpenWsError): void {
      if (state === 'closing' || state === 'closed') return
      sendError(error.code, error.message, error.messageName, error.id, error.issues)
      if (error.closeCode !== undefined && !disconnected) {
        disconnected = true
        state = 'closing'
        callGuarded(report, disconnect, error.closeCode, error.code)
        void close()
      }
    }

    /** Queues a frame behind the running work (the queue is empty whenever nothing runs). */
    const wait = (name: string, payload: unknown, id?: EnvelopeId): void => {
      if (queue.length - head < maxQueuedMessages * 3) queue.push(name, payload, id)
      else fail(protocolError('OPENWS_ERR_QUEUE_FULL', `more than ${maxQueuedMessages} messages are waiting`))
    }

    function open(fromRole: string): Promise<boolean> {
      if (state !== 'new') {
        return role !== undefined && state === 'open'
          ? Promise.reject(openwsError('OPENWS_ERR_ALREADY_OPEN', `the session is already open as "${role}"`))
          : FALSE
      }
      const routes = inbound.route
      if (typeof fromRole !== 'string' || !Object.hasOwn(routes, fromRole) || !Object.hasOwn(artifact.outbound, fromRole)) {
        fail(protocolError('OPENWS_ERR_UNKNOWN_ROLE', `no remote role ${shortText(fromRole)} in the network`))
        return FALSE
      }
      let resolved = byRole.get(fromRole)
      if (resolved === undefined)
        byRole.set(fromRole, (resolved = [resolveHandlers(binder, artifact, host, fromRole), resolveHooks(binder, host, fromRole)]))
      role = fromRole
      route = routes[fromRole]!
      ;[handlers, hooks] = resolved
      peer = peerFor(fromRole)
      state = 'open'
      if (hooks.open.length === 0) return TRUE
      busy = true
      const opened = (): boolean => ((busy = false), afterBusy(), true)
      const failed = (error: unknown): boolean => {
        busy = false
        reportError(openwsError('OPENWS_ERR_INTERNAL', `handleOpen failed: ${thrownMessage(error)}`, { role, cause: error }))
        fail(new OpenWsError('OPENWS_ERR_INTERNAL', WIRE_SUMMARIES.OPENWS_ERR_INTERNAL))
        afterBusy()
        return false
      }
      try {
        const r = runHooks(hooks.open, fromRole, peer)
        return isThenable(r) ? Promise.resolve(r).then(opened, failed) : (opened(), TRUE)
      } catch (error) {
        failed(error)
        return FALSE
      }
    }

    function receive(frame: string | Uint8Array | ArrayBuffer, isBinary?: boolean): void {
      if (state !== 'open') {
        if (state === 'new') fail(protocolError('OPENWS_ERR_NOT_OPEN', 'a frame arrived before the remote role was established'))
        return
      }
      const env = decodeEnvelope(frame, isBinary === true, decodeOptions)
      if (env instanceof OpenWsError) {
        // Close-code errors close now; a bad envelope is answered in frame order, with the frame's id.
        if (env.closeCode !== undefined) fail(env)
        else if (busy) wait(ERROR_MESSAGE, errorFrame(env.code, env.message, env.messageName, env.id, env.issues))
        else sendError(env.code, env.message, env.messageName, env.id, env.issues)
        return
      }
      const { messageName: name, payload, id } = env
      if (name === ERROR_MESSAGE) {
        try {
          onErrorFrame(payload as ErrorFramePayload)
        } catch (error) {
          report(error)
        }
      } else if (env.fromRole !== role) {
        fail(protocolError('OPENWS_ERR_ROLE_MISMATCH', `the frame claims role ${shortText(env.fromRole)} on a "${role}" connection`))
      } else if (name === REPLY_MESSAGE) {
        let claimed: boolean
        try {
          claimed = onReplyFrame(id!, payload) === true
        } catch (error) {
          return report(error)
        }
        if (!claimed) {
          reportError(
            openwsError('OPENWS_ERR_UNEXPECTED_REPLY', `a $reply for id ${JSON.stringify(id)} matches no pending request: dropped`, {
              ...where(),
              id,
            }),
          )
        }
      } else if (busy) {
        wait(name, payload, id)
      } else {
        dispatch(name, payload, id)
        if (!busy) afterBusy()
      }
    }

    /** Route, validate, run the handler; sets `busy` while its promise is pending. */
    function dispatch(name: string, payload: unknown, id: EnvelopeId | undefined): void {
      const slot = route(name)
      if (slot < 0) {
        return slot === ROUTE_UNKNOWN
          ? sendError('OPENWS_ERR_UNKNOWN_MESSAGE', `the host role "${hostRole}" has no message of that name`, name, id)
          : sendError('OPENWS_ERR_SENDER_NOT_ALLOWED', `role "${role}" may not send this message`, name, id)
      }
      const validator = inbound.validators[slot]!
      const deep = (validator.depthBound ?? Infinity) > maxDepth ? tooDeepAt(payload, maxDepth) : undefined
      if (deep !== undefined || !validator.is(payload)) {
        return sendError(
          'OPENWS_ERR_INVALID_PAYLOAD',
          WIRE_SUMMARIES.OPENWS_ERR_INVALID_PAYLOAD,
          name,
          id,
          deep !== undefined ? [{ path: deep, code: 'depth', expected: maxDepth }] : validator.explain(payload, maxIssues),
        )
      }
      const handler = handlers[slot]
      if (handler === undefined) return sendError('OPENWS_ERR_MISSING_HANDLER', `no handler for messages from "${role}"`, name, id)
      busy = true
      let r: unknown
      try {
        r = handler.call(host, payload, peer!)
      } catch (error) {
        handlerFailed(error, name, id)
        busy = false
        return
      }
      if (isThenable(r)) {
        running = [name, id, slot]
        r.then(settled, rejected)
        return
      }
      busy = false
      answer(slot, name, id, r)
    }

    function settle(outcome: unknown, failed: boolean): void {
      const [name, id, slot] = running!
      running = undefined
      busy = false
      if (failed) handlerFailed(outcome, name, id)
      else if (state === 'open') answer(slot, name, id, outcome)
      afterBusy()
    }
    const settled = (value: unknown): void => settle(value, false)
    const rejected = (error: unknown): void => settle(error, true)

    /** Runs waiting frames until one goes async; then the pending close hook or idle waiters. */
    function afterBusy(): void {
      while (!busy && head < queue.length) {
        const name = queue[head] as string
        const payload = queue[head + 1]
        const id = queue[head + 2] as EnvelopeId | undefined
        queue[head + 1] = undefined
        // Taken frames are cut off when the queue runs empty, else once per maxQueuedMessages frames
        // (amortized O(1)), so the array holds at most 6 * maxQueuedMessages entries.
        if ((head += 3) === queue.length) queue.length = head = 0
        else if (head >= maxQueuedMessages * 3) {
          queue.splice(0, head)
          head = 0
        }
        if (state !== 'open') continue
        if (name === ERROR_MESSAGE) sendFrame(ERROR_MESSAGE, payload)
        else dispatch(name, payload, id)
      }
      if (!busy) {
        if (closeHook !== undefined) closeHook()
        else wakeIdle()
      }
    }

    /**
     * A handler's return value is the reply when its message has a reply schema and the frame an
     * id; an invalid one is reported and answered with `$error` OPENWS_ERR_REPLY_INVALID.
     */
    function answer(slot: number, name: string, id: EnvelopeId | undefined, value: unknown): void {
      const codec = artifact.replies?.inbound[slot]
      if (id === undefined || codec === undefined) return
      const out = replyFrame(hostRole, codec, id, value, limits)
      if (typeof out === 'string') return sendFrame(REPLY_MESSAGE, value, id, out)
      reportError(
        openwsError('OPENWS_ERR_REPLY_INVALID', 'the handler returned a reply that does not match the reply schema', {
          ...where(name),
          issues: out,
          id,
        }),
      )
      sendError('OPENWS_ERR_REPLY_INVALID', WIRE_SUMMARIES.OPENWS_ERR_REPLY_INVALID, name, id)
    }

    function handlerFailed(error: unknown, name: string, id: EnvelopeId | undefined): void {
      // An awaited `api.typo(...)` is reported as its own OPENWS_ERR_OUTBOUND_UNKNOWN.
      reportError(
        error instanceof OpenWsError && error.code === 'OPENWS_ERR_OUTBOUND_UNKNOWN'
          ? error
          : openwsError('OPENWS_ERR_HANDLER_FAILED', `the handler threw: ${thrownMessage(error)}`, { ...where(name), cause: error }),
      )
      sendError('OPENWS_ERR_HANDLER_FAILED', WIRE_SUMMARIES.OPENWS_ERR_HANDLER_FAILED, name, id)
    }

    /** Drops waiting frames, lets the running handler finish, then runs the close hook once. */
    function close(): Promise<void> {
      if (closeDone !== undefined) return closeDone
      state = 'closed'
      disconnected = true
      queue.length = head = 0
      if (role === undefined) {
        closeFinished = true
        wakeIdle()
        return (closeDone = RESOLVED)
      }
      closeDone = new Promise((resolve) => {
        closeHook = () => {
          closeHook = undefined
          busy = true
          const done = (): void => {
            closeFinished = true
            wakeIdle()
            resolve()
          }
          let r: unknown
          try {
            r = runHooks(hooks!.close, role!, peer!)
          } catch (error) {
            report(error)
          }
          if (isThenable(r)) Promise.resolve(r).then(done, (error: unknown) => (report(error), done()))
          else done()
        }
      })
      if (!busy) closeHook!()
      return closeDone
    }

    return {
      get role() {
        return role
      },
      get peer() {
        return peer
      },
      get state() {
        return state
      },
      open,
      receive,
      close,
      idle: () =>
        closeFinished || (!busy && closeHook === undefined && queue.length === 0)
          ? RESOLVED
          : new Promise<void>((resolve) => idleWaiters.push(resolve)),
      error(err: unknown): void {
        if (state !== 'closed') reportError(err)
      },
    }
  }

  return {
    get network() {
      return artifact.network
    },
    hostRole,
    host,
    limits,
    artifact,
    newSession,
    createPeer(remote: string, send: SendFn, disconnect?: DisconnectFn): object {
      const factory = typeof remote === 'string' && Object.hasOwn(artifact.outbound, remote) ? artifact.outbound[remote] : undefined
      if (factory === undefined) {
        throw openwsError('OPENWS_ERR_UNKNOWN_ROLE', `no remote role "${String(remote)}" in the network`, { network: core.networkName })
      }
      if (typeof send !== 'function') throw openwsError('OPENWS_ERR_INVALID_OPTION', 'createPeer(role, send) needs a send function')
      return factory(new ClientSink(core, remote, send, disconnect))
    },
  }
}

/** The sink behind an api made by a client runtime's createPeer. */
export function clientSink(api: object): ClientSink {
  return (api as { [PEER_SINK]: ClientSink })[PEER_SINK]
}
