// The members of the `S` namespace. Exported from the barrel as `export * as S`, so `S` is an
// ES module namespace object: immutable, and bundlers see through `S.obj(...)` to tree-shake it.
// `S.Infer<typeof schema>` works because namespaces carry types too.
export { str, int, num, double, bool, any } from './primitives'
export { null_ as null } from './primitives'
export { obj } from './object'
export { arr } from './array'
export { map } from './map'
export { enum_ as enum, const_ as const } from './literal'
export { union, nullable } from './union'
import type { Infer as InferOf } from './types'
// A local alias, not a type re-export: the bundled .d.ts turns a re-exported type inside a
// namespace into a `const` (so `S.Infer<…>` failed with TS2749 in the published types).
export type Infer<T> = InferOf<T>
