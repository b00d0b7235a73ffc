// Envelope codec shared by the session loop and every adapter.
export type { Envelope, EnvelopeId, ErrorFramePayload } from './types'
export { ERROR_MESSAGE, MAX_ID_LENGTH } from './types'
export { ENVELOPE_SCHEMA, ERROR_PAYLOAD_SCHEMA, ERROR_ENVELOPE_SCHEMA } from './schema'
export { encodeEnvelope, decodeEnvelope, frameText, utf8Exceeds, isValidId } from './codec'
export type { DecodeOptions } from './codec'
export { envelopeValidator, errorEnvelopeValidator } from './validators'
