// `openws/decorator`: @role, @message, @handler (TC39 and legacy), bindings, runtime.
export * from '../schema/index'
export * from '../contract/decorator/index'
export * from '../session/index'
export * from '../openws-error'
export * from '../error-summaries'
