// The one way the rest of openws turns a payload (builder or plain JSON Schema) into IR data.
import type { JsonSchema, JsonSchemaObject } from '../ir/types'
import type { SchemaLike } from './types'
import { builderJson, freshJson, isSchemaBuilder, schemaJson } from './builder-json'

/**
 * A fresh plain JSON Schema for a payload. Builders give a copy of their JSON; plain schemas
 * (TypeBox's included) are deep-cloned, symbol keys dropped, so mutating the input later cannot
 * change a network. Throws a TypeError (code OPENWS_ERR_INVALID_SCHEMA) for anything that is not JSON.
 */
export function toJsonSchema(payload: SchemaLike): JsonSchema {
  if (isSchemaBuilder(payload)) return freshJson(builderJson(payload, 'payload schema'))
  const json = schemaJson(payload, 'payload schema')
  // schemaJson already cloned plain objects; booleans are values.
  return json as boolean | JsonSchemaObject
}
