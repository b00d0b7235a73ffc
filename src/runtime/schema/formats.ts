// String formats openws validates. Kept small on purpose: each one is implemented identically
// by the compiled validators and the interpreter, so both agree on every input.
import type { StringFormat } from './types'

export const SUPPORTED_FORMATS: readonly StringFormat[] = /* @__PURE__ */ Object.freeze([
  'date-time',
  'date',
  'time',
  'email',
  'uuid',
  'uri',
  'ipv4',
  'ipv6',
] as const)
