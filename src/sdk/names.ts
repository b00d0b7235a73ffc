// Type and class names for generated code, derived from network/role/message/definition names
// (which may hold `-`, `.`, `<`...): PascalCase, identifier characters only, deduplicated.
import type { JsonSchema } from '../runtime/ir/types'
import { Names, pascal, type SdkMessage } from './model'

/** PascalCase of any string, keeping only identifier characters. */
export function typeName(...parts: string[]): string {
  return parts.map((p) => pascal(p.replace(/[^A-Za-z0-9_-]+/g, '_'))).join('')
}

export interface PayloadNames {
  /** `{network}{role}{message}` payload (and `...Reply` reply) type name, per key (payloadKey/replyKey). */
  payload: Map<string, string>
  /** Definition type names, per payload key, container and entry name. */
  defs: Map<string, Map<string, Map<string, string>>>
}

export const payloadKey = (role: string, message: string): string => `${role}\u0000${message}`
/** The key of a message's reply schema (request/reply), beside its payload's. */
export const replyKey = (role: string, message: string): string => `${payloadKey(role, message)}\u0000reply`

export interface SchemaItem {
  role: string
  message: string
  payload: JsonSchema
  /** The schema is the message's reply (named `{network}{role}{message}Reply`), not its payload. */
  reply?: boolean
}

/** The payload and, for requests, the reply schemas of messages owned by `owner`. */
export function schemaItems(owner: string, messages: readonly SdkMessage[]): SchemaItem[] {
  return messages.flatMap((m) => [
    { role: owner, message: m.name, payload: m.payload },
    ...(m.reply !== undefined ? [{ role: owner, message: m.name, payload: m.reply, reply: true }] : []),
  ])
}

export const itemKey = (item: SchemaItem): string => (item.reply === true ? replyKey : payloadKey)(item.role, item.message)

/** Names for every payload and reply schema (and its `$defs`) of the given items. */
export function payloadNames(network: string, items: SchemaItem[], names: Names): PayloadNames {
  const out: PayloadNames = { payload: new Map(), defs: new Map() }
  for (const item of items) {
    const { role, message, payload } = item
    const key = itemKey(item)
    if (out.payload.has(key)) continue
    const base = names.take(item.reply === true ? typeName(network, role, message, 'reply') : typeName(network, role, message))
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
