// Bundler-free transformer core. The unplugin wrapper and the ts-patch entry both build on this.
export { transformSource } from './transform-source'
export type {
  TransformMode,
  TransformSourceOptions,
  TransformSourceResult,
  TransformDiagnostic,
  TransformSourceMap,
  ResolvedModule,
  DiagnosticSeverity,
} from './types'
export { TransformerError, isTransformerError } from './errors'
export { parseModule, type ParsedFile } from './ast'
