// limits.maxMessagesPerSecond: a token bucket per session, refilled at `rate` tokens per second and
// holding at most `size`; every inbound frame takes one. Time is read from the clock only when a
// frame arrives, so an idle connection costs nothing.

export class TokenBucket {
  private tokens: number
  private at: number

  constructor(
    private readonly rate: number,
    private readonly size: number,
    now: number,
  ) {
    this.tokens = size
    this.at = now
  }

  /** Takes one token at time `now` (ms); false when none is left. */
  take(now: number): boolean {
    const tokens = Math.min(this.size, this.tokens + ((now - this.at) * this.rate) / 1000)
    this.at = now
    if (tokens < 1) {
      this.tokens = tokens
      return false
    }
    this.tokens = tokens - 1
    return true
  }
}

/** The bucket for `limits`, or undefined when there is no rate limit (maxMessagesPerSecond 0). */
export function bucketFor(limits: { maxMessagesPerSecond: number; messageBurst: number }, now: number): TokenBucket | undefined {
  const rate = limits.maxMessagesPerSecond
  if (rate === 0) return undefined
  return new TokenBucket(rate, limits.messageBurst !== 0 ? limits.messageBurst : Math.max(1, rate), now)
}
