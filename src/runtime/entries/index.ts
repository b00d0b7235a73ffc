// `openws`: class-first style, the S builder, runtime and errors.
export * from '../schema/index'
export * from '../contract/class/index'
export * from '../session/index'
export * from '../openws-error'
export * from '../error-summaries'
// What transformer output calls in place of bindings(...) (see src/transformer/README.md).
export { compiledBindings, compiledFluentBindings } from '../contract/compiled'
// The format checks, one export each, so transformed code keeps only those its schemas use.
export * from '../validate/format-exports'
// The validator helpers only some keywords need, one export each, for the same reason.
export * from '../validate/helper-exports'
