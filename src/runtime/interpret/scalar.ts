// type, const, enum, numeric and string keywords.
import type { SchemaNode } from '../validate/prepare'
import { codePointLength, deepEqual, isMultipleOf, isObject, kindOf } from '../validate/helpers'
import { FORMAT_CHECKS } from '../validate/formats'
import { type Check, report } from './check'

/** A predicate for one JSON type name. NaN and ±Infinity are not JSON numbers. */
export function typePredicate(type: string): (v: unknown) => boolean {
  switch (type) {
    case 'string':
      return (v) => typeof v === 'string'
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v)
    case 'integer':
      return (v) => Number.isInteger(v)
    case 'boolean':
      return (v) => typeof v === 'boolean'
    case 'null':
      return (v) => v === null
    case 'array':
      return (v) => Array.isArray(v)
    default:
      return isObject
  }
}

export function typeCheck(node: SchemaNode): Check | undefined {
  if (node.types === undefined) return undefined
  const preds = node.types.map(typePredicate)
  const expected = node.type
  if (preds.length === 1) {
    const ok = preds[0]!
    return (v, _d, p, c) => {
      if (ok(v)) return true
      if (c !== null) report(c, p, 'type', expected, kindOf(v))
      return false
    }
  }
  return (v, _d, p, c) => {
    for (const ok of preds) if (ok(v)) return true
    if (c !== null) report(c, p, 'type', expected, kindOf(v))
    return false
  }
}

export function valueChecks(node: SchemaNode, out: Check[]): void {
  if (node.hasConst) {
    const k = node.constValue
    out.push((v, _d, p, c) => {
      if (deepEqual(v, k)) return true
      if (c !== null) report(c, p, 'const', k, kindOf(v))
      return false
    })
  }
  if (node.enumValues !== undefined) {
    const values = node.enumValues
    const primitives = values.every((x) => typeof x !== 'object' || x === null) ? new Set(values) : undefined
    out.push((v, _d, p, c) => {
      if (primitives !== undefined) {
        if (primitives.has(v)) return true
      } else for (const e of values) if (deepEqual(v, e)) return true
      if (c !== null) report(c, p, 'enum', values, kindOf(v))
      return false
    })
  }
}

type NumberTest = (v: number, limit: number) => boolean
const NUMBER_KEYWORDS: Array<[keyof SchemaNode & string, NumberTest]> = [
  // Written so that NaN fails every bound.
  ['minimum', (v, l) => v >= l],
  ['maximum', (v, l) => v <= l],
  ['exclusiveMinimum', (v, l) => v > l],
  ['exclusiveMaximum', (v, l) => v < l],
  ['multipleOf', (v, l) => isMultipleOf(v, l)],
]

export function numberChecks(node: SchemaNode): Check[] {
  const out: Check[] = []
  for (const [keyword, test] of NUMBER_KEYWORDS) {
    const limit = node[keyword] as number | undefined
    if (limit === undefined) continue
    out.push((v, _d, p, c) => {
      if (test(v as number, limit)) return true
      if (c !== null) report(c, p, keyword, limit, v)
      return false
    })
  }
  return out
}

export function stringChecks(node: SchemaNode): Check[] {
  const out: Check[] = []
  const { minLength, maxLength, pattern, format } = node
  if (minLength !== undefined) {
    const decisive = 2 * minLength
    out.push((v, _d, p, c) => {
      // Code points >= UTF-16 units / 2: long strings pass without counting.
      if ((v as string).length >= decisive) return true
      const n = codePointLength(v as string)
      if (n >= minLength) return true
      if (c !== null) report(c, p, 'minLength', minLength, n)
      return false
    })
  }
  if (maxLength !== undefined) {
    out.push((v, _d, p, c) => {
      // Code points <= UTF-16 units: short strings pass without counting.
      if ((v as string).length <= maxLength) return true
      const n = codePointLength(v as string)
      if (n <= maxLength) return true
      if (c !== null) report(c, p, 'maxLength', maxLength, n)
      return false
    })
  }
  if (pattern !== undefined) {
    const { re, source } = pattern
    out.push((v, _d, p, c) => {
      if (re.test(v as string)) return true
      if (c !== null) report(c, p, 'pattern', source, undefined)
      return false
    })
  }
  if (format !== undefined) {
    const test = FORMAT_CHECKS[format]!
    out.push((v, _d, p, c) => {
      if (test(v as string)) return true
      if (c !== null) report(c, p, 'format', format, undefined)
      return false
    })
  }
  return out
}
