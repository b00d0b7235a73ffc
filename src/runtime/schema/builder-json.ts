// What a builder is (brand and data fields) and how schema-like inputs become JSON.
// The shared prototype with the modifiers lives in ./builder.
import type { JsonSchemaObject } from '../ir/types'
import type { SchemaBuilder, SchemaKind } from './types'
import { describe, schemaError } from './fail'
import { cloneJson, isPlainObject } from './json'

export const BRAND_KEY = '~openws'
export const BRAND_VALUE = 'schema'

/** The data a builder holds. */
export interface BuilderData {
  readonly kind: SchemaKind
  readonly json: Readonly<JsonSchemaObject>
  readonly isOptional: boolean
}

/** Builders this copy of openws made: their JSON is deep-frozen plain data and can be shared. */
const OWN_BUILDERS: WeakSet<object> = /* @__PURE__ */ new WeakSet()

/** Records a builder made by ./builder. */
export function markOwn<B extends object>(builder: B): B {
  OWN_BUILDERS.add(builder)
  return builder
}

/** True only for builders made by this copy of openws (the receivers our modifiers accept). */
export function isOwnBuilder(value: unknown): value is SchemaBuilder {
  return typeof value === 'object' && value !== null && OWN_BUILDERS.has(value)
}

/** Brand check (no instanceof), so two copies of openws still recognise each other's builders. */
export function isSchemaBuilder(value: unknown): value is SchemaBuilder {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)[BRAND_KEY] === BRAND_VALUE &&
    typeof (value as BuilderData).json === 'object' &&
    (value as BuilderData).json !== null
  )
}

/** Replaces builders nested inside plain schemas by their JSON while cloning. */
function builderToJson(value: unknown): unknown {
  return isSchemaBuilder(value) ? value.json : value
}

/**
 * A builder's JSON: shared as is when this copy of openws made it; a look-alike (another copy of
 * openws, or a forgery) may hold mutable or non-JSON data, so it is cloned and checked.
 */
export function builderJson(builder: SchemaBuilder, what: string): Readonly<JsonSchemaObject> {
  return OWN_BUILDERS.has(builder) ? builder.json : (cloneJson(builder.json, what, builderToJson) as JsonSchemaObject)
}

/**
 * The JSON Schema of a schema-like input, owned by the caller: a builder's (frozen, shareable)
 * JSON, or a deep clone of a plain JSON Schema so later mutation by the user changes nothing.
 * `what` names the input in errors; `container` rejects `.optional()` builders where they mean nothing.
 */
export function schemaJson(input: unknown, what: string, container?: string): boolean | Readonly<JsonSchemaObject> {
  if (isSchemaBuilder(input)) {
    if (container !== undefined && input.isOptional) {
      throw schemaError(`${what} is .optional(), which only has a meaning for S.obj properties, not ${container}`)
    }
    return builderJson(input, what)
  }
  if (typeof input === 'boolean') return input
  if (isPlainObject(input)) return cloneJson(input, what, builderToJson) as JsonSchemaObject
  throw schemaError(`${what} must be an S builder or a JSON Schema object, got ${describe(input)}`)
}

/** A fresh, mutable plain copy of a builder's JSON. */
export function freshJson(json: Readonly<JsonSchemaObject>): JsonSchemaObject {
  return cloneJson(json, 'schema') as JsonSchemaObject
}
