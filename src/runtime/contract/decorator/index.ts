// `openws/decorator`: @role, @message, @handler (TC39 and legacy), bindings() and the Api/Peer types.
export { role, message, handler } from './decorators'
export { bindings } from '../class/bindings'
export type { RoleOptions, MessageOptions, HandlerOptions, RoleDecorator, MethodDecorator, MessageDecorator } from './types'
export type { NetworkConfig, FromRef, EndpointLike } from '../class/types'
export type { Api, Peer, ApiProto, UntypedMessageStub } from '../shared/api-types'
export type { BindingsCore, HandlerTarget, LifecycleHooks } from '../types'
