// S.arr: an array whose items all match one schema.
import type { ArrayBuilder, PayloadType, SchemaLike } from './types'
import { makeBuilder } from './builder'
import { schemaJson } from './builder-json'

/** `{type: 'array', items: item}` */
/* @__NO_SIDE_EFFECTS__ */
export function arr<const Item extends SchemaLike>(item: Item): ArrayBuilder<PayloadType<Item>> {
  return makeBuilder('array', { type: 'array', items: schemaJson(item, 'S.arr() item', 'array items') })
}
