// S.enum and S.const: schemas for fixed JSON values. The inferred type is the literal union.
import type { JsonInput, SchemaBuilder } from './types'
import { makeBuilder } from './builder'
import { describe, schemaError } from './fail'
import { cloneJson, jsonEqual } from './json'

/** `{enum: [...values]}`: at least one JSON value, no repeats. */
/* @__NO_SIDE_EFFECTS__ */
export function enum_<const L extends readonly [JsonInput, ...JsonInput[]]>(...values: L): SchemaBuilder<L[number]> {
  if (values.length === 0) throw schemaError('S.enum() needs at least one value')
  const copies = values.map((value, i) => cloneJson(value, `S.enum() value at position ${i}`))
  copies.forEach((value, i) => {
    if (copies.findIndex((other) => jsonEqual(other, value)) !== i) {
      throw schemaError(`S.enum() got the value ${describe(values[i])} twice`)
    }
  })
  return makeBuilder('enum', { enum: copies })
}

/** `{const: value}`: exactly one JSON value. */
/* @__NO_SIDE_EFFECTS__ */
export function const_<const V extends JsonInput>(value: V): SchemaBuilder<V> {
  return makeBuilder('const', { const: cloneJson(value, 'S.const() value') })
}
