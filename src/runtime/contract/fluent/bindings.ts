// bindings() for fluent networks: the host role is the one marked .asHost(); handlers are
// registered afterwards through binder.fromRoles[role].on(name, fn).
import { interpretArtifact } from '../../artifact/interpreted'
import type { NetworkIR } from '../../ir/types'
import type { AnyNetworkBuilder } from '../../spec/index'
import { definitionGuard } from '../shared/guard'
import { createCore, emptyRoutes, remoteRoles } from '../shared/core'
import { normalizeNetwork } from '../shared/normalize'
import type { LifecycleHooks } from '../types'
import { draftFromIR, networkIR } from './from-ir'
import { FluentRoleBinder } from './role-binder'
import type { FluentBindings, LooseFromRoles, TypedFromRoles } from './types'

export function bindings<const N extends AnyNetworkBuilder>(network: N): FluentBindings<TypedFromRoles<N>>
export function bindings(network: NetworkIR): FluentBindings<LooseFromRoles>
export function bindings(input: AnyNetworkBuilder | NetworkIR): FluentBindings<unknown> {
  return definitionGuard('bindings()', () => build(input))
}

function build(input: AnyNetworkBuilder | NetworkIR): FluentBindings<unknown> {
  const { network, hostRole } = normalizeNetwork(draftFromIR(networkIR(input)))
  const routes = emptyRoutes(network, hostRole)
  const lifecycle: Record<string, LifecycleHooks> = Object.create(null)
  const fromRoles: Record<string, FluentRoleBinder> = Object.create(null)
  for (const role of remoteRoles(network, hostRole)) {
    lifecycle[role] = {}
    fromRoles[role] = new FluentRoleBinder({ network, hostRole, role, routes, hooks: lifecycle[role] })
  }
  const core = createCore({ network, hostRole, routes, lifecycle, freezeRoutes: false, interpret: interpretArtifact })
  return { ...core, fromRoles: Object.freeze(fromRoles) }
}
