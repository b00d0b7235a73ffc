// allOf, anyOf, oneOf, not. The alternatives of anyOf/oneOf/not are run in `is` mode: only the
// combinator's own issue is reported, so explaining stays cheap and deterministic.
import type { SchemaNode } from '../validate/prepare'
import { type Check, report } from './check'

export function combinatorChecks(node: SchemaNode, compile: (n: SchemaNode) => Check): Check[] {
  const out: Check[] = []
  if (node.allOf !== undefined) {
    const subs = node.allOf.map(compile)
    out.push((v, d, p, c) => {
      let ok = true
      for (const s of subs) {
        if (!s(v, d, p, c)) {
          if (c === null) return false
          ok = false
        }
      }
      return ok
    })
  }
  if (node.anyOf !== undefined) {
    const subs = node.anyOf.map(compile)
    out.push((v, d, p, c) => {
      for (const s of subs) if (s(v, d, '', null)) return true
      if (c !== null) report(c, p, 'anyOf', undefined, undefined)
      return false
    })
  }
  if (node.oneOf !== undefined) {
    const subs = node.oneOf.map(compile)
    out.push((v, d, p, c) => {
      let n = 0
      for (const s of subs) if (s(v, d, '', null)) n++
      if (n === 1) return true
      if (c !== null) report(c, p, 'oneOf', 1, n)
      return false
    })
  }
  if (node.not !== undefined) {
    const sub = compile(node.not)
    out.push((v, d, p, c) => {
      if (!sub(v, d, '', null)) return true
      if (c !== null) report(c, p, 'not', undefined, undefined)
      return false
    })
  }
  return out
}
