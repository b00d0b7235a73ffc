// Payload schemas for the AsyncAPI export. A payload is one self-contained JSON Schema whose
// local references (`#/$defs/X`, `#/definitions/X`, `#/properties/...`, `#`) point into the
// payload itself. Inside an AsyncAPI document `#` is the AsyncAPI document, so each payload moves
// to `components.schemas` and its `$defs`/`definitions` become component schemas of their own,
// with every local `$ref` rewritten to the new location. The walk follows schema keywords only:
// `const`, `enum`, `default` and `examples` are data and are copied untouched.
import { copyJson, isPlainObject, setField } from './fields'

type Obj = Record<string, unknown>

/** Keywords whose value is one subschema. */
const ONE = ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'additionalItems']
/** Keywords whose value is an array of subschemas. */
const MANY = ['allOf', 'anyOf', 'oneOf', 'prefixItems']
/** Keywords whose value is a map of name -> subschema. */
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']
/** Definition containers hoisted out of the payload root. */
const DEF_KEYS = ['$defs', 'definitions'] as const

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** `#/a/b` (RFC 6901 escaping of each segment). */
export function pointer(...segments: string[]): string {
  return `#/${segments.map(escapeSegment).join('/')}`
}

/** The segments of a local reference (`#`, `#/a/b`, URI-encoded or not); undefined when not local. */
function localSegments(ref: string): string[] | undefined {
  if (!ref.startsWith('#')) return undefined
  let fragment = ref.slice(1)
  try {
    fragment = decodeURIComponent(fragment)
  } catch {
    // not URI-encoded: take it as written
  }
  if (fragment === '' || fragment === '/') return []
  if (!fragment.startsWith('/')) return undefined // a plain-name anchor: not ours to rewrite
  return fragment
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** A component key (AsyncAPI keys match `^[a-zA-Z0-9.\-_]+$`) for a definition name, unique in `taken`. */
function componentKey(base: string, name: string, taken: Obj): string {
  const clean = name.replace(/[^A-Za-z0-9_-]/g, '_') || '_'
  let key = `${base}.${clean}`
  for (let i = 2; Object.hasOwn(taken, key); i++) key = `${base}.${clean}_${i}`
  return key
}

/** AsyncAPI component schemas are objects: `true` is `{}`, `false` is `{ not: {} }`. */
function asObject(schema: unknown): unknown {
  if (schema === true) return {}
  if (schema === false) return { not: {} }
  return schema
}

/**
 * Moves `payload` to `schemas[key]` (its top-level `$defs`/`definitions` to `schemas[key.defs.X]`)
 * and returns the reference to use in its place.
 */
export function hoistPayload(payload: unknown, key: string, schemas: Obj): { $ref: string } {
  const root = copyJson(asObject(payload))
  // definition container -> definition name -> component key
  const moved = new Map<string, Map<string, string>>()
  const defs: [string, unknown][] = []
  if (isPlainObject(root)) {
    for (const container of DEF_KEYS) {
      const entries = root[container]
      if (!isPlainObject(entries)) continue
      const names = new Map<string, string>()
      for (const name of Object.keys(entries)) {
        const defKey = componentKey(`${key}.${container === '$defs' ? 'defs' : 'definitions'}`, name, schemas)
        setField(schemas, defKey, null) // reserve the key
        names.set(name, defKey)
        defs.push([defKey, entries[name]])
      }
      moved.set(container, names)
      delete root[container]
    }
  }
  const rewriteRef = (ref: string): string => {
    const segments = localSegments(ref)
    if (segments === undefined) return ref
    const [container, entry] = segments
    const target = container !== undefined && entry !== undefined ? moved.get(container)?.get(entry) : undefined
    if (target !== undefined) return pointer('components', 'schemas', target, ...segments.slice(2))
    return pointer('components', 'schemas', key, ...segments)
  }
  setField(schemas, key, rewrite(root, rewriteRef))
  for (const [defKey, def] of defs) setField(schemas, defKey, rewrite(asObject(def), rewriteRef))
  return { $ref: pointer('components', 'schemas', key) }
}

/** A copy of `schema` with every `$ref` (in schema positions only) passed through `rewriteRef`. */
function rewrite(schema: unknown, rewriteRef: (ref: string) => string): unknown {
  if (!isPlainObject(schema)) return schema
  const out: Obj = {}
  for (const keyword of Object.keys(schema)) {
    const value = schema[keyword]
    let next: unknown = value
    if (keyword === '$ref' && typeof value === 'string') next = rewriteRef(value)
    else if (ONE.includes(keyword)) next = Array.isArray(value) ? value.map((s) => rewrite(s, rewriteRef)) : rewrite(value, rewriteRef)
    else if (MANY.includes(keyword) && Array.isArray(value)) next = value.map((s) => rewrite(s, rewriteRef))
    else if (MAP.includes(keyword) && isPlainObject(value)) {
      const map: Obj = {}
      for (const name of Object.keys(value)) setField(map, name, rewrite(value[name], rewriteRef))
      next = map
    }
    setField(out, keyword, next)
  }
  return out
}
