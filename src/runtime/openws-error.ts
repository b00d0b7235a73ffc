// Every error openws raises has a stable code from this one table (like fastify's FST_ERR_*).
// Codes are never renamed or reused; a retired code stays here, marked retired.
// Its summaries: ./error-summaries.ts.
import type { Issue } from './validate/types'

/** A frame's correlation id (the same as the envelope's `EnvelopeId`). */
type FrameId = string | number

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

/**
 * Every code, with the close code when the outcome on a connection is a close, else 0 (an `$error`
 * frame or a throw). The summaries live in ./error-summaries.ts (`ErrorCodes`), which only code that
 * shows them imports, so a browser bundle carries this table and not their text.
 */
export const ERROR_CLOSE_CODES = {
  // --- definition time (bindings, spec validation) ---
  OPENWS_ERR_INVALID_SPEC: 0,
  OPENWS_ERR_INVALID_NAME: 0,
  OPENWS_ERR_RESERVED_NAME: 0,
  OPENWS_ERR_DUPLICATE_MESSAGE: 0,
  OPENWS_ERR_DUPLICATE_ROLE: 0,
  OPENWS_ERR_UNKNOWN_FROM_ROLE: 0,
  OPENWS_ERR_NO_HOST_ROLE: 0,
  OPENWS_ERR_MISSING_HANDLER: 0,
  OPENWS_ERR_HANDLER_NOT_ALLOWED: 0,
  OPENWS_ERR_INVALID_SCHEMA: 0,
  OPENWS_ERR_UNSUPPORTED_KEYWORD: 0,
  OPENWS_ERR_TRANSFORMER_REQUIRED: 0,
  OPENWS_ERR_TYPED_MODE_UNAVAILABLE: 0,
  OPENWS_ERR_INVALID_OPTION: 0,
  // --- on a connection ---
  OPENWS_ERR_BAD_JSON: CloseCode.invalidPayload,
  OPENWS_ERR_BINARY_FRAME: CloseCode.unsupportedData,
  OPENWS_ERR_BAD_ENVELOPE: 0,
  OPENWS_ERR_FRAME_TOO_LARGE: CloseCode.tooBig,
  OPENWS_ERR_NOT_OPEN: CloseCode.policyViolation,
  OPENWS_ERR_UNKNOWN_ROLE: CloseCode.policyViolation,
  OPENWS_ERR_ROLE_MISMATCH: CloseCode.policyViolation,
  OPENWS_ERR_UNKNOWN_MESSAGE: 0,
  OPENWS_ERR_SENDER_NOT_ALLOWED: 0,
  OPENWS_ERR_INVALID_PAYLOAD: 0,
  OPENWS_ERR_HANDLER_FAILED: 0,
  OPENWS_ERR_QUEUE_FULL: CloseCode.policyViolation,
  OPENWS_ERR_SESSION_CLOSED: 0,
  OPENWS_ERR_ALREADY_OPEN: 0,
  OPENWS_ERR_UNAUTHORIZED: 0,
  OPENWS_ERR_SLOW_CONSUMER: CloseCode.policyViolation,
  OPENWS_ERR_RATE_LIMITED: CloseCode.policyViolation,
  /** Refused at the HTTP upgrade with 503 (no WebSocket close). */
  OPENWS_ERR_TOO_MANY_CONNECTIONS: 0,
  OPENWS_ERR_SHUTTING_DOWN: CloseCode.goingAway,
  OPENWS_ERR_INTERNAL: CloseCode.internalError,
  // --- outbound (thrown to the caller, nothing sent) ---
  OPENWS_ERR_OUTBOUND_INVALID: 0,
  OPENWS_ERR_OUTBOUND_UNKNOWN: 0,
  OPENWS_ERR_SEND_FAILED: 0,
  // --- request/reply (the `api.x()` promise of a message with a reply rejects) ---
  OPENWS_ERR_REPLY_INVALID: 0,
  OPENWS_ERR_REQUEST_TIMEOUT: 0,
  OPENWS_ERR_REQUEST_ABORTED: 0,
  OPENWS_ERR_DISCONNECTED: 0,
  OPENWS_ERR_TOO_MANY_REQUESTS: 0,
  OPENWS_ERR_UNEXPECTED_REPLY: 0,
  // --- groups across instances ---
  OPENWS_ERR_BROKER: 0,
} as const

export type ErrorCode = keyof typeof ERROR_CLOSE_CODES

/** The summaries a session puts in `$error` frames (the rest of the table: ./error-summaries.ts). */
export const WIRE_SUMMARIES = {
  OPENWS_ERR_BAD_ENVELOPE: 'the frame is not a {fromRole, messageName, payload, id?} envelope',
  OPENWS_ERR_INVALID_PAYLOAD: 'the payload does not match the message schema',
  OPENWS_ERR_HANDLER_FAILED: 'the handler threw',
  OPENWS_ERR_INTERNAL: 'an internal error',
  OPENWS_ERR_REPLY_INVALID: 'the reply does not match the message reply schema',
} as const satisfies Partial<Record<ErrorCode, string>>

/** Whether `code` is one of ours (a peer's `$error` frame may carry anything). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CLOSE_CODES, code)
}

export interface OpenWsErrorDetails {
  network?: string
  role?: string
  message?: string
  keyword?: string
  issues?: Issue[]
  /** The id of the peer's frame the error is about, when it had a valid one. */
  id?: FrameId
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
  /** The id of the peer's frame this error is about (decode errors, server `$error` frames). */
  readonly id: FrameId | undefined

  constructor(code: ErrorCode, message: string, details: OpenWsErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'OpenWsError'
    this.code = code
    this.closeCode = details.close ?? (ERROR_CLOSE_CODES[code] || undefined)
    this.issues = details.issues
    this.network = details.network
    this.role = details.role
    this.messageName = details.message
    this.id = details.id
  }
}

/** Builds an error whose message names where it happened: "network chat, role server, message x: ...". */
export function openwsError(code: ErrorCode, what: string, details: OpenWsErrorDetails = {}): OpenWsError {
  const where = [
    details.network !== undefined ? `network "${details.network}"` : '',
    details.role !== undefined ? `role "${details.role}"` : '',
    details.message !== undefined ? `message "${details.message}"` : '',
  ]
    .filter(Boolean)
    .join(', ')
  return new OpenWsError(code, where ? `${where}: ${what}` : what, details)
}

export function isOpenWsError(value: unknown): value is OpenWsError {
  return value instanceof OpenWsError
}
