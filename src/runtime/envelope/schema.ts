// The envelope is checked by a validator built from these schemas (generated or interpreted),
// not by hand-written checks, so the accept/reject decisions live in one place.
import type { JsonSchema } from '../ir/types'
import { MAX_ID_LENGTH } from './types'

const ID_SCHEMA: JsonSchema = {
  anyOf: [
    { type: 'string', maxLength: MAX_ID_LENGTH },
    { type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
  ],
}

/**
 * A frame from a peer. Names must not start with `$` (reserved); the payload is checked later
 * against the message's own schema, so here it is only required to be present.
 */
export const ENVELOPE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['fromRole', 'messageName', 'payload'],
  properties: {
    fromRole: { type: 'string', minLength: 1, pattern: '^[^$]' },
    messageName: { type: 'string', minLength: 1, pattern: '^[^$]' },
    payload: true,
    id: ID_SCHEMA,
  },
}

/**
 * A `$reply` frame: the answer to the request whose `id` it carries (request/reply, both
 * directions). The payload is checked later against the message's reply schema.
 */
export const REPLY_ENVELOPE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['fromRole', 'messageName', 'payload', 'id'],
  properties: {
    fromRole: { type: 'string', minLength: 1, pattern: '^[^$]' },
    messageName: { const: '$reply' },
    payload: true,
    id: ID_SCHEMA,
  },
}

/** The payload of a `$error` frame, as a client receiving one checks it. */
export const ERROR_PAYLOAD_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    messageName: { type: 'string' },
    id: ID_SCHEMA,
    issues: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'code'],
        properties: { path: { type: 'string' }, code: { type: 'string' } },
      },
    },
  },
}

/** A `$error` frame as a whole: the only reserved frame a peer may send (server to client). */
export const ERROR_ENVELOPE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['fromRole', 'messageName', 'payload'],
  properties: {
    fromRole: { type: 'string', minLength: 1, pattern: '^[^$]' },
    messageName: { const: '$error' },
    payload: ERROR_PAYLOAD_SCHEMA,
    id: ID_SCHEMA,
  },
}
