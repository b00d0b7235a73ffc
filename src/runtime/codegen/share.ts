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
  return `${maxDepth}:${JSON.stringify(node, (k, v: unknown) => (k === 'ptr' || k === 'isRefTarget' ? undefined : k === 're' ? undefined : v))}`
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
