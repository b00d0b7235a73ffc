// openws/spec: the spec builders (also the fluent authoring style's builders), validation,
// fromJson and the AsyncAPI export.
export { spec, SpecBuilder } from './spec'
export { network, NetworkBuilder } from './network'
export { role, RoleBuilder } from './role'
export { message, MessageBuilder, type RoleRef, type NoReply } from './message'
export { endpoint, EndpointBuilder } from './endpoint'
export { validate, specIssues, MAX_SPEC_ISSUES } from './validate'
export type { SpecIssue } from './issue-text'
export { OPENWS_DOCUMENT_SCHEMA } from './document-schema'
export { assertNetwork, type AssertNetworkOptions } from './assert-network'
export { fromJson } from './from-json'
export { toAsyncApi, type AsyncApiOptions } from './asyncapi'
export type {
  AnyMessageBuilder,
  AnyNetworkBuilder,
  AnyRoleBuilder,
  HostRoleName,
  HostRoleOf,
  IsHostRole,
  MessageName,
  MessagePayload,
  MessageReply,
  NetworkName,
  NetworkRoles,
  RemoteRolesOf,
  RoleMessages,
  RoleReplies,
  RoleName,
} from './types'
