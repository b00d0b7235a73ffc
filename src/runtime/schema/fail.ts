// Misuse of the S builder is a programming error at definition time: a TypeError with a
// clear message, carrying the stable code from the error table so tools can match on it.
import type { ErrorCode } from '../openws-error'

export const SCHEMA_ERROR_CODE: ErrorCode = 'OPENWS_ERR_INVALID_SCHEMA'

export type SchemaTypeError = TypeError & { code: ErrorCode }

/** A TypeError prefixed with "openws schema: " and tagged with `code`. */
export function schemaError(message: string): SchemaTypeError {
  const error = new TypeError(`openws schema: ${message}`) as SchemaTypeError
  error.code = SCHEMA_ERROR_CODE
  return error
}

/** Short description of a value for error messages; never prints the whole value. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null
    const name = proto && typeof proto.constructor?.name === 'string' ? proto.constructor.name : 'Object'
    return name === 'Object' ? 'an object' : `a ${name} instance`
  }
  return typeof value
}
