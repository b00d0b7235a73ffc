// fromJson(doc): validates a plain OpenWS document and rebuilds the builders, so that
// `fromJson(doc).valueOf()` deep-equals `doc` (unknown fields, extensions and key order kept).
import type { OpenWsDocument } from '../ir/types'
import { specFromValidDoc, type SpecBuilder } from './spec'
import type { AnyNetworkBuilder } from './types'
import { validate } from './validate'

export function fromJson(doc: unknown): SpecBuilder<Record<string, AnyNetworkBuilder>> {
  return specFromValidDoc(validate(doc) as OpenWsDocument)
}
