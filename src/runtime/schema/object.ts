// S.obj: a strict object. Property names are data (`__proto__`, `constructor` included), so
// `properties` is filled with defineProperty and the shape is read with Object.keys only.
import type { JsonSchemaObject } from '../ir/types'
import type { InferShape, ObjectBuilder, SchemaLike } from './types'
import { makeBuilder } from './builder'
import { isSchemaBuilder, schemaJson } from './builder-json'
import { describe, schemaError } from './fail'
import { isPlainObject, setData } from './json'

/**
 * `{type: 'object', properties, required: [non-optional keys in order], additionalProperties: false}`.
 * Unknown keys are rejected unless `.loose()`. Plain JSON Schema values are always required.
 */
/* @__NO_SIDE_EFFECTS__ */
export function obj<const Shape extends { readonly [key: string]: SchemaLike }>(shape: Shape): ObjectBuilder<InferShape<Shape>> {
  if (!isPlainObject(shape)) throw schemaError(`S.obj() needs an object of property schemas, got ${describe(shape)}`)
  const properties: JsonSchemaObject = {}
  const required: string[] = []
  for (const key of Object.keys(shape)) {
    const value: unknown = shape[key]
    setData(properties, key, schemaJson(value, `S.obj() property ${JSON.stringify(key)}`))
    if (!(isSchemaBuilder(value) && value.isOptional)) required.push(key)
  }
  return makeBuilder('object', { type: 'object', properties, required, additionalProperties: false })
}
