// Whether a schema bounds the nesting of every value its validator accepts, so that the session can
// skip its depth walk (tooDeepAt) for that message: read from the prepared schema, the one reading
// both the code generator and the interpreter share, so both paths decide alike.
//
// A node *confines* its values when every container (object or array) it accepts has all of its
// members checked by confining nodes: `type` admits only scalars, an `enum`/`const` of scalars, an
// object node with `additionalProperties` (every own key then meets a schema) whose property,
// pattern and additional schemas confine, an array node whose `items` confines; or a conjunct does
// ($ref, one allOf member, every anyOf/oneOf alternative). Such containers are exactly the ones the
// validator visits, and it refuses one on a level >= its maxDepth (the `depth` check of
// properties/items). So an accepted value has containers on levels below min(height, maxDepth)
// only, where height is the number of container levels the schema allows (Infinity when recursive).
// `enum`/`const` holding containers do not confine (their comparison has no depth check).
import type { SchemaNode } from './prepare'

export interface DepthBound {
  /** Every value the validator accepts keeps its containers on levels below min(height, maxDepth). */
  confined: boolean
  /** An upper bound of the container levels of accepted values (0: scalars only); Infinity if unknown. */
  height: number
}

type Confined = (node: SchemaNode) => boolean

export function depthBoundOf(root: SchemaNode): DepthBound {
  const nodes = reachable(root)
  // Greatest fixed point (recursion assumed confined until shown otherwise): a value is finite, so
  // induction on the value, not on the schema, carries the argument above.
  const state = new Map<SchemaNode, boolean>(nodes.map((n) => [n, true]))
  const confined: Confined = (n) => state.get(n)!
  for (let changed = true; changed;) {
    changed = false
    for (const n of nodes) {
      if (state.get(n) === true && !confines(n, confined)) {
        state.set(n, false)
        changed = true
      }
    }
  }
  if (!confined(root)) return { confined: false, height: Infinity }
  return { confined: true, height: heightOf(root, confined, new Map(), new Set()) }
}

/** The smallest bound the session may rely on: min(height, maxDepth) when confined, else Infinity. */
export function depthBoundValue(bound: DepthBound, maxDepth: number): number {
  return bound.confined ? Math.min(bound.height, maxDepth) : Infinity
}

function reachable(root: SchemaNode): SchemaNode[] {
  const seen = new Set<SchemaNode>()
  const todo = [root]
  while (todo.length > 0) {
    const n = todo.pop()!
    if (seen.has(n)) continue
    seen.add(n)
    todo.push(...children(n))
  }
  return [...seen]
}

function children(n: SchemaNode): SchemaNode[] {
  return [
    ...(n.ref === undefined ? [] : [n.ref]),
    ...(n.properties ?? []).map((p) => p.node),
    ...(n.patternProperties ?? []).map((p) => p.node),
    ...(n.additionalProperties === undefined ? [] : [n.additionalProperties]),
    ...(n.items === undefined ? [] : [n.items]),
    ...(n.allOf ?? []),
    ...(n.anyOf ?? []),
    ...(n.oneOf ?? []),
    ...(n.not === undefined ? [] : [n.not]),
  ]
}

const isScalar = (x: unknown): boolean => typeof x !== 'object' || x === null

/** The value kinds `type` admits (all when absent). */
function kinds(n: SchemaNode): Set<string> {
  const all = ['object', 'array', 'scalar']
  if (n.types === undefined) return new Set(all)
  return new Set(n.types.map((t) => (t === 'object' || t === 'array' ? t : 'scalar')))
}

/** Own keywords alone confine: scalar values only, or containers whose members all meet confining schemas. */
function ownConfines(n: SchemaNode, confined: Confined): boolean {
  if (n.hasConst === true && isScalar(n.constValue)) return true
  if (n.enumValues !== undefined && n.enumValues.every(isScalar)) return true
  const k = kinds(n)
  if (k.has('object')) {
    if (n.additionalProperties === undefined) return false
    const members = [...(n.properties ?? []).map((p) => p.node), ...(n.patternProperties ?? []).map((p) => p.node), n.additionalProperties]
    if (!members.every(confined)) return false
  }
  if (k.has('array') && (n.items === undefined || !confined(n.items))) return false
  return true
}

function confines(n: SchemaNode, confined: Confined): boolean {
  if (n.kind !== 'schema') return n.kind === 'false'
  return (
    ownConfines(n, confined) ||
    (n.ref !== undefined && confined(n.ref)) ||
    (n.allOf ?? []).some(confined) ||
    (n.anyOf !== undefined && n.anyOf.every(confined)) ||
    (n.oneOf !== undefined && n.oneOf.every(confined))
  )
}

/**
 * Container levels of the values a confined node accepts, an upper bound: a node met again on the
 * way down is recursion (Infinity). Memoised bounds stay upper bounds, so they stay safe.
 */
function heightOf(n: SchemaNode, confined: Confined, memo: Map<SchemaNode, number>, stack: Set<SchemaNode>): number {
  if (n.kind !== 'schema') return n.kind === 'false' ? 0 : Infinity
  const known = memo.get(n)
  if (known !== undefined) return known
  if (stack.has(n)) return Infinity
  stack.add(n)
  const h = (x: SchemaNode): number => heightOf(x, confined, memo, stack)
  const max = (xs: SchemaNode[]): number => Math.max(0, ...xs.map(h))
  // The value meets every conjunct: the least bound among the confining ones holds.
  const bounds: number[] = []
  if (ownConfines(n, confined)) bounds.push(ownHeight(n, h, max))
  if (n.ref !== undefined && confined(n.ref)) bounds.push(h(n.ref))
  for (const x of n.allOf ?? []) if (confined(x)) bounds.push(h(x))
  if (n.anyOf !== undefined && n.anyOf.every(confined)) bounds.push(max(n.anyOf))
  if (n.oneOf !== undefined && n.oneOf.every(confined)) bounds.push(max(n.oneOf))
  stack.delete(n)
  const out = Math.min(Infinity, ...bounds)
  memo.set(n, out)
  return out
}

function ownHeight(n: SchemaNode, h: (x: SchemaNode) => number, max: (xs: SchemaNode[]) => number): number {
  if ((n.hasConst === true && isScalar(n.constValue)) || (n.enumValues !== undefined && n.enumValues.every(isScalar))) return 0
  const k = kinds(n)
  let out = 0
  if (k.has('object'))
    out = Math.max(
      out,
      1 + max([...(n.properties ?? []).map((p) => p.node), ...(n.patternProperties ?? []).map((p) => p.node), n.additionalProperties!]),
    )
  if (k.has('array')) out = Math.max(out, 1 + h(n.items!))
  return out
}
