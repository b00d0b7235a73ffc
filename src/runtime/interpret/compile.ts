// Prepares one closure per schema node, once. Checks run in the canonical keyword order shared with
// the code generator: $ref, type (stops the node), const, enum, number, string, array, object,
// allOf, anyOf, oneOf, not.
import type { PreparedSchema, SchemaNode } from '../validate/prepare'
import { isObject } from '../validate/helpers'
import { type Check, report } from './check'
import { numberChecks, stringChecks, typeCheck, valueChecks } from './scalar'
import { arrayChecks } from './arrays'
import { objectChecks } from './object'
import { combinatorChecks } from './combine'

export function compileRoot(prepared: PreparedSchema): Check {
  const { maxDepth } = prepared
  const cache = new Map<SchemaNode, Check>()
  const compile = (node: SchemaNode): Check => {
    const hit = cache.get(node)
    if (hit !== undefined) return hit
    // Refs may be cyclic: register an indirection first, fill it in after.
    let impl: Check = () => true
    const indirect: Check = (v, d, p, c) => impl(v, d, p, c)
    cache.set(node, indirect)
    impl = compileNode(node, maxDepth, compile)
    if (!node.isRefTarget) cache.set(node, impl)
    return node.isRefTarget ? indirect : impl
  }
  return compile(prepared.root)
}

const ALWAYS: Check = () => true
const NEVER: Check = (_v, _d, p, c) => {
  if (c !== null) report(c, p, 'false', false, undefined)
  return false
}

function sequence(checks: Check[]): Check {
  if (checks.length === 0) return ALWAYS
  if (checks.length === 1) return checks[0]!
  return (v, d, p, c) => {
    let ok = true
    for (const check of checks) {
      if (!check(v, d, p, c)) {
        if (c === null) return false
        ok = false
      }
    }
    return ok
  }
}

function compileNode(node: SchemaNode, maxDepth: number, compile: (n: SchemaNode) => Check): Check {
  if (node.kind === 'true') return ALWAYS
  if (node.kind === 'false') return NEVER
  const ref = node.ref === undefined ? undefined : compile(node.ref)
  const type = typeCheck(node)
  const values: Check[] = []
  valueChecks(node, values)
  const numbers = sequence(numberChecks(node))
  const strings = sequence(stringChecks(node))
  const arrays = sequence(arrayChecks(node, maxDepth, compile))
  const objects = sequence(objectChecks(node, maxDepth, compile))
  const rest = sequence(combinatorChecks(node, compile))
  const head = sequence(values)
  const hasKindChecks = numbers !== ALWAYS || strings !== ALWAYS || arrays !== ALWAYS || objects !== ALWAYS
  // Common leaves ({type: 'string'}) are just their type check.
  if (ref === undefined && head === ALWAYS && !hasKindChecks && rest === ALWAYS) return type ?? ALWAYS
  return (v, d, p, c) => {
    let ok = true
    if (ref !== undefined && !ref(v, d, p, c)) {
      if (c === null) return false
      ok = false
    }
    if (type !== undefined && !type(v, d, p, c)) return false
    if (head !== ALWAYS && !head(v, d, p, c)) {
      if (c === null) return false
      ok = false
    }
    if (hasKindChecks) {
      const kind = typeof v
      const byKind = kind === 'number' ? numbers : kind === 'string' ? strings : Array.isArray(v) ? arrays : isObject(v) ? objects : ALWAYS
      if (!byKind(v, d, p, c)) {
        if (c === null) return false
        ok = false
      }
    }
    if (rest !== ALWAYS && !rest(v, d, p, c)) {
      if (c === null) return false
      ok = false
    }
    return ok
  }
}
