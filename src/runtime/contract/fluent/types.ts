// The typed face of fluent bindings: handler payloads from the host's message schemas,
// `api` typed by the messages the sending role accepts.
import type { NetworkIR } from '../../ir/types'
import type { AnyNetworkBuilder, HostRoleOf, RemoteRolesOf, RoleMessages } from '../../spec/index'
import type { ApiOf } from '../shared/api-types'
import type { BindingsCore } from '../types'

/** Registers handlers and lifecycle hooks for one remote role. All methods chain. */
export interface RoleBinder<HostMessages, PeerApi> {
  readonly role: string
  on<K extends keyof HostMessages & string>(messageName: K, handler: (payload: HostMessages[K], api: PeerApi) => unknown): this
  onOpen(fn: (fromRole: string, peer: PeerApi) => unknown): this
  onClose(fn: (fromRole: string, peer: PeerApi) => unknown): this
  onError(fn: (fromRole: string, peer: PeerApi, error: unknown) => unknown): this
}

type HostMessagesOf<N> = RoleMessages<HostRoleOf<N>>

/** `fromRoles` of a network builder: one typed binder per remote role. */
export type TypedFromRoles<N> = {
  readonly [R in keyof RemoteRolesOf<N>]: RoleBinder<HostMessagesOf<N>, ApiOf<RoleMessages<RemoteRolesOf<N>[R]>>>
}

/** `fromRoles` of a plain NetworkIR: names and payloads are only known at run time. */
export type LooseFromRoles = { readonly [role: string]: RoleBinder<Record<string, any>, Record<string, (payload?: any) => Promise<void>>> }

export interface FluentBindings<FromRoles> extends BindingsCore {
  readonly fromRoles: FromRoles
}

export type BindingsOf<N> = N extends AnyNetworkBuilder ? FluentBindings<TypedFromRoles<N>> : FluentBindings<LooseFromRoles>
export type { NetworkIR }
