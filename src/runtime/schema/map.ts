// S.map: an object used as a dictionary. Refine with `.value(schema)` and `.keyPattern(p)`:
//   S.map.value(s)                 -> {type: 'object', additionalProperties: s}
//   S.map.keyPattern(p).value(s)   -> {type: 'object', patternProperties: {[p]: s}, additionalProperties: false}
import type { MapBuilder } from './types'
import { makeBuilder } from './builder'

/** `{type: 'object'}` with string keys and `unknown` values until `.value()` is given. */
export const map: MapBuilder<unknown> = /* @__PURE__ */ makeBuilder('map', { type: 'object' })
