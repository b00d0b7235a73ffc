// Deep copy and deep freeze of plain JSON data, treating every key (even `__proto__`) as data.
import { openwsError, type OpenWsErrorDetails } from '../../openws-error'

/** Sets an own enumerable property; plain assignment of `__proto__` would change the prototype. */
export function setData(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const MAX_DEPTH = 256

/** Copies JSON data (objects, arrays, strings, finite numbers, booleans, null); anything else throws. */
export function copyJsonData(value: unknown, what: string, where: OpenWsErrorDetails, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw openwsError('OPENWS_ERR_INVALID_OPTION', `${what} is nested too deeply`, where)
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value
  } else if (Array.isArray(value)) {
    return value.map((item) => copyJsonData(item, what, where, depth + 1))
  } else if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      if (value[key] !== undefined) setData(out, key, copyJsonData(value[key], what, where, depth + 1))
    }
    return out
  }
  throw openwsError('OPENWS_ERR_INVALID_OPTION', `${what} must be plain JSON data`, where)
}

/** Freezes plain objects and arrays all the way down; the IR is read-only once built. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}
