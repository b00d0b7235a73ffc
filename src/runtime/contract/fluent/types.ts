// The typed face of fluent bindings: handler payloads from the host's message schemas,
// `api` typed by the messages the sending role accepts.
import type { NetworkIR } from '../../ir/types'
import type { AnyNetworkBuilder, HostRoleOf, NetworkRoles, RemoteRolesOf, RoleMessages, RoleReplies } from '../../spec/index'
import type { ApiOf } from '../shared/api-types'
import type { RequestOptions } from '../../session/requests'
import type { BindingsCore } from '../types'

/** Registers handlers and lifecycle hooks for one remote role. All methods chain. */
export interface RoleBinder<HostMessages, PeerApi, HostReplies = {}> {
  readonly role: string
  /** For a message with `.reply(schema)`, the handler's return value (or its promise's) is the reply. */
  on<K extends keyof HostMessages & string>(
    messageName: K,
    handler: (payload: HostMessages[K], api: PeerApi) => HandlerResult<HostReplies, K>,
  ): this
  onOpen(fn: (fromRole: string, peer: PeerApi) => unknown): this
  onClose(fn: (fromRole: string, peer: PeerApi) => unknown): this
  onError(fn: (fromRole: string, peer: PeerApi, error: unknown) => unknown): this
}

/** A request's handler returns its reply; any other (and an unknown name: `never`) returns anything. */
type HandlerResult<Replies, K> = [K] extends [never]
  ? unknown
  : [K] extends [keyof Replies]
    ? Replies[K & keyof Replies] | Promise<Replies[K & keyof Replies]>
    : unknown

type HostMessagesOf<N> = RoleMessages<HostRoleOf<N>>

/** The outbound API of a fluent role: requests (messages with a reply) resolve to the reply. */
export type FluentApi<Messages, Replies> = {
  [K in keyof Messages & string]: K extends keyof Replies
    ? (payload: Messages[K], options?: RequestOptions) => Promise<Replies[K]>
    : (payload: Messages[K]) => Promise<void>
}

/** `fromRoles` of a network builder: one typed binder per remote role. */
export type TypedFromRoles<N> = {
  readonly [R in keyof RemoteRolesOf<N>]: RoleBinder<
    HostMessagesOf<N>,
    FluentApi<RoleMessages<RemoteRolesOf<N>[R]>, RoleReplies<RemoteRolesOf<N>[R]>>,
    RoleReplies<HostRoleOf<N>>
  >
}

/**
 * `fromRoles` when this process implements role `H` of a shared network (`bindings(network, { host: H })`):
 * one typed binder per other role.
 */
export type TypedFromRolesAs<N, H extends string> = {
  readonly [R in Exclude<keyof NetworkRoles<N>, H>]: RoleBinder<
    RoleMessages<NetworkRoles<N>[H & keyof NetworkRoles<N>]>,
    ApiOf<RoleMessages<NetworkRoles<N>[R]>>
  >
}

/** The outbound API of a peer playing role `R` of network `N`: `connect<RoleApi<typeof chat, 'server'>>(...)`. */
export type RoleApi<N, R extends keyof NetworkRoles<N>> = ApiOf<RoleMessages<NetworkRoles<N>[R]>>

/** `bindings(network, options)`: which role this process implements, when not the one marked `.asHost()`. */
export interface FluentBindingsOptions<H extends string = string> {
  /** A role name of the network: this process hosts it (a shared contract network names no host, or the server's). */
  host?: H
}

/** `fromRoles` of a plain NetworkIR: names and payloads are only known at run time. */
export type LooseFromRoles = { readonly [role: string]: RoleBinder<Record<string, any>, Record<string, (payload?: any) => Promise<void>>> }

export interface FluentBindings<FromRoles> extends BindingsCore {
  readonly fromRoles: FromRoles
}

export type BindingsOf<N> = N extends AnyNetworkBuilder ? FluentBindings<TypedFromRoles<N>> : FluentBindings<LooseFromRoles>
export type { NetworkIR }
