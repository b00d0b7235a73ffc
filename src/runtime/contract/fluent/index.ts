// `openws/fluent`: bindings(network) with binder.fromRoles[role].on(name, handler) and the peer API types.
export { bindings } from './bindings'
export type {
  FluentBindings,
  FluentBindingsOptions,
  RoleBinder,
  TypedFromRoles,
  TypedFromRolesAs,
  RoleApi,
  LooseFromRoles,
  BindingsOf,
} from './types'
export type { ApiProto, ApiOf } from '../shared/api-types'
export type { BindingsCore, HandlerTarget, LifecycleHooks } from '../types'
