// Plain-JSON helpers. Schemas are data: every schema openws stores or hands out is made of
// plain objects, arrays, strings, finite numbers, booleans and null. Keys such as `__proto__`
// and `constructor` are data too, so objects are always filled with Object.defineProperty.
import { describe, schemaError } from './fail'

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** Maximum nesting accepted in a schema or JSON value handed to the builder. */
export const MAX_SCHEMA_DEPTH = 512

/** Sets `key` as an own, enumerable data property, even when key is `__proto__`. */
export function setData(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** Object or null prototype: literals and JSON.parse output, not class instances. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Deep copy of a JSON value into fresh plain objects. Symbol keys are dropped (TypeBox keeps its
 * metadata there) and so are properties whose value is `undefined` (as JSON.stringify does).
 * `convert` lets a caller replace special objects (schema builders) by their JSON first.
 * Throws a TypeError naming the path for anything that is not JSON, and on cycles.
 */
export function cloneJson(value: unknown, what: string, convert?: (v: unknown) => unknown): JsonValue {
  return cloneAt(value, what, '', [], convert)
}

function cloneAt(value: unknown, what: string, path: string, seen: object[], convert?: (v: unknown) => unknown): JsonValue {
  if (convert) value = convert(value)
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (!Number.isFinite(value)) throw schemaError(`${what} must be JSON, but ${at(path)} is ${String(value)}`)
      return value
    case 'object':
      break
    default:
      throw schemaError(`${what} must be JSON, but ${at(path)} is ${describe(value)}`)
  }
  if (value === null) return null
  if (seen.includes(value)) throw schemaError(`${what} must be JSON, but ${at(path)} is a cycle`)
  if (seen.length >= MAX_SCHEMA_DEPTH) throw schemaError(`${what} is nested deeper than ${MAX_SCHEMA_DEPTH} levels`)
  seen.push(value)
  let out: JsonValue
  if (Array.isArray(value)) {
    const arr: JsonValue[] = []
    for (let i = 0; i < value.length; i++) arr.push(cloneAt(value[i], what, `${path}/${i}`, seen, convert))
    out = arr
  } else if (isPlainObject(value)) {
    const obj: { [key: string]: JsonValue } = {}
    for (const key of Object.keys(value)) {
      const item = value[key]
      if (item === undefined) continue
      setData(obj, key, cloneAt(item, what, `${path}/${escapePointer(key)}`, seen, convert))
    }
    out = obj
  } else {
    throw schemaError(`${what} must be JSON, but ${at(path)} is ${describe(value)}`)
  }
  seen.pop()
  return out
}

/** Deep-freezes a value this module produced (plain JSON only). Returns it for chaining. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}

/** Same-value comparison of two JSON values (objects compared key-order-insensitively). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  }
  return true
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

function at(path: string): string {
  return path === '' ? 'the value' : `"${path}"`
}
