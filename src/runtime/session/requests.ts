// The requests one connection waits on (request/reply): `api.x(payload, { timeoutMs, signal })` of a
// message with a reply schema. Every way a request ends is here, each exactly once: its `$reply`
// (validated against the reply schema), a `$error` carrying its id, the timeout, the AbortSignal,
// the connection closing, a failed send. A reply or `$error` for an id that is not pending (unknown,
// timed out, already settled) is reported as OPENWS_ERR_UNEXPECTED_REPLY and dropped, never answered.
import type { EnvelopeId, ErrorFramePayload } from '../envelope/types'
import { isErrorCode, openwsError, WIRE_SUMMARIES, type ErrorCode, type OpenWsError } from '../openws-error'
import type { Limits } from '../limits'
import { tooDeepAt } from '../validate/depth'
import type { Validator } from '../validate/types'

/** The second argument of `api.x()` for a message with a reply. */
export interface RequestOptions {
  /** Rejects with OPENWS_ERR_REQUEST_TIMEOUT after this many ms; 0: never. Default `limits.requestTimeoutMs`. */
  timeoutMs?: number
  /** Rejects with OPENWS_ERR_REQUEST_ABORTED when it fires; an aborted signal sends nothing. */
  signal?: AbortSignal
}

interface Pending {
  readonly name: string
  readonly validator: Validator
  readonly resolve: (value: unknown) => void
  readonly reject: (error: OpenWsError) => void
  /** When it times out, on performance.now(): monotonic, so a wall-clock step moves no deadline. Infinity: never. */
  readonly deadline: number
  readonly timeoutMs: number
  readonly signal: AbortSignal | undefined
  onAbort: (() => void) | undefined
  /** The frame text, so a client can take a request that never left out of its send queue. */
  frame: string | undefined
}

/** Ids are unique in the process, so the tables of one client (session and stable API) never collide. */
let lastId = 0

export class PendingRequests {
  private readonly table = new Map<EnvelopeId, Pending>()
  /**
   * One timer per table, armed for the earliest deadline (never one per request). Settling a
   * request does not touch it: when it fires it times out what is due and re-arms for the next
   * deadline. While the table is empty it is unref'd, so it never keeps a process alive.
   */
  private timer: ReturnType<typeof setTimeout> | undefined
  /** The deadline the timer is armed for; Infinity: no timer. */
  private armedFor = Infinity
  private readonly onTimer = (): void => this.expire()

  constructor(
    private readonly limits: Readonly<Limits>,
    private readonly where: () => { network: string; role: string | undefined },
    /** Where unexpected replies are reported (the session's error hook, or onInternalError). */
    private readonly report: (error: OpenWsError) => void,
  ) {}

  get size(): number {
    return this.table.size
  }

  /**
   * Starts a request: checks options and the limit, then calls `write(id)` to send the frame
   * (`write` returns the frame text, or a promise of whether sending failed is not awaited here).
   * The returned promise settles exactly once; it never settles synchronously.
   */
  start(name: string, validator: Validator, options: unknown, write: (id: number) => string | undefined): Promise<unknown> {
    let timeoutMs = this.limits.requestTimeoutMs
    let signal: AbortSignal | undefined
    if (options !== undefined) {
      if (typeof options !== 'object' || options === null) {
        return Promise.reject(this.error('OPENWS_ERR_INVALID_OPTION', name, 'request options must be an object'))
      }
      const given = options as RequestOptions
      const ms = given.timeoutMs
      signal = given.signal
      const why = invalidOptions(ms, signal)
      if (why !== undefined) return Promise.reject(this.error('OPENWS_ERR_INVALID_OPTION', name, why))
      if (ms !== undefined) timeoutMs = ms
      if (signal?.aborted === true) return Promise.reject(this.error('OPENWS_ERR_REQUEST_ABORTED', name, 'aborted before sending'))
    }
    if (this.table.size >= this.limits.maxPendingRequests) {
      return Promise.reject(this.error('OPENWS_ERR_TOO_MANY_REQUESTS', name, `${this.limits.maxPendingRequests} requests pending`))
    }
    const id = ++lastId
    return new Promise<unknown>((resolve, reject) => {
      const deadline = timeoutMs > 0 ? performance.now() + timeoutMs : Infinity
      const entry: Pending = { name, validator, resolve, reject, deadline, timeoutMs, signal, onAbort: undefined, frame: undefined }
      this.table.set(id, entry)
      if (this.table.size === 1) this.timer?.ref?.()
      if (deadline < this.armedFor) this.arm(deadline)
      if (signal !== undefined) {
        entry.onAbort = () => this.settle(id, this.error('OPENWS_ERR_REQUEST_ABORTED', name, 'the signal was aborted'))
        signal.addEventListener('abort', entry.onAbort, { once: true })
      }
      entry.frame = write(id)
    })
  }

  /** A `$reply` frame: resolves the request with the validated reply. False: no such request. */
  reply(id: EnvelopeId, payload: unknown): boolean {
    const entry = this.table.get(id)
    if (entry === undefined) return false
    // A reply schema that bounds nesting within the limit refuses deeper values itself (its issues
    // then say why): only the others walk the reply first (validate/depth-bound.ts).
    const deep = (entry.validator.depthBound ?? Infinity) > this.limits.maxDepth ? tooDeepAt(payload, this.limits.maxDepth) : undefined
    if (deep !== undefined) {
      this.settle(
        id,
        this.error('OPENWS_ERR_REPLY_INVALID', entry.name, WIRE_SUMMARIES.OPENWS_ERR_REPLY_INVALID, [
          { path: deep, code: 'depth', expected: this.limits.maxDepth },
        ]),
      )
    } else if (!entry.validator.is(payload)) {
      this.settle(
        id,
        this.error(
          'OPENWS_ERR_REPLY_INVALID',
          entry.name,
          WIRE_SUMMARIES.OPENWS_ERR_REPLY_INVALID,
          entry.validator.explain(payload, this.limits.maxIssues),
        ),
      )
    } else {
      this.settle(id, undefined, payload, entry)
    }
    return true
  }

  /** A `$error` frame: rejects the request with its id with the peer's code. False: no id, or no such request. */
  fail(payload: ErrorFramePayload): boolean {
    const id = payload.id
    if (id === undefined || !this.table.has(id)) return false
    const entry = this.table.get(id) as Pending
    // The peer's code is ours when it comes from the same table; an unknown one maps to INTERNAL.
    const code = isErrorCode(payload.code) ? payload.code : 'OPENWS_ERR_INTERNAL'
    this.settle(id, this.error(code, entry.name, payload.message, payload.issues, id))
    return true
  }

  /** Rejects one request (its send failed). */
  failed(id: number, code: ErrorCode, why: string): void {
    const entry = this.table.get(id)
    if (entry !== undefined) this.settle(id, this.error(code, entry.name, why))
  }

  /** The connection closed: rejects every pending request; returns the frames they were sent as. */
  rejectAll(why = 'disconnected before the reply'): string[] {
    const frames: string[] = []
    for (const [id, entry] of [...this.table]) {
      if (entry.frame !== undefined) frames.push(entry.frame)
      this.settle(id, this.error('OPENWS_ERR_DISCONNECTED', entry.name, why))
    }
    this.disarm()
    return frames
  }

  /** A reply or `$error` no pending request claims: reported, dropped. */
  unexpected(id: EnvelopeId | undefined, what: string): void {
    const { network, role } = this.where()
    this.report(unexpectedReply(network, role, id, what))
  }

  private settle(id: EnvelopeId, error: OpenWsError | undefined, value?: unknown, entry = this.table.get(id)): void {
    if (entry === undefined) return
    this.table.delete(id)
    if (this.table.size === 0) this.timer?.unref?.()
    if (entry.onAbort !== undefined) entry.signal?.removeEventListener('abort', entry.onAbort)
    if (error !== undefined) entry.reject(error)
    else entry.resolve(value)
  }

  private arm(deadline: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.armedFor = deadline
    this.timer = setTimeout(this.onTimer, Math.max(0, deadline - performance.now()))
    if (this.table.size === 0) this.timer.unref?.()
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    this.armedFor = Infinity
  }

  /** The timer fired: times out every request that is due, earliest deadline first, then re-arms. */
  private expire(): void {
    this.timer = undefined
    this.armedFor = Infinity
    const now = performance.now()
    let due: [EnvelopeId, Pending][] | undefined
    let next = Infinity
    for (const item of this.table) {
      const deadline = item[1].deadline
      if (deadline <= now) (due ??= []).push(item)
      else if (deadline < next) next = deadline
    }
    if (due !== undefined) {
      // Map order is start order: a stable sort keeps it among equal deadlines.
      due.sort((a, b) => a[1].deadline - b[1].deadline)
      for (const [id, entry] of due) {
        this.settle(id, this.error('OPENWS_ERR_REQUEST_TIMEOUT', entry.name, `no reply within ${entry.timeoutMs} ms`))
      }
    }
    // Settling may have started (or the rejections' handlers may yet start) requests: keep the earliest.
    if (next < this.armedFor) this.arm(next)
  }

  private error(code: ErrorCode, name: string, why: string, issues?: OpenWsError['issues'], id?: EnvelopeId): OpenWsError {
    const { network, role } = this.where()
    return openwsError(code, why, { network, role, message: name, issues, id })
  }
}

/** The error reported for a reply or `$error` no pending request claims (it is dropped). */
export function unexpectedReply(network: string, role: string | undefined, id: EnvelopeId | undefined, what: string): OpenWsError {
  return openwsError('OPENWS_ERR_UNEXPECTED_REPLY', `${what} for id ${JSON.stringify(id)} matches no pending request: dropped`, {
    network,
    role,
    id,
  })
}

/** Why `timeoutMs`/`signal` are not valid request options; undefined when they are. */
function invalidOptions(timeoutMs: unknown, signal: unknown): string | undefined {
  if (
    timeoutMs !== undefined &&
    (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > 2 ** 31 - 1)
  ) {
    return `timeoutMs must be an integer from 0 to ${2 ** 31 - 1}`
  }
  if (
    signal !== undefined &&
    (typeof signal !== 'object' || signal === null || typeof (signal as AbortSignal).addEventListener !== 'function')
  ) {
    return 'signal must be an AbortSignal'
  }
  return undefined
}
