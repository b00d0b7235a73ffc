// Type inference for every factory and modifier.
import { describe, expectTypeOf, it } from 'vitest'
import {
  S,
  obj,
  str,
  type Infer,
  type PayloadType,
  type SchemaBuilder,
  type StringBuilder,
  type NumberBuilder,
} from '../../src/runtime/schema/index'

describe('primitives', () => {
  it('infer their TypeScript types', () => {
    expectTypeOf<S.Infer<typeof S.str>>().toEqualTypeOf<string>()
    expectTypeOf<S.Infer<typeof S.int>>().toEqualTypeOf<number>()
    expectTypeOf<S.Infer<typeof S.num>>().toEqualTypeOf<number>()
    expectTypeOf<S.Infer<typeof S.double>>().toEqualTypeOf<number>()
    expectTypeOf<S.Infer<typeof S.bool>>().toEqualTypeOf<boolean>()
    expectTypeOf<S.Infer<typeof S.null>>().toEqualTypeOf<null>()
    expectTypeOf<S.Infer<typeof S.any>>().toEqualTypeOf<unknown>()
  })

  it('top-level Infer and PayloadType agree with S.Infer', () => {
    expectTypeOf<Infer<typeof str>>().toEqualTypeOf<string>()
    expectTypeOf<PayloadType<typeof S.int>>().toEqualTypeOf<number>()
  })

  it('modifiers keep the type', () => {
    const s = S.str.min(1).max(3).pattern(/a/).format('email').desc('d').default('x')
    expectTypeOf(s).toEqualTypeOf<StringBuilder<string>>()
    const n = S.int.min(0).max(9).exclusiveMin(-1).exclusiveMax(10).multipleOf(1)
    expectTypeOf(n).toEqualTypeOf<NumberBuilder<number>>()
  })

  it('.enum narrows to the literals', () => {
    expectTypeOf<S.Infer<ReturnType<typeof S.str.enum<'a' | 'b'>>>>().toEqualTypeOf<'a' | 'b'>()
    const color = S.str.enum('red', 'green')
    expectTypeOf<S.Infer<typeof color>>().toEqualTypeOf<'red' | 'green'>()
    const level = S.int.enum(1, 2, 3)
    expectTypeOf<S.Infer<typeof level>>().toEqualTypeOf<1 | 2 | 3>()
    const ROLES = ['admin', 'user'] as const
    const role = S.str.enum(...ROLES)
    expectTypeOf<S.Infer<typeof role>>().toEqualTypeOf<'admin' | 'user'>()
    const roleEnum = S.enum(...ROLES)
    expectTypeOf<S.Infer<typeof roleEnum>>().toEqualTypeOf<'admin' | 'user'>()
    // @ts-expect-error at least one value
    S.str.enum()
    // A narrowed enum only narrows further.
    expectTypeOf(color.enum).parameter(0).toEqualTypeOf<'red' | 'green'>()
  })

  it('type-specific modifiers exist only where they apply', () => {
    expectTypeOf(S.num).not.toHaveProperty('pattern')
    expectTypeOf(S.str).not.toHaveProperty('multipleOf')
    expectTypeOf(S.bool).not.toHaveProperty('min')
    expectTypeOf(S.obj({})).not.toHaveProperty('value')
    expectTypeOf(S.map).not.toHaveProperty('loose')
    // @ts-expect-error formats are checked
    S.str.format('hostname')
    // @ts-expect-error enum values must match the type
    S.str.enum(1)
    // @ts-expect-error default must match the type
    S.int.default('x')
  })
})

describe('S.obj', () => {
  it('infers required and optional properties', () => {
    const o = S.obj({ joinerId: S.str, roomId: S.str, count: S.int.optional(), tag: S.str.optional().enum('a', 'b') })
    expectTypeOf<S.Infer<typeof o>>().toEqualTypeOf<{ joinerId: string; roomId: string; count?: number; tag?: 'a' | 'b' }>()
  })

  it('optional survives later modifiers', () => {
    const o = S.obj({ a: S.str.optional().min(1).desc('x'), b: S.nullable(S.int.optional()) })
    expectTypeOf<S.Infer<typeof o>>().toEqualTypeOf<{ a?: string; b?: number | null }>()
  })

  it('nests and reads __proto__ and constructor as names', () => {
    const o = obj({ ['__proto__']: S.str, constructor: S.int, inner: S.obj({ x: S.bool }) })
    expectTypeOf<Infer<typeof o>>().toEqualTypeOf<{ __proto__: string; constructor: number; inner: { x: boolean } }>()
  })

  it('plain JSON Schema values are unknown, TypeBox-like ones use static', () => {
    const typebox = {} as { type: 'string'; static: `id-${string}` }
    const o = S.obj({ plain: { type: 'string' }, typed: typebox })
    expectTypeOf<S.Infer<typeof o>>().toEqualTypeOf<{ plain: unknown; typed: `id-${string}` }>()
  })

  it('.loose() and .min keep the type', () => {
    const o = S.obj({ a: S.str }).loose().min(1)
    expectTypeOf<S.Infer<typeof o>>().toEqualTypeOf<{ a: string }>()
  })

  it('rejects non-schema property values', () => {
    // @ts-expect-error a string is not a schema
    S.obj({ a: 'string' })
  })
})

describe('containers', () => {
  it('S.arr infers arrays', () => {
    const a = S.arr(S.obj({ id: S.int }))
      .min(1)
      .unique()
    expectTypeOf<S.Infer<typeof a>>().toEqualTypeOf<{ id: number }[]>()
    expectTypeOf<S.Infer<ReturnType<typeof S.arr<typeof S.str>>>>().toEqualTypeOf<string[]>()
  })

  it('S.map infers Record<string, T>', () => {
    expectTypeOf<S.Infer<typeof S.map>>().toEqualTypeOf<Record<string, unknown>>()
    const m = S.map.value(S.int)
    expectTypeOf<S.Infer<typeof m>>().toEqualTypeOf<Record<string, number>>()
    const p = S.map.keyPattern('^a').value(S.arr(S.str)).max(3)
    expectTypeOf<S.Infer<typeof p>>().toEqualTypeOf<Record<string, string[]>>()
    const o = S.obj({ m: S.map.optional().value(S.bool) })
    expectTypeOf<S.Infer<typeof o>>().toEqualTypeOf<{ m?: Record<string, boolean> }>()
  })
})

describe('literals, unions, nullable', () => {
  it('S.enum infers the literal union', () => {
    const e = S.enum('a', 1, true, null)
    expectTypeOf<S.Infer<typeof e>>().toEqualTypeOf<'a' | 1 | true | null>()
  })

  it('S.const infers the literal', () => {
    expectTypeOf<S.Infer<ReturnType<typeof S.const<'v1'>>>>().toEqualTypeOf<'v1'>()
    const c = S.const(42)
    expectTypeOf<S.Infer<typeof c>>().toEqualTypeOf<42>()
    const o = S.const({ k: ['x'] })
    expectTypeOf<S.Infer<typeof o>>().toEqualTypeOf<{ readonly k: readonly ['x'] }>()
  })

  it('S.union infers the union of members', () => {
    const u = S.union(S.str, S.int, S.obj({ a: S.bool }))
    expectTypeOf<S.Infer<typeof u>>().toEqualTypeOf<string | number | { a: boolean }>()
    const tagged = S.union(S.obj({ t: S.const('a') }), S.obj({ t: S.const('b'), v: S.num }))
    expectTypeOf<S.Infer<typeof tagged>>().toEqualTypeOf<{ t: 'a' } | { t: 'b'; v: number }>()
  })

  it('S.nullable adds null', () => {
    const n = S.nullable(S.str)
    expectTypeOf<S.Infer<typeof n>>().toEqualTypeOf<string | null>()
    const e = S.nullable(S.str.enum('x'))
    expectTypeOf<S.Infer<typeof e>>().toEqualTypeOf<'x' | null>()
    const a = S.nullable(S.arr(S.int))
    expectTypeOf<S.Infer<typeof a>>().toEqualTypeOf<number[] | null>()
  })
})

describe('SchemaBuilder', () => {
  it('every builder is a SchemaBuilder of its output', () => {
    expectTypeOf(S.str).toMatchTypeOf<SchemaBuilder<string>>()
    expectTypeOf(S.obj({ a: S.int })).toMatchTypeOf<SchemaBuilder<{ a: number }>>()
    expectTypeOf(S.map.value(S.str)).toMatchTypeOf<SchemaBuilder<Record<string, string>>>()
    expectTypeOf(S.str.optional()).toMatchTypeOf<SchemaBuilder>()
  })

  it('PayloadType of anything else is unknown', () => {
    expectTypeOf<PayloadType<{ type: 'string' }>>().toEqualTypeOf<unknown>()
    expectTypeOf<PayloadType<boolean>>().toEqualTypeOf<unknown>()
  })
})
