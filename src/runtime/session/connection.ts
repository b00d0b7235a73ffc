// The connection side of a session: state, `$error` frames, error reporting, disconnect, close
// and idle. The answers to a peer (session-answers.ts) and the message loop (session.ts) extend it; the split keeps each file to one concern.
import { ERROR_MESSAGE, REPLY_MESSAGE, type EnvelopeId, type ErrorFramePayload } from '../envelope/types'
import { openwsError, type ErrorCode, type OpenWsError } from '../openws-error'
import type { Issue } from '../validate/types'
import type { Groups } from '../groups/groups'
import type { RuntimeCore } from './runtime-core'
import { errorFrame } from './error-frame'
import { isThenable, runHooks, type RoleHooks } from './hooks'
import { guardedSend, RESOLVED, sendFailedError } from './peer'
import { InboundQueue } from './queue'
import type { DisconnectFn, SendFn, Session } from './types'

export abstract class SessionConnection {
  role: string | undefined = undefined
  peer: object | undefined = undefined
  state: Session['state'] = 'new'

  protected hooks: RoleHooks | undefined = undefined
  /** A handler, the open hook or the close hook is running; messages wait in the queue. */
  protected busy = false
  protected readonly queue = new InboundQueue()
  /** Set once a close started: no more `$error` frames, no more sends. */
  protected disconnected = false
  /** Runs the close hook; set by close() while something is still running. */
  protected closeHookStart: (() => void) | undefined = undefined
  private closeHookDone: Promise<void> | undefined = undefined
  private closeFinished = false
  private idleWaiters: (() => void)[] | undefined = undefined

  protected readonly onSendFailure = (error: unknown, messageName: string): void =>
    this.reportError(sendFailedError(this.core, error, messageName))

  constructor(
    protected readonly core: RuntimeCore,
    protected readonly sendFn: SendFn,
    private readonly disconnectFn: DisconnectFn | undefined,
  ) {}

  /** The connection is closing: a server's session rejects the requests it sent (a client's peer is its stable `api`). */
  protected dropRequests(): void {}

  /** Writes a handler's reply (the frame from replyFrame). Dropped once a close started. */
  protected sendReplyFrame(value: unknown, id: EnvelopeId, frame: string): void {
    if (this.disconnected) return
    guardedSend(this.sendFn, this.core.hostRole, REPLY_MESSAGE, value, id, this.onSendFailure, frame)
  }

  protected sendError(code: ErrorCode, message: string, messageName?: string, id?: EnvelopeId, issues?: Issue[]): void {
    this.sendErrorFrame(errorFrame(code, message, messageName, id, issues))
  }

  protected sendErrorFrame(payload: ErrorFramePayload): void {
    if (this.disconnected) return // the peer is gone or going; nobody reads it
    guardedSend(this.sendFn, this.core.hostRole, ERROR_MESSAGE, payload, undefined, this.onSendFailure)
  }

  protected protocolError(code: ErrorCode, what: string): OpenWsError {
    return openwsError(code, what, { network: this.core.networkName })
  }

  /** An error on the connection: `$error` frame; plus a close when the error has a close code. */
  protected fail(error: OpenWsError): void {
    if (this.state === 'closing' || this.state === 'closed') return
    this.sendError(error.code, error.message, error.messageName, error.id, error.issues)
    if (error.closeCode !== undefined) this.terminate(error.closeCode, error.code)
  }

  /** Reports to handleError/onError; without such hooks (or before open) to onInternalError. */
  protected reportError(error: unknown): void {
    const hooks = this.hooks
    if (hooks === undefined || hooks.error.length === 0 || this.role === undefined) {
      this.core.onInternalError(error)
      return
    }
    try {
      const r = runHooks(hooks.error, this.role, this.peer as object, error)
      if (isThenable(r)) Promise.resolve(r).catch(this.core.onInternalError)
    } catch (hookError) {
      this.core.onInternalError(hookError)
    }
  }

  error(err: unknown): void {
    if (this.state === 'closed') return
    this.reportError(err)
  }

  /** Starts closing once: stops dispatch, calls `disconnect(code, reason)`, then `close()`. */
  terminate(code: number, reason: string): boolean {
    if (this.disconnected || this.state === 'closed') return false
    this.disconnected = true
    if (this.state === 'open' || this.state === 'new') this.state = 'closing'
    const fn = this.disconnectFn
    if (fn !== undefined) {
      try {
        const r = fn(code, reason)
        if (isThenable(r)) Promise.resolve(r).catch(this.core.onInternalError)
      } catch (error) {
        this.core.onInternalError(error)
      }
    }
    void this.close()
    return true
  }

  close(): Promise<void> {
    if (this.closeHookDone !== undefined) return this.closeHookDone
    const opened = this.role !== undefined
    this.state = 'closed'
    this.disconnected = true
    this.queue.drop()
    this.dropRequests()
    if (!opened) {
      this.closeFinished = true
      this.wakeIdle()
      return (this.closeHookDone = RESOLVED)
    }
    this.closeHookDone = new Promise<void>((resolve) => {
      this.closeHookStart = () => {
        this.closeHookStart = undefined
        this.busy = true // nothing else runs once closed; keeps afterBusy from re-entering
        let r: unknown
        try {
          r = runHooks((this.hooks as RoleHooks).close, this.role as string, this.peer as object)
        } catch (error) {
          this.core.onInternalError(error)
        }
        const done = () => {
          // It leaves its groups once handleClose ran (which may still read them and tell the others).
          // (Only a server's runtime has groups, and its sessions are MemberTargets.)
          this.core.groups?.forget(this as unknown as Parameters<Groups['forget']>[0])
          this.closeFinished = true
          this.wakeIdle()
          resolve()
        }
        if (isThenable(r)) Promise.resolve(r).then(done, (error: unknown) => (this.core.onInternalError(error), done()))
        else done()
      }
    })
    if (!this.busy) this.closeHookStart?.()
    return this.closeHookDone
  }

  /** Whether work is running or waiting (for the harness; not part of Session). */
  pending(): boolean {
    return !this.closeFinished && (this.busy || this.closeHookStart !== undefined || this.queue.size !== 0)
  }

  idle(): Promise<void> {
    if (this.closeFinished) return RESOLVED
    if (!this.busy && this.closeHookStart === undefined && this.queue.size === 0) return RESOLVED
    return new Promise<void>((resolve) => (this.idleWaiters ??= []).push(resolve))
  }

  protected wakeIdle(): void {
    const waiters = this.idleWaiters
    if (waiters === undefined) return
    this.idleWaiters = undefined
    for (const w of waiters) w()
  }
}
