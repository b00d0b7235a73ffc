// `openws` (class-first style): bindings() over static CONFIG classes and the Api/Peer types.
export { bindings } from './bindings'
export type { NetworkConfig, RoleConfig, MessageConfig, HandlerConfig, FromRef, EndpointLike } from './types'
export type { Api, Peer, ApiProto, Handlers, Payload, Reply, UntypedMessageStub } from '../shared/api-types'
export type { BindingsCore, HandlerTarget, LifecycleHooks } from '../types'
