// What generated code imports as `openws` in tests: the same helpers, from the sources.
export { compiledBindings, compiledFluentBindings } from '../../src/runtime/contract/compiled'
export * from '../../src/runtime/validate/format-exports'
export * from '../../src/runtime/validate/helper-exports'
