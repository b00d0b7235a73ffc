// Shared plumbing for the spec builders: a field store that keeps unknown fields and key order,
// `x-` metadata keys, and a deep copy that treats every key (even `__proto__`) as data.
import { openwsError } from '../openws-error'

/**
 * Marks where a child collection (networks, roles, messages, endpoints) sat among a parsed
 * document's keys, so `fromJson(doc).valueOf()` keeps the original key order.
 */
export const CHILD: unique symbol = Symbol('openws.child')

/** Metadata keys always carry the `x-` extension prefix (the document schema reserves the rest). */
export function extensionKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', `metadata key must be a non-empty string, got ${describe(key)}`)
  }
  return key.startsWith('x-') ? key : `x-${key}`
}

/** Nesting beyond which data is refused: it is either hostile or cyclic, and copying recurses. */
export const MAX_DATA_DEPTH = 512

/**
 * Deep copy of JSON-like data. Plain objects and arrays are copied; anything else is shared.
 * Cyclic or absurdly deep data throws OPENWS_ERR_INVALID_SPEC instead of overflowing the stack.
 */
export function copyJson<T>(value: T, depth = 0): T {
  if (depth > MAX_DATA_DEPTH) {
    throw openwsError('OPENWS_ERR_INVALID_SPEC', `data nested deeper than ${MAX_DATA_DEPTH} levels (or cyclic) cannot be part of a spec`)
  }
  if (Array.isArray(value)) return value.map((item) => copyJson(item, depth + 1)) as T
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) setField(out, key, copyJson(value[key], depth + 1))
    return out as T
  }
  return value
}

/** Assigns as data: `out['__proto__'] = v` would change the prototype instead. */
export function setField(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  } else {
    out[key] = value
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** A child collection of a builder: how to build it, and whether to write it when never marked. */
export interface Child {
  build: () => unknown
  /** Write the collection at the end when `fields` has no CHILD marker for it (required or non-empty). */
  always: boolean
}

/** Writes `fields` in order, putting each child collection where its CHILD marker sits (else at the end). */
export function emit(fields: Record<string, unknown>, children: Record<string, Child>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const placed = new Set<string>()
  for (const key of Object.keys(fields)) {
    const value = fields[key]
    const child = Object.hasOwn(children, key) ? children[key] : undefined
    if (child) {
      if (value === CHILD) {
        setField(out, key, child.build())
        placed.add(key)
      }
      continue
    }
    if (value !== CHILD) setField(out, key, copyJson(value))
  }
  for (const [key, child] of Object.entries(children)) {
    if (!placed.has(key) && child.always) setField(out, key, child.build())
  }
  return out
}

/** Copies a parsed document's fields into a store, marking where the child collections were. */
export function absorb(doc: Record<string, unknown>, childKeys: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const key of Object.keys(doc)) {
    setField(fields, key, childKeys.includes(key) ? CHILD : copyJson(doc[key]))
  }
  return fields
}

/** A short description of a value for error messages; never prints the whole value. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'object') return 'an object'
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value
}

/**
 * Recognises a builder by its `kind` brand, not instanceof: `openws/spec` and `openws/fluent`
 * may each carry their own copy of the classes (CJS bundles), and builders must cross between them.
 */
export function isBuilder(value: unknown, kind: string): boolean {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { kind?: unknown; valueOf?: unknown; fields?: unknown }
  return v.kind === kind && typeof v.valueOf === 'function' && isPlainObject(v.fields)
}
