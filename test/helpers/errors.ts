// Assertions on coded errors (OpenWsError's stable `code`), shared by the tests.
import { expect } from 'vitest'
import { OpenWsError, type ErrorCode } from '../../src/runtime/openws-error'

/** Runs `fn`, expects it to throw an OpenWsError with `code` (and a message matching `text`). */
export function expectCode(fn: () => unknown, code: ErrorCode, text?: RegExp): OpenWsError {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(OpenWsError)
  const error = caught as OpenWsError
  expect(error.code).toBe(code)
  if (text) expect(error.message).toMatch(text)
  return error
}

/** The `code` of an error value, or 'none'. */
export function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'none'
}
