// The one prototype every builder shares, with the chainable modifiers, and the factory that
// makes builders. A builder is a frozen object with three data fields (kind, json, isOptional),
// so it stays plain data tools can read; every modifier checks that it applies to the builder's
// kind and returns a NEW builder; the receiver never changes.
import type { JsonSchemaObject } from '../ir/types'
import type { SchemaBuilder, SchemaKind } from './types'
import { BRAND_KEY, BRAND_VALUE, freshJson, isOwnBuilder, markOwn, schemaJson, type BuilderData } from './builder-json'
import { checkCount, checkFinite, checkText, patternSource } from './checks'
import { describe, schemaError } from './fail'
import { cloneJson, deepFreeze, setData } from './json'
import { SUPPORTED_FORMATS } from './formats'

const NUMERIC: readonly SchemaKind[] = ['integer', 'number']
const SIZED: readonly SchemaKind[] = ['string', 'integer', 'number', 'array', 'object', 'map']

/** What `.min` / `.max` mean for each kind: [min keyword, max keyword]. */
const BOUNDS: Partial<Record<SchemaKind, readonly [string, string]>> = {
  string: ['minLength', 'maxLength'],
  integer: ['minimum', 'maximum'],
  number: ['minimum', 'maximum'],
  array: ['minItems', 'maxItems'],
  object: ['minProperties', 'maxProperties'],
  map: ['minProperties', 'maxProperties'],
}

/**
 * The shared prototype: the brand and the modifiers, non-enumerable so builders print and spread
 * as their data fields only. Built by one pure call, so an unused S costs nothing after bundling.
 */
const builderProto: object = /* @__PURE__ */ createProto()

/** Makes a frozen builder. `json` must be fresh plain JSON owned by the new builder (it is deep-frozen). */
export function makeBuilder<B extends SchemaBuilder<any>>(kind: SchemaKind, json: JsonSchemaObject, isOptional = false): B {
  const builder = Object.create(builderProto) as { kind: SchemaKind; json: JsonSchemaObject; isOptional: boolean }
  builder.kind = kind
  builder.json = deepFreeze(json)
  builder.isOptional = isOptional
  return markOwn(Object.freeze(builder)) as unknown as B
}

type Modifier = (b: BuilderData, arg: unknown, args: unknown[]) => unknown

/**
 * Installs `.name(...args)` on `proto`: checks the receiver is a builder of one of `kinds` (any
 * kind when null), then lets `fn` build the result.
 */
function install(proto: object, name: string, kinds: readonly SchemaKind[] | null, fn: Modifier): void {
  function modifier(this: unknown, ...args: unknown[]): unknown {
    if (!isOwnBuilder(this)) throw schemaError(`.${name}() must be called on an S builder`)
    const b = this as unknown as BuilderData
    if (kinds && !kinds.includes(b.kind)) {
      const hint = b.kind === 'nullable' ? ` (apply .${name}() before S.nullable())` : ''
      throw schemaError(`.${name}() applies to ${kinds.join(' or ')} schemas, not ${b.kind}${hint}`)
    }
    return fn(b, args[0], args)
  }
  Object.defineProperty(proto, name, { value: modifier })
}

/** A new builder with `json` (default: a shallow copy; nested JSON is frozen and shared). */
function derive(b: BuilderData, json: JsonSchemaObject = { ...b.json }, kind = b.kind, isOptional = b.isOptional): unknown {
  return makeBuilder(kind, json, isOptional)
}

/** A new builder of the same kind with `key` set. */
function withKeyword(b: BuilderData, key: string, value: unknown): unknown {
  const json: JsonSchemaObject = { ...b.json }
  setData(json, key, value)
  return derive(b, json)
}

/** "a string", "an integer": for readable messages. */
function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`
}

/** Sets one side of a [low, high] keyword pair, refusing low > high (or >= when `strict`). */
function bound(b: BuilderData, side: 0 | 1, pair: readonly [string, string], value: number, what: string, strict = false): unknown {
  const lo = side === 0 ? value : b.json[pair[0]]
  const hi = side === 1 ? value : b.json[pair[1]]
  if (typeof lo === 'number' && typeof hi === 'number' && (strict ? lo >= hi : lo > hi)) {
    throw schemaError(`${what}: ${pair[0]} ${lo} ${strict ? 'must be less than' : 'is greater than'} ${pair[1]} ${hi}`)
  }
  return withKeyword(b, pair[side], value)
}

/** A map's value schema sits in `additionalProperties`, or under its one key pattern. */
function setMap(b: BuilderData, key: string | undefined, value: unknown): unknown {
  const { patternProperties: _p, additionalProperties: _a, ...json } = b.json as JsonSchemaObject
  if (key === undefined) {
    json.additionalProperties = value
  } else {
    const patternProperties: JsonSchemaObject = {}
    setData(patternProperties, key, value)
    json.patternProperties = patternProperties
    json.additionalProperties = false
  }
  return derive(b, json)
}

function createProto(): object {
  const proto: object = Object.create(Object.prototype)
  Object.defineProperty(proto, BRAND_KEY, { value: BRAND_VALUE })
  const def = (name: string, kinds: readonly SchemaKind[] | null, fn: Modifier) => install(proto, name, kinds, fn)

  for (const [name, side] of [
    ['min', 0],
    ['max', 1],
  ] as const) {
    def(name, SIZED, (b, value) => {
      const what = `.${name}() on ${article(b.kind)} schema`
      const n = NUMERIC.includes(b.kind) ? checkFinite(value, what) : checkCount(value, what)
      return bound(b, side, BOUNDS[b.kind]!, n, what)
    })
  }
  for (const [name, side] of [
    ['exclusiveMin', 0],
    ['exclusiveMax', 1],
  ] as const) {
    def(name, NUMERIC, (b, value) =>
      bound(b, side, ['exclusiveMinimum', 'exclusiveMaximum'], checkFinite(value, `.${name}()`), `.${name}()`, true),
    )
  }

  def('optional', null, (b) => derive(b, undefined, b.kind, true))
  def('desc', null, (b, text) => withKeyword(b, 'description', checkText(text, '.desc()')))
  def('default', null, (b, value) => withKeyword(b, 'default', cloneJson(value, '.default() value')))

  def('multipleOf', NUMERIC, (b, value) => {
    const n = checkFinite(value, '.multipleOf()')
    if (n <= 0) throw schemaError(`.multipleOf() needs a positive number, got ${n}`)
    return withKeyword(b, 'multipleOf', n)
  })

  def('pattern', ['string'], (b, pattern) => withKeyword(b, 'pattern', patternSource(pattern, '.pattern()')))

  def('format', ['string'], (b, name) => {
    if (!(SUPPORTED_FORMATS as readonly unknown[]).includes(name)) {
      throw schemaError(`.format() got ${describe(name)}; supported formats: ${SUPPORTED_FORMATS.join(', ')}`)
    }
    return withKeyword(b, 'format', name)
  })

  def('enum', ['string', 'integer', 'number'], (b, _first, values) => {
    if (values.length === 0) throw schemaError('.enum() needs at least one value')
    values.forEach((v, i) => {
      const ok =
        b.kind === 'string'
          ? typeof v === 'string'
          : b.kind === 'integer'
            ? Number.isSafeInteger(v)
            : typeof v === 'number' && Number.isFinite(v)
      if (!ok) throw schemaError(`.enum() on ${article(b.kind)} schema got ${describe(v)} at position ${i}`)
      if (values.indexOf(v) !== i) throw schemaError(`.enum() got the value ${describe(v)} twice`)
    })
    return withKeyword(b, 'enum', values)
  })

  def('unique', ['array'], (b) => withKeyword(b, 'uniqueItems', true))

  def('loose', ['object'], (b) => {
    const json: JsonSchemaObject = { ...b.json }
    delete json.additionalProperties
    return derive(b, json)
  })

  def('keyPattern', ['map'], (b, pattern) => {
    const current = b.json.patternProperties as Record<string, unknown> | undefined
    const value = current ? current[Object.keys(current)[0]!] : (b.json.additionalProperties ?? {})
    return setMap(b, patternSource(pattern, '.keyPattern()'), value)
  })

  def('value', ['map'], (b, schema) => {
    const current = b.json.patternProperties as Record<string, unknown> | undefined
    return setMap(b, current && Object.keys(current)[0], schemaJson(schema, '.value() schema', 'map values'))
  })

  for (const name of ['jsonSchema', 'valueOf', 'toJSON']) def(name, null, (b) => freshJson(b.json))

  return Object.freeze(proto)
}
