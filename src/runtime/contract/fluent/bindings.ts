// bindings() for fluent networks: the host role is the one marked .asHost(); handlers are
// registered afterwards through binder.fromRoles[role].on(name, fn).
import { interpretArtifact } from '../../artifact/interpreted'
import type { NetworkIR } from '../../ir/types'
import { openwsError } from '../../openws-error'
import type { AnyNetworkBuilder, NetworkRoles } from '../../spec/index'
import { definitionGuard } from '../shared/guard'
import { createCore, emptyRoutes, remoteRoles } from '../shared/bindings-core'
import { normalizeNetwork } from '../shared/normalize'
import type { LifecycleHooks } from '../types'
import type { NetworkDraft } from '../shared/draft'
import { draftFromIR, networkIR } from './from-ir'
import { FluentRoleBinder } from './role-binder'
import { isPlainObject } from '../shared/plain'
import { show } from '../shared/show'
import type { FluentBindings, FluentBindingsOptions, LooseFromRoles, TypedFromRoles, TypedFromRolesAs } from './types'

/**
 * Bindings for the host role: the one marked `.asHost()`, or `options.host`, so one network
 * (a shared contract module) serves the server and each client, each hosting its own role.
 */
export function bindings<const N extends AnyNetworkBuilder>(network: N): FluentBindings<TypedFromRoles<N>>
export function bindings<const N extends AnyNetworkBuilder, const H extends keyof NetworkRoles<N> & string>(
  network: N,
  options: FluentBindingsOptions<H>,
): FluentBindings<TypedFromRolesAs<N, H>>
export function bindings(network: NetworkIR, options?: FluentBindingsOptions): FluentBindings<LooseFromRoles>
export function bindings(input: AnyNetworkBuilder | NetworkIR, options?: FluentBindingsOptions): FluentBindings<unknown> {
  return definitionGuard('bindings()', () => build(input, options))
}

function build(input: AnyNetworkBuilder | NetworkIR, options: FluentBindingsOptions | undefined): FluentBindings<unknown> {
  const draft = draftFromIR(networkIR(input))
  if (options !== undefined) chooseHost(draft, options)
  const { network, hostRole } = normalizeNetwork(draft)
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

/** `{ host: 'client' }`: that role is the host, whichever the network marks. */
function chooseHost(draft: NetworkDraft, options: FluentBindingsOptions): void {
  const where = typeof draft.name === 'string' ? { network: draft.name } : {}
  if (!isPlainObject(options))
    throw openwsError('OPENWS_ERR_INVALID_OPTION', `bindings() options must be { host? }, got ${show(options)}`, where)
  for (const key of Object.keys(options)) {
    if (key !== 'host')
      throw openwsError('OPENWS_ERR_INVALID_OPTION', `bindings() got unknown option ${JSON.stringify(key)}; expected host`, where)
  }
  if (options.host === undefined) return
  if (!draft.roles.some((r) => r.name === options.host)) {
    throw openwsError(
      'OPENWS_ERR_INVALID_OPTION',
      `bindings() "host" must name a role of the network (${draft.roles.map((r) => JSON.stringify(r.name)).join(', ')}), got ${show(options.host)}`,
      where,
    )
  }
  for (const role of draft.roles) role.host = role.name === options.host
}
