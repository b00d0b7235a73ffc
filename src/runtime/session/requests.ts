// The requests one connection waits on (request/reply): `api.x(payload, { timeoutMs, signal })` of a
// message with a reply schema. Every way a request ends is here, each exactly once: its `$reply`
// (validated against the reply schema), a `$error` carrying its id, the timeout, the AbortSignal,
// the connection closing, a failed send. A reply or `$error` for an id that is not pending (unknown,
// timed out, already settled) is reported as OPENWS_ERR_UNEXPECTED_REPLY and dropped, never answered.
import type { EnvelopeId, ErrorFramePayload } from '../envelope/types'
import { isErrorCode, openwsError, type ErrorCode, type OpenWsError } from '../openws-error'
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
  timer: ReturnType<typeof setTimeout> | undefined
  signal: AbortSignal | undefined
  onAbort: (() => void) | undefined
  /** The frame text, so a client can take a request that never left out of its send queue. */
  frame: string | undefined
}

/** Ids are unique in the process, so the tables of one client (session and stable API) never collide. */
let lastId = 0

export class PendingRequests {
  private readonly table = new Map<EnvelopeId, Pending>()

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
    const opts = readOptions(options)
    if (typeof opts === 'string') return Promise.reject(this.error('OPENWS_ERR_INVALID_OPTION', name, opts))
    if (opts.signal?.aborted === true)
      return Promise.reject(this.error('OPENWS_ERR_REQUEST_ABORTED', name, 'the signal was aborted before the request was sent'))
    if (this.table.size >= this.limits.maxPendingRequests) {
      return Promise.reject(
        this.error('OPENWS_ERR_TOO_MANY_REQUESTS', name, `${this.limits.maxPendingRequests} requests already wait for replies`),
      )
    }
    const id = ++lastId
    return new Promise<unknown>((resolve, reject) => {
      const entry: Pending = {
        name,
        validator,
        resolve,
        reject,
        timer: undefined,
        signal: opts.signal,
        onAbort: undefined,
        frame: undefined,
      }
      this.table.set(id, entry)
      const timeoutMs = opts.timeoutMs ?? this.limits.requestTimeoutMs
      if (timeoutMs > 0) {
        entry.timer = setTimeout(
          () => this.settle(id, this.error('OPENWS_ERR_REQUEST_TIMEOUT', name, `no reply within ${timeoutMs} ms`)),
          timeoutMs,
        )
      }
      if (opts.signal !== undefined) {
        entry.onAbort = () => this.settle(id, this.error('OPENWS_ERR_REQUEST_ABORTED', name, 'the signal was aborted'))
        opts.signal.addEventListener('abort', entry.onAbort, { once: true })
      }
      entry.frame = write(id)
    })
  }

  /** A `$reply` frame: resolves the request with the validated reply. False: no such request. */
  reply(id: EnvelopeId, payload: unknown): boolean {
    const entry = this.table.get(id)
    if (entry === undefined) return false
    const deep = tooDeepAt(payload, this.limits.maxDepth)
    if (deep !== undefined) {
      this.settle(
        id,
        this.error('OPENWS_ERR_REPLY_INVALID', entry.name, 'the reply does not match the reply schema', [
          { path: deep, code: 'depth', expected: this.limits.maxDepth },
        ]),
      )
    } else if (!entry.validator.is(payload)) {
      this.settle(
        id,
        this.error(
          'OPENWS_ERR_REPLY_INVALID',
          entry.name,
          'the reply does not match the reply schema',
          entry.validator.explain(payload, this.limits.maxIssues),
        ),
      )
    } else {
      this.settle(id, undefined, payload)
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
  rejectAll(why = 'the connection closed before the reply came'): string[] {
    const frames: string[] = []
    for (const [id, entry] of [...this.table]) {
      if (entry.frame !== undefined) frames.push(entry.frame)
      this.settle(id, this.error('OPENWS_ERR_DISCONNECTED', entry.name, why))
    }
    return frames
  }

  /** A reply or `$error` no pending request claims: reported, dropped. */
  unexpected(id: EnvelopeId | undefined, what: string): void {
    this.report(
      openwsError(
        'OPENWS_ERR_UNEXPECTED_REPLY',
        `${what} for id ${JSON.stringify(id)}, which no pending request has (unknown, timed out or settled): dropped`,
        { ...this.where(), id },
      ),
    )
  }

  private settle(id: EnvelopeId, error: OpenWsError | undefined, value?: unknown): void {
    const entry = this.table.get(id)
    if (entry === undefined) return
    this.table.delete(id)
    if (entry.timer !== undefined) clearTimeout(entry.timer)
    if (entry.onAbort !== undefined) entry.signal?.removeEventListener('abort', entry.onAbort)
    if (error !== undefined) entry.reject(error)
    else entry.resolve(value)
  }

  private error(code: ErrorCode, name: string, why: string, issues?: OpenWsError['issues'], id?: EnvelopeId): OpenWsError {
    const { network, role } = this.where()
    return openwsError(code, why, { network, role, message: name, issues, id })
  }
}

/** The options, or why they are not valid. */
function readOptions(options: unknown): RequestOptions | string {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null) return 'the request options must be an object { timeoutMs?, signal? }'
  const { timeoutMs, signal } = options as RequestOptions
  if (
    timeoutMs !== undefined &&
    (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > 2 ** 31 - 1)
  ) {
    return `timeoutMs must be an integer from 0 to ${2 ** 31 - 1}`
  }
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.addEventListener !== 'function')) {
    return 'signal must be an AbortSignal'
  }
  return { timeoutMs, signal }
}
