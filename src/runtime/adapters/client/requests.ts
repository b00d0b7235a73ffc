// The requests the client's `api` waits on (request/reply), as closures over one table: the same
// outcomes as the server's session/requests.ts (each request ends exactly once: its `$reply`
// validated against the reply schema, a `$error` with its id, the timeout, the AbortSignal, the
// socket closing, a failed send), in fewer bytes for the browser bundle (module-local names minify;
// a class's methods and fields do not).
import type { EnvelopeId, ErrorFramePayload } from '../../envelope/types'
import { isErrorCode, openwsError, WIRE_SUMMARIES, type ErrorCode, type OpenWsError } from '../../openws-error'
import type { Limits } from '../../limits'
import { tooDeepAt } from '../../validate/depth'
import type { Issue, Validator } from '../../validate/types'

export interface ClientRequests {
  /**
   * Checks options and the limit, then calls `write(id)`, which sends the frame and returns its
   * text. The promise settles exactly once, never synchronously.
   */
  start(name: string, validator: Validator, options: unknown, write: (id: number) => string | undefined): Promise<unknown>
  /** A `$reply`: settles its request with the validated reply. False: no such request. */
  reply(id: EnvelopeId, payload: unknown): boolean
  /** A `$error`: rejects the request with its id with the peer's code. False: no id, or no such request. */
  fail(payload: ErrorFramePayload): boolean
  /** Rejects one request (its send failed). */
  failed(id: number, code: ErrorCode, why: string): void
  /** Rejects every pending request with OPENWS_ERR_DISCONNECTED; returns the frames they were sent as. */
  rejectAll(why?: string): string[]
}

interface Pending {
  name: string
  validator: Validator
  /** On performance.now() (monotonic: a wall-clock step moves no deadline). Infinity: never. */
  deadline: number
  timeoutMs: number
  /** Settles the promise (and stops listening to the signal). */
  done: (failure: OpenWsError | undefined, value?: unknown) => void
  /** The frame text, so the client can take a request that never left out of its send queue. */
  frame: string | undefined
}

type Timer = ReturnType<typeof setTimeout> & { ref?(): void; unref?(): void }

let lastId = 0
const MAX_TIMEOUT = 2 ** 31 - 1

/** `where()`: the network and remote role named in errors (read on error paths only). */
export function clientRequests(limits: Readonly<Limits>, where: () => { network: string; role: string }): ClientRequests {
  const table = new Map<EnvelopeId, Pending>()
  // One timer for the table, armed for the earliest deadline (never one per request); unref'd
  // while the table is empty, so it never keeps a process alive.
  let timer: Timer | undefined
  let armedFor = Infinity

  const error = (code: ErrorCode, name: string, why: string, issues?: Issue[], id?: EnvelopeId): OpenWsError =>
    openwsError(code, why, { ...where(), message: name, issues, id })

  const settle = (id: EnvelopeId, failure: OpenWsError | undefined, value?: unknown): void => {
    const entry = table.get(id)
    if (entry === undefined) return
    table.delete(id)
    if (table.size === 0) timer?.unref?.()
    entry.done(failure, value)
  }

  const arm = (deadline: number): void => {
    clearTimeout(timer)
    armedFor = deadline
    timer = setTimeout(expire, Math.max(0, deadline - performance.now())) as Timer
    if (table.size === 0) timer.unref?.()
  }

  // The timer fired: times out what is due, earliest deadline first (a stable sort keeps start
  // order among equal ones), then re-arms for the next deadline.
  const expire = (): void => {
    timer = undefined
    armedFor = Infinity
    const now = performance.now()
    const due: [EnvelopeId, Pending][] = []
    let next = Infinity
    for (const item of table) {
      const deadline = item[1].deadline
      if (deadline <= now) due.push(item)
      else if (deadline < next) next = deadline
    }
    due.sort((a, b) => a[1].deadline - b[1].deadline)
    for (const [id, entry] of due) settle(id, error('OPENWS_ERR_REQUEST_TIMEOUT', entry.name, `no reply within ${entry.timeoutMs} ms`))
    // Settling may have started requests (their handlers run later): keep the earliest deadline.
    if (next < armedFor) arm(next)
  }

  return {
    start(name, validator, options, write) {
      let timeoutMs = limits.requestTimeoutMs
      let signal: AbortSignal | undefined
      if (options !== undefined) {
        if (typeof options !== 'object' || options === null) {
          return Promise.reject(error('OPENWS_ERR_INVALID_OPTION', name, 'request options must be an object'))
        }
        const ms = (options as { timeoutMs?: unknown }).timeoutMs
        signal = (options as { signal?: AbortSignal }).signal
        if (ms !== undefined && (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > MAX_TIMEOUT)) {
          return Promise.reject(error('OPENWS_ERR_INVALID_OPTION', name, `timeoutMs must be an integer from 0 to ${MAX_TIMEOUT}`))
        }
        if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.addEventListener !== 'function')) {
          return Promise.reject(error('OPENWS_ERR_INVALID_OPTION', name, 'signal must be an AbortSignal'))
        }
        if (ms !== undefined) timeoutMs = ms
        if (signal?.aborted === true) return Promise.reject(error('OPENWS_ERR_REQUEST_ABORTED', name, 'aborted before sending'))
      }
      if (table.size >= limits.maxPendingRequests) {
        return Promise.reject(error('OPENWS_ERR_TOO_MANY_REQUESTS', name, `${limits.maxPendingRequests} requests pending`))
      }
      const id = ++lastId
      return new Promise((resolve, reject) => {
        const deadline = timeoutMs > 0 ? performance.now() + timeoutMs : Infinity
        const onAbort = (): void => settle(id, error('OPENWS_ERR_REQUEST_ABORTED', name, 'the signal was aborted'))
        const done = (failure: OpenWsError | undefined, value?: unknown): void => {
          signal?.removeEventListener('abort', onAbort)
          if (failure !== undefined) reject(failure)
          else resolve(value)
        }
        const entry: Pending = { name, validator, deadline, timeoutMs, done, frame: undefined }
        table.set(id, entry)
        if (table.size === 1) timer?.ref?.()
        if (deadline < armedFor) arm(deadline)
        signal?.addEventListener('abort', onAbort, { once: true })
        entry.frame = write(id)
      })
    },

    reply(id, payload) {
      const entry = table.get(id)
      if (entry === undefined) return false
      const { validator, name } = entry
      const max = limits.maxDepth
      // A reply schema that bounds nesting within the limit refuses deeper values itself.
      const deep = (validator.depthBound ?? Infinity) > max ? tooDeepAt(payload, max) : undefined
      const issues: Issue[] | undefined =
        deep !== undefined
          ? [{ path: deep, code: 'depth', expected: max }]
          : validator.is(payload)
            ? undefined
            : validator.explain(payload, limits.maxIssues)
      settle(id, issues && error('OPENWS_ERR_REPLY_INVALID', name, WIRE_SUMMARIES.OPENWS_ERR_REPLY_INVALID, issues), payload)
      return true
    },

    fail(payload) {
      const id = payload.id
      const entry = id === undefined ? undefined : table.get(id)
      if (entry === undefined) return false
      // The peer's code is ours when it comes from the same table; an unknown one maps to INTERNAL.
      const code = isErrorCode(payload.code) ? payload.code : 'OPENWS_ERR_INTERNAL'
      settle(id!, error(code, entry.name, payload.message, payload.issues, id))
      return true
    },

    failed(id, code, why) {
      const entry = table.get(id)
      if (entry !== undefined) settle(id, error(code, entry.name, why))
    },

    rejectAll(why = 'disconnected before the reply') {
      const frames: string[] = []
      for (const [id, entry] of [...table]) {
        if (entry.frame !== undefined) frames.push(entry.frame)
        settle(id, error('OPENWS_ERR_DISCONNECTED', entry.name, why))
      }
      clearTimeout(timer)
      timer = undefined
      armedFor = Infinity
      return frames
    },
  }
}
