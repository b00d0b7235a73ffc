// Envelope validators for interpreted artifacts, one per depth limit.
import { interpret } from '../interpret/index'
import { ENVELOPE_SCHEMA } from '../envelope/schema'
import type { Validator } from '../validate/types'

const byDepth = new Map<number, Validator>()

export function envelopeValidatorFor(maxDepth: number): Validator {
  let v = byDepth.get(maxDepth)
  if (v === undefined) byDepth.set(maxDepth, (v = interpret(ENVELOPE_SCHEMA, { maxDepth: maxDepth + 1 })))
  return v
}
