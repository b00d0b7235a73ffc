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
export type { Infer } from './types'
