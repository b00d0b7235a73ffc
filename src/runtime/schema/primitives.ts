// The primitive builders. They are values, not calls (`S.str`, not `S.str()`): builders are
// immutable, so one shared instance per primitive is enough.
import type { NumberBuilder, SchemaBuilder, StringBuilder } from './types'
import { makeBuilder } from './builder'

/** `{type: 'string'}` */
export const str: StringBuilder = /* @__PURE__ */ makeBuilder('string', { type: 'string' })
/** `{type: 'integer'}` */
export const int: NumberBuilder = /* @__PURE__ */ makeBuilder('integer', { type: 'integer' })
/** `{type: 'number'}` */
export const num: NumberBuilder = /* @__PURE__ */ makeBuilder('number', { type: 'number' })
/** Alias of `num`: JSON has one number type. */
export const double: NumberBuilder = num
/** `{type: 'boolean'}` */
export const bool: SchemaBuilder<boolean> = /* @__PURE__ */ makeBuilder('boolean', { type: 'boolean' })
/** `{type: 'null'}` */
export const null_: SchemaBuilder<null> = /* @__PURE__ */ makeBuilder('null', { type: 'null' })
/** `{}`: any JSON value. Typed `unknown`, so handlers must narrow before use. */
export const any: SchemaBuilder<unknown> = /* @__PURE__ */ makeBuilder('any', {})
