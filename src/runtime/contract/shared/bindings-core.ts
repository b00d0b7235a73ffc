// Assembles the BindingsCore every style returns, and the sender rules they share.
import type { NetworkIR, RoleDoc } from '../../ir/types'
import type { BindingsCore, HandlerTarget, InterpretArtifact, LifecycleHooks } from '../types'
import { deepFreeze } from './plain'

/** Remote roles: every role of the network except the host. */
export function remoteRoles(network: NetworkIR, hostRole: string): string[] {
  return Object.keys(network.roles).filter((name) => name !== hostRole)
}

/**
 * Who may send a host message: its `from` list, or (no `from`) every remote role.
 * This is the allow-list the runtime enforces, so routes are only ever made for these roles.
 */
export function allowedSenders(network: NetworkIR, hostRole: string, messageName: string): string[] {
  const from = roleDoc(network, hostRole).messages[messageName]?.from
  return from ? [...from] : remoteRoles(network, hostRole)
}

/** A role of a normalised network, named by the network itself (its host role, a key of its roles): a miss is a bug. */
export function roleDoc(network: NetworkIR, role: string): RoleDoc {
  const doc = Object.hasOwn(network.roles, role) ? network.roles[role] : undefined
  if (doc === undefined) throw new TypeError(`no role "${role}" in network "${network.name}"`)
  return doc
}

export interface CoreParts {
  /** The network, or a function that gives it on first read (compiled bindings: a lazy literal). */
  network: NetworkIR | (() => NetworkIR)
  hostRole: string
  routes: Record<string, Record<string, HandlerTarget>>
  hostClass?: new () => object
  lifecycle?: Record<string, LifecycleHooks>
  /** Class styles know every route up front, so theirs are frozen; fluent fills them later. */
  freezeRoutes: boolean
  /** The interpreter, for bindings the transformer did not compile (see BindingsCore.interpret). */
  interpret?: InterpretArtifact
}

export function createCore(parts: CoreParts): BindingsCore {
  const { network } = parts
  const core = {
    kind: 'openws.bindings' as const,
    ...(typeof network === 'function' ? {} : { network }),
    hostRole: parts.hostRole,
    routes: parts.freezeRoutes ? deepFreeze(parts.routes) : parts.routes,
    lifecycle: parts.lifecycle ?? {},
    ...(parts.hostClass ? { hostClass: parts.hostClass } : {}),
    ...(parts.interpret ? { interpret: parts.interpret } : {}),
  }
  if (typeof network === 'function') Object.defineProperty(core, 'network', { get: network, enumerable: true })
  return core as BindingsCore
}

/** An empty route table with a null prototype, so message names are only ever data. */
export function emptyRoutes(network: NetworkIR, hostRole: string): Record<string, Record<string, HandlerTarget>> {
  return routesFor(Object.keys(roleDoc(network, hostRole).messages))
}

/** The same, from the host's message names (compiled bindings have them without the network). */
export function routesFor(messages: readonly string[]): Record<string, Record<string, HandlerTarget>> {
  const routes: Record<string, Record<string, HandlerTarget>> = Object.create(null)
  for (const name of messages) routes[name] = Object.create(null)
  return routes
}
