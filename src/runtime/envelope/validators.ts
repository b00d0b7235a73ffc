// The envelope validators: hand-written (./walk.ts, kept in step with ./schema.ts by
// test/runtime/envelope-walk.test.ts), so decoding a frame never needs the interpreter and
// bundles of transformed code do not carry it.
import type { Validator } from '../validate/types'
import { envelope, errorEnvelope, replyEnvelope } from './walk'

/** Validator of a peer's frame (ENVELOPE_SCHEMA); the same at every depth limit (the payload is not descended into). */
export function envelopeValidator(): Validator {
  return envelope
}

/** Validator of a `$error` frame (ERROR_ENVELOPE_SCHEMA), for clients reading a server's errors. */
export function errorEnvelopeValidator(): Validator {
  return errorEnvelope
}

/** Validator of a `$reply` frame (REPLY_ENVELOPE_SCHEMA): both ends accept replies to their requests. */
export function replyEnvelopeValidator(): Validator {
  return replyEnvelope
}
