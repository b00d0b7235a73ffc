// Every error openws raises has a stable code from this one table (like fastify's FST_ERR_*).
// Codes are never renamed or reused; a retired code stays here, marked retired.
import type { Issue } from './validate/types'

/** WebSocket close codes openws uses (RFC 6455 §7.4.1). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  tooBig: 1009,
  internalError: 1011,
} as const

interface ErrorSpec {
  /** Human summary; the thrown message adds the specifics. */
  summary: string
  /** Close code when the outcome on a connection is a close; absent when it is an `$error` frame or a throw. */
  close?: number
}

export const ErrorCodes = {
  // --- definition time (bindings, spec validation) ---
  OPENWS_ERR_INVALID_SPEC: { summary: 'the OpenWS document is not valid' },
  OPENWS_ERR_INVALID_NAME: { summary: 'a network, role or message name does not match the key pattern' },
  OPENWS_ERR_RESERVED_NAME: { summary: 'message names starting with "$" are reserved' },
  OPENWS_ERR_DUPLICATE_MESSAGE: { summary: 'a message name repeats within a role' },
  OPENWS_ERR_DUPLICATE_ROLE: { summary: 'two roles share one name' },
  OPENWS_ERR_UNKNOWN_FROM_ROLE: { summary: 'a "from" list names a role that is not in the network' },
  OPENWS_ERR_NO_HOST_ROLE: { summary: 'a network given to bindings needs exactly one host role' },
  OPENWS_ERR_MISSING_HANDLER: { summary: 'a host message has no handler' },
  OPENWS_ERR_HANDLER_NOT_ALLOWED: { summary: 'a handler is registered for a sender role the message\'s "from" list does not allow' },
  OPENWS_ERR_INVALID_SCHEMA: { summary: 'a payload is not a well-formed JSON Schema' },
  OPENWS_ERR_UNSUPPORTED_KEYWORD: { summary: 'a payload schema uses a keyword outside the supported subset' },
  OPENWS_ERR_TRANSFORMER_REQUIRED: { summary: 'this definition needs the openws transformer, which is not configured' },
  OPENWS_ERR_INVALID_OPTION: { summary: 'an option is invalid or contradicts another' },
  // --- on a connection ---
  OPENWS_ERR_BAD_JSON: { summary: 'the frame is not valid JSON', close: CloseCode.invalidPayload },
  OPENWS_ERR_BINARY_FRAME: { summary: 'binary frames are not supported', close: CloseCode.unsupportedData },
  OPENWS_ERR_BAD_ENVELOPE: { summary: 'the frame is not a {fromRole, messageName, payload, id?} envelope' },
  OPENWS_ERR_FRAME_TOO_LARGE: { summary: 'the frame exceeds the size limit', close: CloseCode.tooBig },
  OPENWS_ERR_NOT_OPEN: { summary: 'a message arrived before the remote role was established', close: CloseCode.policyViolation },
  OPENWS_ERR_UNKNOWN_ROLE: { summary: 'the role is not part of the network', close: CloseCode.policyViolation },
  OPENWS_ERR_ROLE_MISMATCH: { summary: 'the frame claims a role other than the one established for the connection', close: CloseCode.policyViolation },
  OPENWS_ERR_UNKNOWN_MESSAGE: { summary: 'the host role has no such message' },
  OPENWS_ERR_SENDER_NOT_ALLOWED: { summary: 'the sender role may not send this message' },
  OPENWS_ERR_INVALID_PAYLOAD: { summary: 'the payload does not match the message schema' },
  OPENWS_ERR_HANDLER_FAILED: { summary: 'the handler threw' },
  OPENWS_ERR_QUEUE_FULL: { summary: 'too many messages are waiting on this connection', close: CloseCode.policyViolation },
  OPENWS_ERR_SESSION_CLOSED: { summary: 'the session is closed' },
  OPENWS_ERR_ALREADY_OPEN: { summary: 'the session is already open' },
  OPENWS_ERR_UNAUTHORIZED: { summary: 'authentication refused the connection' },
  OPENWS_ERR_SLOW_CONSUMER: { summary: "the peer's outbound buffer is full", close: CloseCode.policyViolation },
  OPENWS_ERR_SHUTTING_DOWN: { summary: 'the server is shutting down', close: CloseCode.goingAway },
  OPENWS_ERR_INTERNAL: { summary: 'an internal error', close: CloseCode.internalError },
  // --- outbound (thrown to the caller, nothing sent) ---
  OPENWS_ERR_OUTBOUND_INVALID: { summary: 'an outbound payload does not match the message schema' },
  OPENWS_ERR_OUTBOUND_UNKNOWN: { summary: 'the peer role has no such message' },
  OPENWS_ERR_SEND_FAILED: { summary: 'the transport failed to send' },
} as const satisfies Record<string, ErrorSpec>

export type ErrorCode = keyof typeof ErrorCodes

export interface OpenWsErrorDetails {
  network?: string
  role?: string
  message?: string
  keyword?: string
  issues?: Issue[]
  /** Close code override. */
  close?: number
  cause?: unknown
}

export class OpenWsError extends Error {
  readonly code: ErrorCode
  /** The close code to send when this error ends a connection; undefined for `$error` frames and throws. */
  readonly closeCode: number | undefined
  readonly issues: Issue[] | undefined
  readonly network: string | undefined
  readonly role: string | undefined
  readonly messageName: string | undefined

  constructor(code: ErrorCode, message: string, details: OpenWsErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'OpenWsError'
    this.code = code
    const spec: ErrorSpec = ErrorCodes[code]
    this.closeCode = details.close ?? spec.close
    this.issues = details.issues
    this.network = details.network
    this.role = details.role
    this.messageName = details.message
  }
}

/** Builds an error whose message names where it happened: "network chat, role server, message x: ...". */
export function openwsError(code: ErrorCode, what: string, details: OpenWsErrorDetails = {}): OpenWsError {
  const where = [
    details.network !== undefined ? `network "${details.network}"` : '',
    details.role !== undefined ? `role "${details.role}"` : '',
    details.message !== undefined ? `message "${details.message}"` : '',
  ].filter(Boolean).join(', ')
  return new OpenWsError(code, where ? `${where}: ${what}` : what, details)
}

export function isOpenWsError(value: unknown): value is OpenWsError {
  return value instanceof OpenWsError
}
