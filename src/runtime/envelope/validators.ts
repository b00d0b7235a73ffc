// Interpreted envelope validators, built once on first use (module-level, network-independent).
import { interpret } from '../interpret/index'
import { DEFAULT_LIMITS } from '../limits'
import type { Validator } from '../validate/types'
import { ENVELOPE_SCHEMA, ERROR_ENVELOPE_SCHEMA } from './schema'

let envelope: Validator | undefined
let errorEnvelope: Validator | undefined

/** Validator of a peer's frame (ENVELOPE_SCHEMA). */
export function envelopeValidator(): Validator {
  return (envelope ??= interpret(ENVELOPE_SCHEMA, { maxDepth: DEFAULT_LIMITS.maxDepth + 1 }))
}

/** Validator of a `$error` frame (ERROR_ENVELOPE_SCHEMA), for clients reading a server's errors. */
export function errorEnvelopeValidator(): Validator {
  return (errorEnvelope ??= interpret(ERROR_ENVELOPE_SCHEMA, { maxDepth: DEFAULT_LIMITS.maxDepth + 1 }))
}
