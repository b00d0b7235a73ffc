import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, resolveLimits } from '../../src/runtime/limits'
import { runtime } from '../../src/runtime/session/index'
import { handBinder } from './fixtures/hand-binder'

describe('limits', () => {
  it('documents its defaults in one frozen object', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxFrameBytes: 1048576,
      maxDepth: 64,
      maxIssues: 10,
      maxQueuedMessages: 64,
      maxMessagesPerSecond: 0,
      messageBurst: 0,
      maxPendingRequests: 1024,
      requestTimeoutMs: 30000,
    })
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true)
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS)
    expect(resolveLimits({ maxIssues: 3 })).toEqual({ ...DEFAULT_LIMITS, maxIssues: 3 })
  })

  it('throws OPENWS_ERR_INVALID_OPTION for unknown keys, non-integers and out-of-range values', () => {
    const bad: unknown[] = [
      { maxFrames: 1 },
      { maxIssues: 0 },
      { maxIssues: 1.5 },
      { maxDepth: -1 },
      { maxFrameBytes: '1' },
      { maxQueuedMessages: NaN },
      { maxFrameBytes: 10 },
      5,
      [],
    ]
    for (const limits of bad) {
      expect(() => resolveLimits(limits as never), JSON.stringify(limits)).toThrow(
        expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }),
      )
    }
  })

  it('is checked by runtime(); an artifact serves every maxDepth up to its own, and only those', () => {
    const binder = handBinder()
    expect(() => runtime(binder, { limits: { maxIssues: 0 } })).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
    const artifact = runtime(binder).artifact
    expect(artifact.maxDepth).toBe(64)
    const compiled = { ...binder, compiled: artifact }
    expect(runtime(compiled).limits.maxDepth).toBe(64)
    expect(runtime(compiled, { limits: { maxDepth: 5 } }).limits.maxDepth).toBe(5)
    expect(runtime(compiled, { limits: { maxDepth: 5 } }).artifact).toBe(artifact)
    // Deeper than its validators go: refused (this artifact has no withDepth).
    expect(() => runtime(compiled, { limits: { maxDepth: 65 } })).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
    // The interpreter builds deeper validators when asked.
    expect(runtime(binder, { limits: { maxDepth: 100 } }).artifact.maxDepth).toBe(100)
  })
})
