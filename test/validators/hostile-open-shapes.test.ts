// Open shapes in loops and optional keys under a polluted Object.prototype, on both paths: the
// generated code tests the prototype's keys once per call (U), so these pin that down.
import { describe, expect, it } from 'vitest'
import { interpret } from '../../src/runtime/interpret/index'
import type { JsonSchema } from '../../src/runtime/ir/types'
import type { Validator } from '../../src/runtime/validate/types'
import { compileGenerated } from './compile-source'

const item: JsonSchema = { type: 'object', properties: { id: { type: 'integer' }, tag: { type: 'string' } }, required: ['id'] }
const list: JsonSchema = { type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'] }

function polluted<T>(key: string, value: unknown, run: () => T): T {
  const proto = Object.prototype as Record<string, unknown>
  proto[key] = value
  try {
    return run()
  } finally {
    delete proto[key]
  }
}

describe.each([
  ['generated', compileGenerated],
  ['interpreted', interpret],
] as const)('open shapes, hostile (%s)', (_label, make: (s: JsonSchema) => Validator) => {
  const v = make(list)

  it('an inherited key never satisfies required inside an array of objects', () => {
    expect(v.is({ items: [{ id: 1 }, { id: 2 }] })).toBe(true)
    polluted('id', 3, () => {
      expect(v.is({ items: [{ id: 1 }, {}] })).toBe(false)
      expect(v.explain({ items: [{ id: 1 }, {}] }, 5).map((i) => [i.path, i.code])).toEqual([['/items/1/id', 'required']])
      expect(v.is({ items: [{ id: 1 }, { id: 2 }] })).toBe(true)
    })
  })

  it('an inherited value of an optional key is ignored; an own undefined one is checked', () => {
    polluted('tag', 5, () => {
      expect(v.is({ items: [{ id: 1 }] })).toBe(true)
      expect(v.is({ items: [{ id: 1, tag: 5 }] })).toBe(false)
    })
    expect(v.is({ items: [{ id: 1, tag: undefined }] })).toBe(false)
    expect(v.is({ items: [{ id: 1 }, Object.create({ tag: 5 }, { id: { value: 2, enumerable: true } })] })).toBe(true)
  })

  it('a union of objects decides alike on any prototype, in is and in the is code explain runs', () => {
    const named: JsonSchema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }
    const u = make({ type: 'object', properties: { x: { anyOf: [item, named] } }, required: ['x'] })
    const bare = Object.assign(Object.create(null) as object, { name: 'n' })
    expect(u.is({ x: bare })).toBe(true)
    expect(u.explain({ x: bare }, 5)).toEqual([])
    const inherited = Object.create({ id: 1, name: 'n' }) as object
    expect(u.is({ x: inherited })).toBe(false)
    expect(u.explain({ x: inherited }, 5).map((i) => [i.path, i.code])).toEqual([['/x', 'anyOf']])
    polluted('name', 'n', () => {
      expect(u.is({ x: {} })).toBe(false)
      expect(u.explain({ x: {} }, 5).map((i) => i.code)).toEqual(['anyOf'])
      expect(u.is({ x: { name: 'm' } })).toBe(true)
      expect(u.explain({ x: { name: 'm' } }, 5)).toEqual([])
    })
  })

  it('an array is never an object, whatever its prototype', () => {
    const arrayLike = Object.setPrototypeOf([], Object.prototype) as unknown[]
    expect(v.is({ items: [arrayLike] })).toBe(false)
    expect(make(item).is(arrayLike)).toBe(false)
    const withId = Object.setPrototypeOf(Object.assign([], { id: 1 }), Object.prototype) as unknown[]
    expect(make(item).is(withId)).toBe(false)
    // An object with a `length` of its own stays an object.
    expect(make(item).is({ id: 1, length: 2 })).toBe(true)
    expect(v.is({ items: [{ id: 1, length: 0 }] })).toBe(true)
    // A schema naming `length` keeps the array test of its own.
    const sized = make({ type: 'object', properties: { length: { type: 'integer' } }, required: ['length'] })
    expect(sized.is({ length: 3 })).toBe(true)
    expect(sized.is(Object.setPrototypeOf([1, 2, 3], Object.prototype))).toBe(false)
  })
})
