// Argument checks shared by the modifiers and factories. Each throws a clear TypeError.
import { describe, schemaError } from './fail'

/** A length or count: a non-negative safe integer. */
export function checkCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw schemaError(`${what} needs a non-negative integer, got ${describe(value)}`)
  }
  return value
}

/** A numeric bound: a finite number. */
export function checkFinite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw schemaError(`${what} needs a finite number, got ${describe(value)}`)
  }
  return value
}

/**
 * The JSON Schema `pattern` for a RegExp or string. JSON Schema patterns have no flags and are
 * matched with unicode semantics, so only the `u` flag is accepted; the pattern must compile
 * with it (as ajv and our validators compile it).
 */
export function patternSource(pattern: unknown, what: string): string {
  let source: string
  if (pattern instanceof RegExp) {
    if (pattern.flags !== '' && pattern.flags !== 'u') {
      throw schemaError(
        `${what} got /${pattern.source}/${pattern.flags}: JSON Schema patterns have no flags (only "u" is allowed), remove "${pattern.flags.replace('u', '')}"`,
      )
    }
    source = pattern.source
  } else if (typeof pattern === 'string') {
    source = pattern
  } else {
    throw schemaError(`${what} needs a RegExp or a string, got ${describe(pattern)}`)
  }
  try {
    new RegExp(source, 'u')
  } catch (error) {
    throw schemaError(`${what} got an invalid pattern ${JSON.stringify(source)} (patterns use unicode mode): ${(error as Error).message}`)
  }
  return source
}

export function checkText(value: unknown, what: string): string {
  if (typeof value !== 'string') throw schemaError(`${what} needs a string, got ${describe(value)}`)
  return value
}
