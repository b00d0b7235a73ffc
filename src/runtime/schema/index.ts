/*
 * The S schema builder: payload schemas as plain JSON Schema data.
 *
 * ## Supported JSON Schema subset
 *
 * S emits only keywords that are valid, with the same meaning, in both draft-07 and 2020-12
 * (a test compiles every output with ajv in strict mode for both drafts):
 *
 * | group      | keywords                                                                        |
 * |------------|---------------------------------------------------------------------------------|
 * | any type   | `type` (a name, or `[name, "null"]`), `enum`, `const`, `anyOf`                  |
 * | object     | `properties`, `required`, `additionalProperties`, `patternProperties`,          |
 * |            | `minProperties`, `maxProperties`                                                |
 * | array      | `items` (one schema for every item; no tuples), `minItems`, `maxItems`,         |
 * |            | `uniqueItems`                                                                   |
 * | number     | `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` (numbers),         |
 * |            | `multipleOf`                                                                    |
 * | string     | `minLength`, `maxLength`, `pattern` (unicode regex, no flags), `format`         |
 * | annotation | `description`, `default` (never written into payloads)                          |
 *
 * Formats: date-time, date, time, email, uuid, uri, ipv4, ipv6 (SUPPORTED_FORMATS).
 *
 * | builder                                   | JSON Schema                                                      |
 * |-------------------------------------------|------------------------------------------------------------------|
 * | `S.str`, `S.int`, `S.num` (= `S.double`)  | `{type: "string"}`, `{type: "integer"}`, `{type: "number"}`      |
 * | `S.bool`, `S.null`                        | `{type: "boolean"}`, `{type: "null"}`                            |
 * | `S.any`                                   | `{}` (typed `unknown`)                                           |
 * | `S.obj({a: S.str, b: S.int.optional()})`  | `{type: "object", properties: {...}, required: ["a"], additionalProperties: false}` |
 * | `S.obj({...}).loose()`                    | the same without `additionalProperties: false`                   |
 * | `S.arr(S.str)`                            | `{type: "array", items: {type: "string"}}`                       |
 * | `S.map.value(S.int)`                      | `{type: "object", additionalProperties: {type: "integer"}}`      |
 * | `S.map.keyPattern(p).value(s)`            | `{type: "object", patternProperties: {[p]: s}, additionalProperties: false}` |
 * | `S.enum("a", "b")`, `S.const(1)`          | `{enum: ["a", "b"]}`, `{const: 1}`                               |
 * | `S.union(a, b)`                           | `{anyOf: [a, b]}`                                                |
 * | `S.nullable(S.str)`                       | `{type: ["string", "null"]}`; for enum, const, anyOf or untyped schemas `{anyOf: [s, {type: "null"}]}` |
 *
 * Modifiers return new builders (the original never changes): `.optional()`, `.desc(text)`,
 * `.default(v)`, `.min(n)` / `.max(n)` (minLength/maxLength, minimum/maximum, minItems/maxItems or
 * minProperties/maxProperties by type), `.exclusiveMin(n)`, `.exclusiveMax(n)`, `.multipleOf(n)`,
 * `.pattern(re)`, `.format(name)`, `.enum(...values)` (strings and numbers; narrows the type),
 * `.unique()` (arrays), `.loose()` (objects), `.keyPattern(p)` / `.value(s)` (maps).
 * `.jsonSchema()` / `.valueOf()` give a fresh plain object; `JSON.stringify(builder)` prints it.
 * Misuse throws a TypeError with `code: 'OPENWS_ERR_INVALID_SCHEMA'` and a clear message.
 * Plain JSON Schema objects (TypeBox's too) are accepted wherever a schema is, deep-cloned; their
 * keywords are checked later against the validators' subset. Property names are data:
 * `__proto__` and `constructor` are ordinary properties.
 */
import { str, int, num, double, bool, null_, any } from './primitives'
import { obj } from './object'
import { arr } from './array'
import { map } from './map'
import { enum_, const_ } from './literal'
import { union, nullable } from './union'

export type {
  SchemaBuilder,
  StringBuilder,
  NumberBuilder,
  ObjectBuilder,
  ArrayBuilder,
  MapBuilder,
  SchemaKind,
  SchemaLike,
  StringFormat,
  JsonInput,
  OptionalMark,
  PayloadType,
  Infer,
  InferShape,
} from './types'
export { isSchemaBuilder } from './builder-json'
export { toJsonSchema } from './to-json-schema'
export { SUPPORTED_FORMATS } from './formats'
/** Each factory on its own too (`null_`, `enum_`, `const_` because the bare names are reserved words). */
export { str, int, num, double, bool, null_, any, obj, arr, map, enum_, const_, union, nullable }

/**
 * The schema builder: `S.obj({ roomId: S.str, count: S.int.min(0).optional() })`, and
 * `S.Infer<typeof schema>` for its type. An ES module namespace (see ./s): immutable, and
 * bundlers see through `S.obj(...)` to drop unused schemas.
 */
export * as S from './s'
