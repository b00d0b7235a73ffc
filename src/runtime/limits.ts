// Every limit the runtime enforces, with its default, in ONE object (the `ws` habit):
// adapters and sessions read the merged result of `resolveLimits(options.limits)`.
import { openwsError } from './openws-error'

export interface Limits {
  /** Largest inbound frame, in bytes of UTF-8 (text) or raw bytes. Over it: OPENWS_ERR_FRAME_TOO_LARGE, close 1009. Default 1 MiB. */
  maxFrameBytes: number
  /**
   * Nesting levels of a payload: every inbound payload, whatever its schema, may hold objects and
   * arrays on levels 0 (the payload itself) to maxDepth - 1; validators (outbound ones too) descend
   * no deeper. Deeper: OPENWS_ERR_INVALID_PAYLOAD with an issue of code 'depth'. Default 64.
   */
  maxDepth: number
  /** Most issues reported in one `$error` frame or thrown error. Default 10. */
  maxIssues: number
  /** Most inbound messages waiting behind a running handler on one session. Over it: OPENWS_ERR_QUEUE_FULL, close 1008. Default 64. */
  maxQueuedMessages: number
  /**
   * Inbound frames per second per connection, as a token bucket refilled at this rate and holding
   * `messageBurst` tokens; every frame takes one. Without a token: OPENWS_ERR_RATE_LIMITED,
   * close 1008. Default 0: no limit.
   */
  maxMessagesPerSecond: number
  /** The bucket's size: frames a connection may send at once. Default 0: as many as maxMessagesPerSecond (at least 1). */
  messageBurst: number
  /**
   * Requests (`api.x()` of messages with a reply) waiting for their replies on one connection.
   * Over it the call rejects with OPENWS_ERR_TOO_MANY_REQUESTS and nothing is sent. Default 1024.
   */
  maxPendingRequests: number
  /** How long a request waits for its reply unless the call gives `timeoutMs`; 0: forever. Default 30 000 ms. */
  requestTimeoutMs: number
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFrameBytes: 1024 * 1024,
  maxDepth: 64,
  maxIssues: 10,
  maxQueuedMessages: 64,
  maxMessagesPerSecond: 0,
  messageBurst: 0,
  maxPendingRequests: 1024,
  requestTimeoutMs: 30_000,
})

/** Upper bounds that make a limit nonsensical rather than merely generous. */
const MAX_VALUE: Readonly<Limits> = {
  maxFrameBytes: 2 ** 31 - 1,
  maxDepth: 10_000,
  maxIssues: 1000,
  maxQueuedMessages: 1_000_000,
  maxMessagesPerSecond: 1_000_000,
  messageBurst: 1_000_000,
  maxPendingRequests: 1_000_000,
  requestTimeoutMs: 2 ** 31 - 1,
}

/** Smallest useful value per limit: a frame must fit `{"fromRole":"a","messageName":"b","payload":0}`. */
const MIN_VALUE: Readonly<Limits> = {
  maxFrameBytes: 64,
  maxDepth: 1,
  maxIssues: 1,
  maxQueuedMessages: 0,
  maxMessagesPerSecond: 0,
  messageBurst: 0,
  maxPendingRequests: 0,
  requestTimeoutMs: 0,
}

const KEYS = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]

/**
 * Merges user limits over `DEFAULT_LIMITS`. Throws OPENWS_ERR_INVALID_OPTION (an OpenWsError, thrown
 * synchronously like ws's TypeErrors) for unknown keys, non-integers and out-of-range values.
 */
export function resolveLimits(given?: Partial<Limits> | null): Limits {
  if (given === undefined || given === null) return { ...DEFAULT_LIMITS }
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'limits must be an object')
  }
  for (const key of Object.keys(given)) {
    if (!(KEYS as string[]).includes(key)) {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', `unknown limit "${key}" (known: ${KEYS.join(', ')})`)
    }
  }
  const limits = { ...DEFAULT_LIMITS }
  for (const key of KEYS) {
    const value = given[key]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_VALUE[key] || value > MAX_VALUE[key]) {
      throw openwsError(
        'OPENWS_ERR_INVALID_OPTION',
        `limits.${key} must be an integer from ${MIN_VALUE[key]} to ${MAX_VALUE[key]}, got ${String(value)}`,
      )
    }
    limits[key] = value
  }
  return limits
}
