// The public types of the S builder. Builders carry their output type as a phantom
// (`'~types'`, never set at run time), valibot style, so `Infer<typeof schema>` needs no runtime.
import type { JsonSchema, JsonSchemaObject } from '../ir/types'

/** Formats `.format()` accepts: the ones every validator in openws implements identically. */
export type StringFormat = 'date-time' | 'date' | 'time' | 'email' | 'uuid' | 'uri' | 'ipv4' | 'ipv6'

/** What a builder is, so modifiers know which keywords they mean. */
export type SchemaKind =
  'string' | 'integer' | 'number' | 'boolean' | 'null' | 'any' | 'object' | 'array' | 'map' | 'enum' | 'const' | 'union' | 'nullable'

/** A JSON value as accepted from users (readonly, so `as const` data fits). */
export type JsonInput = string | number | boolean | null | readonly JsonInput[] | { readonly [key: string]: JsonInput }

/** Anything accepted where a schema is expected: a builder, a JSON Schema object (TypeBox's too) or a boolean. */
export type SchemaLike = SchemaBuilder<any> | JsonSchema | object

/** Marks a builder made with `.optional()`: it becomes an optional property in `S.obj`. */
export interface OptionalMark {
  readonly isOptional: true
}

/** Keeps the optional mark of `This` on the builder type `B` a modifier returns. */
export type KeepOptional<This, B> = This extends OptionalMark ? B & OptionalMark : B

export interface SchemaBuilder<T = unknown> {
  /** Brand: tools recognise builders by this key, never by instanceof. */
  readonly '~openws': 'schema'
  readonly kind: SchemaKind
  /** The JSON Schema this builder stands for. Deep-frozen; use `.jsonSchema()` for a copy. */
  readonly json: Readonly<JsonSchemaObject>
  /** True after `.optional()`. */
  readonly isOptional: boolean
  /** Phantom output type; never present at run time. */
  readonly '~types'?: { readonly output: T }
  /** Optional property when used in `S.obj` (`{ a?: T }`). No effect elsewhere. */
  optional(): this & OptionalMark
  /** Sets `description`. */
  desc(text: string): this
  /** Sets `default`: an annotation only; openws never writes defaults into payloads. */
  default(value: T): this
  /** A fresh, mutable, plain JSON Schema object on every call. */
  jsonSchema(): JsonSchemaObject
  /** Same as `.jsonSchema()`. */
  valueOf(): JsonSchemaObject
  /** `JSON.stringify(builder)` prints the schema. */
  toJSON(): JsonSchemaObject
}

export interface StringBuilder<T extends string = string> extends SchemaBuilder<T> {
  /** `minLength`: a non-negative integer. */
  min(length: number): this
  /** `maxLength`: a non-negative integer. */
  max(length: number): this
  /** `pattern`: a RegExp (no flags, or only `u`) or a pattern string; matched with unicode semantics. */
  pattern(pattern: RegExp | string): this
  /** `format`: one of SUPPORTED_FORMATS. */
  format(name: StringFormat): this
  /** `enum`: narrows the output type to the given literals. */
  enum<const L extends T>(...values: [L, ...L[]]): KeepOptional<this, StringBuilder<L>>
}

export interface NumberBuilder<T extends number = number> extends SchemaBuilder<T> {
  /** `minimum` (inclusive). */
  min(value: number): this
  /** `maximum` (inclusive). */
  max(value: number): this
  /** `exclusiveMinimum` (numeric form). */
  exclusiveMin(value: number): this
  /** `exclusiveMaximum` (numeric form). */
  exclusiveMax(value: number): this
  /** `multipleOf`: a positive number. */
  multipleOf(value: number): this
  /** `enum`: narrows the output type to the given literals. */
  enum<const L extends T>(...values: [L, ...L[]]): KeepOptional<this, NumberBuilder<L>>
}

export interface ObjectBuilder<T extends object = Record<string, unknown>> extends SchemaBuilder<T> {
  /** `minProperties`. */
  min(count: number): this
  /** `maxProperties`. */
  max(count: number): this
  /** Drops `additionalProperties: false`: unknown keys are accepted (and left untyped). */
  loose(): this
}

export interface ArrayBuilder<I = unknown> extends SchemaBuilder<I[]> {
  /** `minItems`. */
  min(count: number): this
  /** `maxItems`. */
  max(count: number): this
  /** `uniqueItems: true`. */
  unique(): this
}

export interface MapBuilder<V = unknown> extends SchemaBuilder<Record<string, V>> {
  /** `minProperties`. */
  min(count: number): this
  /** `maxProperties`. */
  max(count: number): this
  /** Only keys matching the pattern are allowed (`patternProperties` + `additionalProperties: false`). */
  keyPattern(pattern: RegExp | string): this
  /** The schema of every value. */
  value<P extends SchemaLike>(schema: P): KeepOptional<this, MapBuilder<PayloadType<P>>>
}

/**
 * The TypeScript type a payload schema describes: a builder's output type, `P['static']` for
 * TypeBox-like schemas that carry one, else `unknown`.
 */
export type PayloadType<P> =
  P extends SchemaBuilder<any> ? NonNullable<P['~types']>['output'] : P extends { readonly static: infer T } ? T : unknown

/** `Infer<typeof schema>`: the same as PayloadType. */
export type Infer<P> = PayloadType<P>

type Simplify<T> = { [K in keyof T]: T[K] } & {}

/** Output type of `S.obj(shape)`: optional builders become optional properties. */
export type InferShape<Shape> = Simplify<
  { -readonly [K in keyof Shape as K extends string ? (Shape[K] extends OptionalMark ? never : K) : never]: PayloadType<Shape[K]> } & {
    -readonly [K in keyof Shape as K extends string ? (Shape[K] extends OptionalMark ? K : never) : never]?: PayloadType<Shape[K]>
  }
>

/** Output type of a nullable builder, keeping the optional mark of its input. */
export type NullableOf<P> = KeepOptional<P, SchemaBuilder<PayloadType<P> | null>>
