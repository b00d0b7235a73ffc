// Typed mode's object types are strict, like S.obj: typia leaves `additionalProperties` out for an
// interface or object literal type (so any extra key would pass); a payload contract says exactly
// which keys it takes. An index signature (`[key: string]: unknown`) is how a type allows extra
// keys: typia writes it as `additionalProperties`, which is kept as written.
import type { JsonSchema } from '../../../runtime/ir/types'

/** Keywords whose value is one schema, a list of schemas, or a name -> schema map. */
const ONE = [
  'items',
  'additionalItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'additionalProperties',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems']
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']

/** A copy of `schema` in which every object schema that lists `properties` and says nothing else about other keys is closed. */
export function strictObjects(schema: JsonSchema): JsonSchema {
  return close(schema) as JsonSchema
}

function close(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const node = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(node)) {
    const v = node[key]
    let next = v
    if (ONE.includes(key)) next = close(v)
    else if (LIST.includes(key) && Array.isArray(v)) next = v.map(close)
    else if (MAP.includes(key) && typeof v === 'object' && v !== null) next = mapValues(v as Record<string, unknown>)
    Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true })
  }
  // typia's objects carry `additionalProperties: undefined` when it says nothing: test the value.
  const opensOthers =
    node.additionalProperties !== undefined || node.patternProperties !== undefined || node.unevaluatedProperties !== undefined
  if (isObjectSchema(node) && node.properties !== undefined && !opensOthers) out.additionalProperties = false
  return out
}

function mapValues(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(map))
    Object.defineProperty(out, key, { value: close(map[key]), enumerable: true, writable: true, configurable: true })
  return out
}

function isObjectSchema(node: Record<string, unknown>): boolean {
  return node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'))
}
