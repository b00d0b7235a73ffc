/*
 * ## Payload validation
 *
 * openws validates every payload against its JSON Schema, either with code generated at build time
 * (`generateValidator`, used by the transformer) or, without the transformer, with an eval-free
 * interpreter (`interpret`). Both accept and reject exactly the same values and report exactly the
 * same issues in the same order (a differential test holds them to it).
 *
 * Supported subset: `type` (incl. `integer` and type arrays), `properties`, `required`,
 * `additionalProperties`, `patternProperties`, `items` (one schema), `minItems`, `maxItems`,
 * `uniqueItems`, `enum`, `const`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`,
 * `multipleOf`, `minLength`, `maxLength`, `pattern` (ECMA-262 with the `u` flag), `format`
 * (date-time, date, time, email, uuid, uri, ipv4, ipv6; asserted, not just annotated), `anyOf`,
 * `oneOf`, `allOf`, `not`, `minProperties`, `maxProperties`, `$ref` to `#`, `#/$defs/...` or
 * `#/definitions/...` (recursion allowed; a loop that never descends into the value is an invalid
 * schema). `$ref` siblings apply (2020-12 semantics). Annotations (`title`, `description`,
 * `default`, `examples`, `$comment`, `$schema`, root `$id`, `deprecated`, `readOnly`, `writeOnly`)
 * and `x-*` keys are ignored; anything else throws OPENWS_ERR_UNSUPPORTED_KEYWORD, and a wrong
 * keyword value throws OPENWS_ERR_INVALID_SCHEMA, both naming the keyword and its schema path.
 * `checkSupported(schema)` lists every such problem without throwing.
 *
 * Issues are data: `{path, code, expected, received}`. `path` is a JSON Pointer into the value
 * (`~` and `/` escaped as `~0`, `~1`). `code` is the keyword (`type`, `required`,
 * `additionalProperties`, `minLength`, `format`, `anyOf`, ...), `false` for a `false` schema, or
 * `depth`. `received` describes the value (its kind, its number, its length), never copies it.
 * `explain(value, maxIssues)` stops after `maxIssues` issues, so a hostile payload cannot make
 * reporting expensive. `required` and `additionalProperties` issues point at the property itself.
 * Within a schema, `type` is checked first and a mismatch stops that schema; `anyOf`, `oneOf` and
 * `not` report only their own issue. Values are never mutated and defaults are never written.
 *
 * Generated code: `generateValidator(schema).source` is an expression evaluating to `{is, explain}`;
 * it needs a free identifier `h` bound to `validatorHelpers` (exported here) and otherwise only the
 * standard globals Object, Array, Number, JSON and RegExp. `generateValidatorModule(schemas,
 * helpersSpecifier)` writes a standalone ES module exporting them as `validators`.
 *
 * Hostile values (validators expect plain data as produced by JSON.parse):
 * - Depth: `maxDepth` (default 64) bounds the nesting of the value that is inspected. The root is at
 *   depth 0, its members at depth 1, and so on; values deeper than maxDepth are never visited: if a
 *   schema would inspect the members of an array or object at depth >= maxDepth (`items`,
 *   `uniqueItems`, `properties`, `patternProperties`, `additionalProperties`), one `depth` issue
 *   is reported at that container instead. Nothing
 *   recurses on the value's shape alone: `enum`/`const` comparisons follow the schema constant,
 *   `uniqueItems` hashes items with the same depth budget. No stack overflow, no quadratic work.
 * - Only own properties count: presence is `Object.prototype.hasOwnProperty.call`, key loops skip
 *   inherited keys, so `__proto__`, `constructor` and `prototype` are ordinary data keys, and a
 *   polluted `Object.prototype` cannot satisfy `required`. Keys are own enumerable string keys.
 * - An "object" is any non-null, non-array object; its prototype is ignored (class instances,
 *   `Object.create(null)` and exotic prototypes validate by their own enumerable properties).
 *   Own getters are invoked when a schema reads that property (possibly more than once); if a getter
 *   throws, the exception propagates out of `is`/`explain` (callers must treat that as invalid
 *   input). A getter that changes Object.prototype while a validator runs is outside the contract
 *   (generated code tests the prototype's keys once per call). Proxies and other exotic objects
 *   are outside the contract. Symbol keys are ignored.
 * - Numbers: `NaN`, `Infinity`, `-Infinity` are not JSON numbers and fail `type: number/integer`;
 *   other numeric keywords compare them as numbers (NaN fails every bound and `multipleOf`).
 *   `-0` equals `0` (for `const`, `enum`, `uniqueItems`) and is an integer.
 * - Strings: lengths count Unicode code points; a lone surrogate counts as one. Huge strings are
 *   only counted when the UTF-16 length cannot decide. Format checks reject lone surrogates.
 * - Sparse arrays: holes read as `undefined`, which fails every `type` and equals no JSON value.
 */
export * from './supported-subset'
export { validatorHelpers, type ValidatorHelpers } from './helpers'
export { DEFAULT_MAX_DEPTH } from './prepare'
export type { Issue, Validator, ValidatorOptions } from './types'
