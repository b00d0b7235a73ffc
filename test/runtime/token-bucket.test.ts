// The rate limit's token bucket, on a clock the test controls.
import { describe, expect, it } from 'vitest'
import { bucketFor, TokenBucket } from '../../src/runtime/session/token-bucket'

describe('TokenBucket', () => {
  it('allows a burst of `size`, then one frame per 1/rate seconds', () => {
    const b = new TokenBucket(2, 3, 0) // 2 per second, bursts of 3
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false])
    expect(b.take(499)).toBe(false) // 0.998 tokens
    expect(b.take(500)).toBe(true) // 1 token after 500 ms
    expect([b.take(10_000), b.take(10_000), b.take(10_000), b.take(10_000)]).toEqual([true, true, true, false]) // never more than `size`
  })

  it('is off at rate 0; the burst defaults to the rate (at least 1)', () => {
    expect(bucketFor({ maxMessagesPerSecond: 0, messageBurst: 5 }, 0)).toBeUndefined()
    const one = bucketFor({ maxMessagesPerSecond: 0.5 as never, messageBurst: 0 }, 0)!
    expect([one.take(0), one.take(0)]).toEqual([true, false])
    const ten = bucketFor({ maxMessagesPerSecond: 10, messageBurst: 0 }, 0)!
    expect(Array.from({ length: 11 }, () => ten.take(0)).filter(Boolean)).toHaveLength(10)
  })
})
