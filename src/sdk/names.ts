// Type and class names for generated code, derived from network/role/message/definition names
// (which may hold `-`, `.`, `<`...): PascalCase, identifier characters only, deduplicated.
import { Names, pascal } from './model'

/** PascalCase of any string, keeping only identifier characters. */
export function typeName(...parts: string[]): string {
  return parts.map((p) => pascal(p.replace(/[^A-Za-z0-9_-]+/g, '_'))).join('')
}

export interface PayloadNames {
  /** `{network}{role}{message}` payload type name, per owner role and message. */
  payload: Map<string, string>
  /** Definition type names, per payload key, container and entry name. */
  defs: Map<string, Map<string, Map<string, string>>>
}

export const payloadKey = (role: string, message: string): string => `${role}\u0000${message}`

/** Names for every payload (and its `$defs`) of the given (role, message, payload) triples. */
export function payloadNames(network: string, items: { role: string; message: string; payload: unknown }[], names: Names): PayloadNames {
  const out: PayloadNames = { payload: new Map(), defs: new Map() }
  for (const { role, message, payload } of items) {
    const key = payloadKey(role, message)
    if (out.payload.has(key)) continue
    const base = names.take(typeName(network, role, message))
    out.payload.set(key, base)
    const containers = new Map<string, Map<string, string>>()
    if (typeof payload === 'object' && payload !== null) {
      for (const container of ['$defs', 'definitions']) {
        const entries = (payload as Record<string, unknown>)[container]
        if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) continue
        const map = new Map<string, string>()
        for (const entry of Object.keys(entries)) map.set(entry, names.take(`${base}${typeName(entry) || 'Def'}`))
        containers.set(container, map)
      }
    }
    out.defs.set(key, containers)
  }
  return out
}
