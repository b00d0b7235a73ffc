// Array keywords. Member keywords are not applied to a container at depth >= maxDepth:
// one 'depth' issue replaces them (so a hostile payload cannot recurse without bound).
import type { SchemaNode } from '../validate/prepare'
import { duplicateIndex } from '../validate/helpers'
import { type Check, report } from './check'

export function arrayChecks(node: SchemaNode, maxDepth: number, compile: (n: SchemaNode) => Check): Check[] {
  const out: Check[] = []
  const { minItems, maxItems } = node
  if (minItems !== undefined) {
    out.push((v, _d, p, c) => {
      const n = (v as unknown[]).length
      if (n >= minItems) return true
      if (c !== null) report(c, p, 'minItems', minItems, n)
      return false
    })
  }
  if (maxItems !== undefined) {
    out.push((v, _d, p, c) => {
      const n = (v as unknown[]).length
      if (n <= maxItems) return true
      if (c !== null) report(c, p, 'maxItems', maxItems, n)
      return false
    })
  }
  if (!node.arrayMembers) return out
  const items = node.items === undefined ? undefined : compile(node.items)
  const unique = node.uniqueItems === true
  out.push((v, d, p, c) => {
    if (d >= maxDepth) {
      if (c !== null) report(c, p, 'depth', maxDepth, undefined)
      return false
    }
    const a = v as unknown[]
    let ok = true
    if (items !== undefined) {
      for (let i = 0; i < a.length; i++) {
        if (!items(a[i], d + 1, c === null ? '' : p + '/' + i, c)) {
          if (c === null) return false
          ok = false
        }
      }
    }
    if (unique) {
      const j = duplicateIndex(a, maxDepth - d - 1)
      if (j !== -1) {
        if (c === null) return false
        report(c, p, j === -2 ? 'depth' : 'uniqueItems', j === -2 ? maxDepth : true, j === -2 ? undefined : j)
        ok = false
      }
    }
    return ok
  })
  return out
}
