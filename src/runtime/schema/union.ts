// S.union (anyOf) and S.nullable.
import type { JsonSchemaObject } from '../ir/types'
import type { NullableOf, PayloadType, SchemaBuilder, SchemaLike } from './types'
import { makeBuilder } from './builder'
import { builderJson, isSchemaBuilder, schemaJson } from './builder-json'
import { schemaError } from './fail'

/** `{anyOf: [...schemas]}`: the value matches at least one member. */
/* @__NO_SIDE_EFFECTS__ */
export function union<const M extends readonly [SchemaLike, ...SchemaLike[]]>(...schemas: M): SchemaBuilder<PayloadType<M[number]>> {
  if (schemas.length === 0) throw schemaError('S.union() needs at least one schema')
  const anyOf = schemas.map((schema, i) => schemaJson(schema, `S.union() member at position ${i}`, 'union members'))
  return makeBuilder('union', { anyOf })
}

/**
 * Also accepts `null`. A simple typed schema becomes `type: [t, 'null']` (its other keywords ignore
 * null anyway); anything else — enum, const, anyOf, untyped — becomes `anyOf: [schema, {type: 'null'}]`.
 * An `.optional()` input stays optional.
 */
/* @__NO_SIDE_EFFECTS__ */
export function nullable<const P extends SchemaLike>(schema: P): NullableOf<P> {
  const isOptional = isSchemaBuilder(schema) && schema.isOptional
  const inner = isSchemaBuilder(schema) ? builderJson(schema, 'S.nullable() schema') : schemaJson(schema, 'S.nullable() schema')
  return makeBuilder('nullable', nullableJson(inner), isOptional) as NullableOf<P>
}

function nullableJson(inner: boolean | Readonly<JsonSchemaObject>): JsonSchemaObject {
  if (inner === true) return {}
  if (inner === false) return { type: 'null' }
  const type = inner.type
  if (type === 'null' || Object.keys(inner).length === 0) return { ...inner }
  if (typeof type === 'string' && !('enum' in inner) && !('const' in inner)) return { ...inner, type: [type, 'null'] }
  return { anyOf: [inner, { type: 'null' }] }
}
