// Outbound API objects answer names they lack: `api.typo(...)` rejects with
// OPENWS_ERR_OUTBOUND_UNKNOWN (interpreted and compiled alike) instead of failing the handler with
// "api.typo is not a function". A Proxy at the end of the prototype chain: real methods are found
// before it, so sends never reach a trap; `in`, Object.keys and for-in still see only real messages.
import { openwsError } from '../openws-error'
import type { OutboundFactory } from './types'

/** Names that runtimes and tools probe for (thenables, JSON, inspection, test matchers): never answered. */
const PROBED = new Set([
  'then',
  'catch',
  'finally',
  'toJSON',
  'constructor',
  'toString',
  'valueOf',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'inspect',
  'length',
  'prototype',
  'name',
])

/** The prototype to put under a role's outbound prototype (`Object.setPrototypeOf(proto, trap)`). */
export function unknownMessageTrap(role: string): object {
  return new Proxy(Object.create(null) as object, {
    get(_target, key) {
      if (typeof key !== 'string' || PROBED.has(key) || key.startsWith('$') || key.startsWith('_') || key.startsWith('@')) return undefined
      return function unknownMessage(): Promise<never> {
        return Promise.reject(
          openwsError(
            'OPENWS_ERR_OUTBOUND_UNKNOWN',
            `role "${role}" accepts no message ${JSON.stringify(key)} from this host; check the name against Api<typeof …>`,
            { role, message: key },
          ),
        )
      }
    },
  })
}

/**
 * Compiled artifacts: emitted API classes have a null-prototype `prototype`; the trap goes under it
 * once per role, on the first API object (large roles build their prototype on that first call).
 * No per-call cost: the factories return the emitted objects themselves.
 */
export function trapUnknownOutbound(outbound: Readonly<Record<string, OutboundFactory>>): Record<string, OutboundFactory> {
  const out: Record<string, OutboundFactory> = Object.create(null)
  for (const [role, factory] of Object.entries(outbound)) {
    let trapped = false
    out[role] = (sink) => {
      const api = factory(sink)
      if (!trapped) {
        trapped = true
        const proto = Object.getPrototypeOf(api) as object | null
        if (proto !== null && Object.getPrototypeOf(proto) === null) Object.setPrototypeOf(proto, unknownMessageTrap(role))
      }
      return api
    }
  }
  return out
}
