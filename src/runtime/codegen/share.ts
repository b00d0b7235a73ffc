// Which sub-schemas of an artifact share one explain() function (see ./node.ts: sharedExplain).
import type { SchemaNode } from '../validate/prepare'

/**
 * The canonical key of a sub-schema whose explain() may be shared, or undefined. Shared: scalar,
 * const, enum and array keywords with more to check than `type` (a lone type test is no larger
 * inline than a call). Not shared: anything that reads object keys (a shared function would see
 * every caller's object shapes), combinators and $ref (their code depends on the enclosing schema).
 */
export function shareKey(node: SchemaNode, maxDepth: number): string | undefined {
  if (node.kind !== 'schema' || !keyFree(node) || !worthSharing(node)) return undefined
  let negativeZero = false
  const key = JSON.stringify(canonical(node), (_k, value: unknown) => {
    if (Object.is(value, -0)) negativeZero = true
    return value
  })
  // JSON writes -0 as 0, but the generated code keeps it (an issue's `expected`): such a node keeps
  // its own code rather than share a key with its +0 twin (any marker could collide with real data).
  return negativeZero ? undefined : `${maxDepth}:${key}`
}

/**
 * Every SchemaNode field, and whether the code of a key-free node depends on it (a new field fails
 * to compile here until it is placed). `ptr` and `isRefTarget` do not shape the code; the
 * object, combinator and $ref fields never occur in a key-free node.
 */
const FIELDS: Record<keyof SchemaNode, boolean> = {
  ptr: false,
  kind: true,
  ref: false,
  type: true,
  types: true,
  hasConst: true,
  constValue: true,
  enumValues: true,
  minimum: true,
  maximum: true,
  exclusiveMinimum: true,
  exclusiveMaximum: true,
  multipleOf: true,
  minLength: true,
  maxLength: true,
  pattern: true,
  format: true,
  minItems: true,
  maxItems: true,
  items: true,
  uniqueItems: true,
  minProperties: false,
  maxProperties: false,
  required: false,
  properties: false,
  patternProperties: false,
  additionalProperties: false,
  allOf: false,
  anyOf: false,
  oneOf: false,
  not: false,
  arrayMembers: true,
  objectMembers: true,
  isRefTarget: false,
}
const KEYED = (Object.keys(FIELDS) as (keyof SchemaNode)[]).filter((f) => FIELDS[f])

/**
 * What the generated code of a key-free node depends on, field by field in a fixed order (not a
 * replacer over the node: `const` and `enum` values are data, and their keys must all count).
 */
function canonical(node: SchemaNode): unknown[] {
  return KEYED.map((f) => {
    const value = node[f]
    if (value === undefined) return null
    if (f === 'items') return canonical(value as SchemaNode)
    if (f === 'pattern') return (value as { source: string }).source
    return [value]
  })
}

function keyFree(node: SchemaNode): boolean {
  if (node.kind !== 'schema') return true
  if (
    node.ref !== undefined ||
    node.required !== undefined ||
    node.properties !== undefined ||
    node.patternProperties !== undefined ||
    node.additionalProperties !== undefined ||
    node.minProperties !== undefined ||
    node.maxProperties !== undefined ||
    node.allOf !== undefined ||
    node.anyOf !== undefined ||
    node.oneOf !== undefined ||
    node.not !== undefined
  )
    return false
  return node.items === undefined || keyFree(node.items)
}

function worthSharing(node: SchemaNode): boolean {
  return (
    node.hasConst === true ||
    node.enumValues !== undefined ||
    node.minimum !== undefined ||
    node.maximum !== undefined ||
    node.exclusiveMinimum !== undefined ||
    node.exclusiveMaximum !== undefined ||
    node.multipleOf !== undefined ||
    node.minLength !== undefined ||
    node.maxLength !== undefined ||
    node.pattern !== undefined ||
    node.format !== undefined ||
    node.minItems !== undefined ||
    node.maxItems !== undefined ||
    node.items !== undefined ||
    node.uniqueItems !== undefined
  )
}

/**
 * Counts the shareable sub-schemas in the places that share them: the properties of each root
 * object (see ./node.ts: sharedExplain).
 */
export function countShared(roots: readonly SchemaNode[], maxDepth: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (const root of roots) {
    if (root.isRefTarget) continue
    for (const prop of root.properties ?? []) {
      const key = shareKey(prop.node, maxDepth)
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  return counts
}
