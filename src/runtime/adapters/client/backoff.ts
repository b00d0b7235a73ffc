// Reconnect delays: exponential backoff with jitter, so a fleet of clients that lost the same
// server does not reconnect in lock-step ("thundering herd").
import { openwsError } from '../../openws-error'

export interface ReconnectOptions {
  /** Delay before the first retry. Default 250 ms. */
  initialDelayMs?: number
  /** Upper bound of any delay. Default 10 000 ms. */
  maxDelayMs?: number
  /** Growth per attempt. Default 2. */
  factor?: number
  /** Fraction of the delay that is randomised, 0..1 ("equal jitter" at 0.5). Default 0.5. */
  jitter?: number
  /** Attempts after which the client gives up and closes. Default: unlimited. */
  maxAttempts?: number
}

export type ResolvedReconnect = Required<ReconnectOptions>

export const DEFAULT_RECONNECT: ResolvedReconnect = {
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  factor: 2,
  jitter: 0.5,
  maxAttempts: Number.POSITIVE_INFINITY,
}

/** Merges user options over the defaults and rejects contradictions (like `ws` does, with a coded error). */
export function resolveReconnect(options: ReconnectOptions | boolean | undefined): ResolvedReconnect | undefined {
  if (options === false) return undefined
  const merged: ResolvedReconnect = { ...DEFAULT_RECONNECT, ...(options === true || options === undefined ? {} : options) }
  const bad = (what: string) => openwsError('OPENWS_ERR_INVALID_OPTION', `reconnect.${what}`)
  if (!(merged.initialDelayMs >= 0)) throw bad('initialDelayMs must be >= 0')
  if (!(merged.maxDelayMs >= merged.initialDelayMs)) throw bad('maxDelayMs must be >= initialDelayMs')
  if (!(merged.factor >= 1)) throw bad('factor must be >= 1')
  if (!(merged.jitter >= 0 && merged.jitter <= 1)) throw bad('jitter must be between 0 and 1')
  if (!(merged.maxAttempts >= 0)) throw bad('maxAttempts must be >= 0')
  return merged
}

/**
 * Delay before retry number `attempt` (0-based): min(max, initial * factor^attempt), of which
 * the `jitter` fraction is replaced by a uniform random share. `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, options: ResolvedReconnect, random: () => number = Math.random): number {
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * options.factor ** attempt)
  const fixed = base * (1 - options.jitter)
  return Math.round(fixed + base * options.jitter * random())
}
