// typia writes named types as OpenAPI components ("#/components/schemas/X"); a payload is one
// self-contained JSON Schema, so they move to "$defs" and references are rewritten.
import type { JsonSchema } from '../../../runtime/ir/types'

const PREFIX = '#/components/schemas/'

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite)
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const next = k === '$ref' && typeof v === 'string' && v.startsWith(PREFIX) ? `#/$defs/${v.slice(PREFIX.length)}` : rewrite(v)
    Object.defineProperty(out, k, { value: next, enumerable: true, writable: true, configurable: true })
  }
  return out
}

/** Components become $defs; with none, the schema is returned as is (rewritten copy). */
export function componentsToDefs(schema: JsonSchema, components: Record<string, unknown>): JsonSchema {
  const root = rewrite(schema) as Record<string, unknown>
  const names = Object.keys(components)
  if (names.length === 0) return root
  const defs: Record<string, unknown> = {}
  for (const name of names) defs[name] = rewrite(components[name])
  return { ...root, $defs: defs }
}
