// `openws/fluent`: spec builders, bindings with fromRoles[role].on(...), runtime.
export * from '../schema/index'
export { spec, network, role, message, endpoint } from '../spec/index'
export * from '../contract/fluent/index'
export * from '../session/index'
export * from '../openws-error'
export * from '../error-summaries'
