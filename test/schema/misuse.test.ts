// Every misuse is a TypeError with a clear message and the stable code, thrown at definition time.
import { describe, expect, it } from 'vitest'
import { S } from '../../src/runtime/schema/index'

/** Runs fn, expects a schema TypeError whose message matches, and returns it. */
function misuse(fn: () => unknown, message: RegExp): void {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught, 'expected a throw').toBeInstanceOf(TypeError)
  expect((caught as Error).message).toMatch(/^openws schema: /)
  expect((caught as Error).message).toMatch(message)
  expect((caught as { code?: string }).code).toBe('OPENWS_ERR_INVALID_SCHEMA')
}

const loose = S as any

describe('modifiers on the wrong type', () => {
  it('.pattern only on strings', () => {
    misuse(() => loose.num.pattern('x'), /\.pattern\(\) applies to string schemas, not number/)
    misuse(() => loose.int.pattern(/x/), /not integer/)
    misuse(() => loose.obj({}).pattern('x'), /not object/)
  })

  it('.format only on strings', () => {
    misuse(() => loose.bool.format('email'), /\.format\(\) applies to string schemas, not boolean/)
  })

  it('.min/.max not on bool, null, any, enum, const, union, nullable', () => {
    misuse(() => loose.bool.min(1), /\.min\(\) applies to string or integer or number or array or object or map schemas, not boolean/)
    misuse(() => loose.null.max(1), /not null/)
    misuse(() => loose.any.min(1), /not any/)
    misuse(() => loose.enum('a').min(1), /not enum/)
    misuse(() => loose.const(1).max(1), /not const/)
    misuse(() => loose.union(S.str).min(1), /not union/)
    misuse(() => loose.nullable(S.str).min(1), /apply \.min\(\) before S\.nullable\(\)/)
  })

  it('.enum only on strings and numbers', () => {
    misuse(() => loose.bool.enum(true), /\.enum\(\) applies to string or integer or number schemas, not boolean/)
    misuse(() => loose.arr(S.str).enum([]), /not array/)
  })

  it('number-only, array-only, object-only and map-only modifiers', () => {
    misuse(() => loose.str.multipleOf(2), /\.multipleOf\(\) applies to integer or number schemas, not string/)
    misuse(() => loose.str.exclusiveMin(2), /\.exclusiveMin\(\) applies to integer or number/)
    misuse(() => loose.str.exclusiveMax(2), /\.exclusiveMax\(\) applies to integer or number/)
    misuse(() => loose.str.unique(), /\.unique\(\) applies to array schemas, not string/)
    misuse(() => loose.map.loose(), /\.loose\(\) applies to object schemas, not map/)
    misuse(() => loose.obj({}).keyPattern('x'), /\.keyPattern\(\) applies to map schemas, not object/)
    misuse(() => loose.obj({}).value(S.str), /\.value\(\) applies to map schemas, not object/)
  })

  it('a modifier detached from its builder', () => {
    const min = S.str.min
    misuse(() => min.call({}, 1), /\.min\(\) must be called on an S builder/)
    misuse(() => (min as any)(1), /must be called on an S builder/)
  })
})

describe('bad bounds', () => {
  it('lengths and counts are non-negative integers', () => {
    misuse(() => S.str.min(-1), /\.min\(\) on a string schema needs a non-negative integer, got number -1/)
    misuse(() => S.str.max(1.5), /needs a non-negative integer, got number 1.5/)
    misuse(() => S.arr(S.str).min(Number.NaN), /non-negative integer, got number NaN/)
    misuse(() => S.obj({}).max(Infinity), /non-negative integer/)
    misuse(() => S.map.min(2 ** 60), /non-negative integer/)
    misuse(() => loose.str.min('1'), /got string "1"/)
  })

  it('numeric bounds are finite', () => {
    misuse(() => S.num.min(Number.NaN), /needs a finite number, got number NaN/)
    misuse(() => S.int.max(-Infinity), /finite number/)
    misuse(() => loose.num.min(1n), /got bigint 1/)
    misuse(() => S.num.multipleOf(0), /\.multipleOf\(\) needs a positive number, got 0/)
    misuse(() => S.num.multipleOf(-2), /positive number/)
    misuse(() => S.num.exclusiveMin(Infinity), /finite number/)
  })

  it('min greater than max, either order', () => {
    misuse(() => S.str.max(2).min(3), /minLength 3 is greater than maxLength 2/)
    misuse(() => S.str.min(3).max(2), /minLength 3 is greater than maxLength 2/)
    misuse(() => S.int.min(5).max(4), /minimum 5 is greater than maximum 4/)
    misuse(() => S.arr(S.str).min(2).max(1), /minItems 2 is greater than maxItems 1/)
    misuse(() => S.obj({}).min(2).max(1), /minProperties 2 is greater than maxProperties 1/)
    misuse(() => S.map.max(0).min(1), /minProperties 1 is greater than maxProperties 0/)
    misuse(() => S.num.exclusiveMin(1).exclusiveMax(1), /exclusiveMinimum 1 must be less than exclusiveMaximum 1/)
  })
})

describe('patterns and formats', () => {
  it('rejects flags other than u', () => {
    misuse(() => S.str.pattern(/a/i), /got \/a\/i: JSON Schema patterns have no flags \(only "u" is allowed\), remove "i"/)
    misuse(() => S.str.pattern(/a/g), /remove "g"/)
    misuse(() => S.str.pattern(/a/mu), /remove "m"/)
    misuse(() => S.map.keyPattern(/a/s), /\.keyPattern\(\) got \/a\/s/)
  })

  it('rejects patterns that do not compile in unicode mode', () => {
    misuse(() => S.str.pattern('('), /\.pattern\(\) got an invalid pattern "\("/)
    misuse(() => S.str.pattern('\\-'), /invalid pattern/)
    misuse(() => S.map.keyPattern('[z-a]'), /\.keyPattern\(\) got an invalid pattern/)
  })

  it('rejects non-pattern values', () => {
    misuse(() => loose.str.pattern(42), /\.pattern\(\) needs a RegExp or a string, got number 42/)
  })

  it('accepts only supported formats', () => {
    misuse(
      () => loose.str.format('hostname'),
      /\.format\(\) got string "hostname"; supported formats: date-time, date, time, email, uuid, uri, ipv4, ipv6/,
    )
    misuse(() => loose.str.format(undefined), /got undefined/)
  })
})

describe('enum and const values', () => {
  it('S.enum needs JSON values, at least one, no repeats', () => {
    misuse(() => loose.enum(), /S\.enum\(\) needs at least one value/)
    misuse(() => loose.enum('a', undefined), /S\.enum\(\) value at position 1 must be JSON, but the value is undefined/)
    misuse(() => loose.enum(() => 1), /must be JSON, but the value is function/)
    misuse(() => loose.enum(Number.NaN), /must be JSON, but the value is NaN/)
    misuse(() => loose.enum(new Date(0)), /must be JSON, but the value is a Date instance/)
    misuse(() => loose.enum({ a: Symbol('x') }), /must be JSON, but "\/a" is symbol/)
    misuse(() => loose.enum('a', 'a'), /S\.enum\(\) got the value string "a" twice/)
    misuse(() => loose.enum({ a: 1, b: 2 }, { b: 2, a: 1 }), /twice/)
  })

  it('.enum on a builder checks values against the type', () => {
    misuse(() => loose.str.enum(), /\.enum\(\) needs at least one value/)
    misuse(() => loose.str.enum('a', 1), /\.enum\(\) on a string schema got number 1 at position 1/)
    misuse(() => loose.int.enum(1.5), /on an integer schema got number 1.5/)
    misuse(() => loose.num.enum(Infinity), /on a number schema got number Infinity/)
    misuse(() => loose.num.enum(1, 1), /got the value number 1 twice/)
  })

  it('S.const and .default need JSON', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    misuse(() => loose.const(cyclic), /S\.const\(\) value must be JSON, but "\/self" is a cycle/)
    misuse(() => loose.const(undefined), /must be JSON/)
    misuse(() => loose.str.default(new Map()), /\.default\(\) value must be JSON, but the value is a Map instance/)
    misuse(() => loose.num.default(Infinity), /must be JSON/)
  })
})

describe('bad schema inputs', () => {
  it('S.obj needs a plain object of schemas', () => {
    misuse(() => loose.obj(), /S\.obj\(\) needs an object of property schemas, got undefined/)
    misuse(() => loose.obj(null), /got null/)
    misuse(() => loose.obj([S.str]), /got an array/)
    misuse(() => loose.obj({ a: 'string' }), /S\.obj\(\) property "a" must be an S builder or a JSON Schema object, got string "string"/)
    misuse(() => loose.obj({ a: undefined }), /property "a" must be an S builder or a JSON Schema object, got undefined/)
    misuse(() => loose.obj({ a: S.str, b: loose.string }), /property "b" .* got undefined/)
    misuse(() => loose.obj({ a: 1 }), /got number 1/)
    misuse(() => loose.obj({ a: [] }), /got an array/)
    misuse(() => loose.obj({ a: new (class Foo {})() }), /got a Foo instance/)
    misuse(() => loose.obj({ a: { type: 'string', f: () => 1 } }), /property "a" must be JSON, but "\/f" is function/)
  })

  it('optional builders only where they mean something', () => {
    misuse(
      () => S.arr(S.str.optional()),
      /S\.arr\(\) item is \.optional\(\), which only has a meaning for S\.obj properties, not array items/,
    )
    misuse(() => S.union(S.str, S.int.optional()), /S\.union\(\) member at position 1 is \.optional\(\).*not union members/)
    misuse(() => S.map.value(S.str.optional()), /\.value\(\) schema is \.optional\(\).*not map values/)
  })

  it('S.union needs members; S.arr, S.nullable and .value need schemas', () => {
    misuse(() => loose.union(), /S\.union\(\) needs at least one schema/)
    misuse(() => loose.union(S.str, 'x'), /member at position 1 must be an S builder or a JSON Schema object/)
    misuse(() => loose.arr(), /S\.arr\(\) item must be an S builder or a JSON Schema object, got undefined/)
    misuse(() => loose.nullable(42), /S\.nullable\(\) schema must be/)
    misuse(() => loose.map.value(null), /\.value\(\) schema must be an S builder or a JSON Schema object, got null/)
  })

  it('.desc needs a string', () => {
    misuse(() => loose.str.desc(1), /\.desc\(\) needs a string, got number 1/)
  })

  it('a deeply nested plain schema is refused, not a stack overflow', () => {
    let deep: Record<string, unknown> = { type: 'string' }
    for (let i = 0; i < 2000; i++) deep = { type: 'array', items: deep }
    misuse(() => S.arr(deep), /nested deeper than 512 levels/)
  })
})
