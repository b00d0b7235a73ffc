// The bench catalogue (../catalogue.ts) as TypeScript types, compiled by typia's transformer (see
// ../index.ts): `is` for the loose variants, `equals` (extra keys rejected) for the strict ones.
import typia, { type tags } from 'typia'

type Int = number & tags.Type<'int64'>

export interface Numbers {
  x: number
  y: number
  z: number
  w: number
}
export interface Integers {
  a: Int
  b: Int & tags.Minimum<0>
  c: Int & tags.Maximum<1000>
  d: Int
}
export interface Booleans {
  a: boolean
  b: boolean
  c: boolean
}
export interface ShortStrings {
  id: string
  name: string & tags.MinLength<1> & tags.MaxLength<64>
  lang: string
}
export interface LongStrings {
  title: string
  body: string & tags.MaxLength<4096>
}
export interface Nested {
  user: { id: string; profile: { age: Int & tags.Minimum<0>; email: string; verified: boolean } }
  meta: { ts: Int; source: string }
}
export interface Item {
  id: Int & tags.Minimum<0>
  name: string
  price: number
  inStock: boolean
}
export interface ArrayOfObjects {
  items: Item[]
  total: number
}
export interface EnumsUnions {
  status: 'draft' | 'review' | 'published' | 'archived'
  id: string | Int
  shape: { kind: 'circle'; r: number } | { kind: 'rect'; w: number; h: number }
}
export interface Optionals {
  id: string
  nick?: string
  age?: Int & tags.Minimum<0>
  tags?: string[]
  bio?: string
}

export const is = {
  numbers: typia.createIs<Numbers>(),
  integers: typia.createIs<Integers>(),
  booleans: typia.createIs<Booleans>(),
  shortStrings: typia.createIs<ShortStrings>(),
  longStrings: typia.createIs<LongStrings>(),
  nested: typia.createIs<Nested>(),
  arrayOfObjects: typia.createIs<ArrayOfObjects>(),
  enumsUnions: typia.createIs<EnumsUnions>(),
  optionals: typia.createIs<Optionals>(),
}
/** `equals` also rejects extra properties: the same contract as additionalProperties: false. */
export const equals = {
  numbers: typia.createEquals<Numbers>(),
  integers: typia.createEquals<Integers>(),
  booleans: typia.createEquals<Booleans>(),
  shortStrings: typia.createEquals<ShortStrings>(),
  longStrings: typia.createEquals<LongStrings>(),
  nested: typia.createEquals<Nested>(),
  arrayOfObjects: typia.createEquals<ArrayOfObjects>(),
  enumsUnions: typia.createEquals<EnumsUnions>(),
  optionals: typia.createEquals<Optionals>(),
}
