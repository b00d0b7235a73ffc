// The nesting limit every inbound payload must keep, whatever its schema: a schema like
// `{ type: 'object' }` never descends into the value, so without this a 10,000-deep value would
// reach the handler. Walks containers only and stops at the limit, so its own recursion is bounded.

/**
 * The JSON Pointer of the first object or array nested `maxDepth` or more levels below `value`
 * (`value` itself is level 0), or undefined when there is none. So `maxDepth` 1 allows `{a: 1}`
 * and refuses `{a: {}}` at `/a`.
 */
export function tooDeepAt(value: unknown, maxDepth: number): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  return deeper(value, maxDepth)
}

function deeper(value: object, budget: number): string | undefined {
  if (budget <= 0) return ''
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (typeof item === 'object' && item !== null) {
        const at = deeper(item, budget - 1)
        if (at !== undefined) return `/${i}${at}`
      }
    }
    return undefined
  }
  for (const key in value) {
    const item: unknown = (value as Record<string, unknown>)[key]
    if (typeof item === 'object' && item !== null) {
      const at = deeper(item, budget - 1)
      if (at !== undefined) return `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}${at}`
    }
  }
  return undefined
}
