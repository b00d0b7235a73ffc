// Type helpers over the spec builders, for code that types handlers and outbound APIs from a
// fluent network (e.g. `bindings(network).fromRoles[role].on(name, (payload, api) => ...)`).
//
//   MessageName<M>      'createRoom'                       for message('createRoom')
//   MessagePayload<M>   {userId: string; roomId: string}   for .payload(S.obj({...}))
//   RoleName<R>         'server'                           for role('server')
//   RoleMessages<R>     {createRoom: P1; joinRoom: P2}     message name -> payload type
//   IsHostRole<R>       true after .asHost(), false otherwise (boolean when unknown, e.g. fromJson)
//   NetworkName<N>      'chat'                             for network('chat')
//   NetworkRoles<N>     {server: RoleBuilder<...>; client: RoleBuilder<...>}  role name -> builder
//   HostRoleName<N>     'server': the role marked .asHost() (never if none)
//   HostRoleOf<N>       the host role's builder type (never if none)
//   RemoteRolesOf<N>    NetworkRoles<N> without the host role: role name -> builder
//
// All of them read the phantom `'~types'` member each builder declares (type-level only, never set).
import type { MessageBuilder, NoReply } from './message'
import type { NetworkBuilder } from './network'
import type { RoleBuilder } from './role'

/** Any message builder, whatever its name and payload. */
export type AnyMessageBuilder = MessageBuilder<string, any, any>
/** Any role builder. */
export type AnyRoleBuilder = RoleBuilder<string, any, boolean, any>
/** Any network builder. */
export type AnyNetworkBuilder = NetworkBuilder<string, any>

/** `M` with entry `K: V` added (or replaced); a flat object type, so equality checks read naturally. */
export type WithEntry<M, K extends string, V> = { [P in keyof M | K]: P extends K ? V : M[P & keyof M] }

export type MessageName<M> = M extends { readonly '~types': { readonly name: infer N } } ? N : never
export type MessagePayload<M> = M extends { readonly '~types': { readonly payload: infer P } } ? P : never
/** The reply type of `.reply(schema)`; NoReply for a one-way message. */
export type MessageReply<M> = M extends { readonly '~types': { readonly reply: infer R } } ? R : NoReply

export type RoleName<R> = R extends { readonly '~types': { readonly role: infer N } } ? N : never
export type RoleMessages<R> = R extends { readonly '~types': { readonly messages: infer M } } ? M : never
/** message name -> reply type, for the role's messages that are requests. */
export type RoleReplies<R> = R extends { readonly '~types': { readonly replies: infer M } } ? M : {}
export type IsHostRole<R> = R extends { readonly '~types': { readonly host: infer H } } ? H : never

export type NetworkName<N> = N extends { readonly '~types': { readonly network: infer Name } } ? Name : never
export type NetworkRoles<N> = N extends { readonly '~types': { readonly roles: infer R } } ? R : never

export type HostRoleName<N> = {
  [K in keyof NetworkRoles<N>]: IsHostRole<NetworkRoles<N>[K]> extends true ? K : never
}[keyof NetworkRoles<N>] &
  string
export type HostRoleOf<N> = NetworkRoles<N>[HostRoleName<N> & keyof NetworkRoles<N>]
export type RemoteRolesOf<N> = {
  [K in keyof NetworkRoles<N> as IsHostRole<NetworkRoles<N>[K]> extends true ? never : K]: NetworkRoles<N>[K]
}
