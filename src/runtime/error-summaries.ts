// The error table as documentation: every code's summary and close code. Kept apart from
// ./openws-error.ts so that runtime code, which only needs the close codes, leaves the text out of bundles.
import { ERROR_CLOSE_CODES, WIRE_SUMMARIES, type ErrorCode } from './openws-error'

export interface ErrorSpec {
  /** Human summary; the thrown message adds the specifics. */
  readonly summary: string
  /** Close code when the outcome on a connection is a close; absent when it is an `$error` frame or a throw. */
  readonly close?: number
}

const SUMMARIES: Record<ErrorCode, string> = {
  // --- definition time (bindings, spec validation) ---
  OPENWS_ERR_INVALID_SPEC: 'the OpenWS document is not valid',
  OPENWS_ERR_INVALID_NAME: 'a network, role or message name does not match the key pattern',
  OPENWS_ERR_RESERVED_NAME: 'message names starting with "$" are reserved',
  OPENWS_ERR_DUPLICATE_MESSAGE: 'a message name repeats within a role',
  OPENWS_ERR_DUPLICATE_ROLE: 'two roles share one name',
  OPENWS_ERR_UNKNOWN_FROM_ROLE: 'a "from" list names a role that is not in the network',
  OPENWS_ERR_NO_HOST_ROLE: 'a network given to bindings needs exactly one host role',
  OPENWS_ERR_MISSING_HANDLER: 'a host message has no handler',
  OPENWS_ERR_HANDLER_NOT_ALLOWED: 'a handler is registered for a sender role the message\'s "from" list does not allow',
  OPENWS_ERR_INVALID_SCHEMA: 'a payload is not a well-formed JSON Schema',
  OPENWS_ERR_UNSUPPORTED_KEYWORD: 'a payload schema uses a keyword outside the supported subset',
  OPENWS_ERR_TRANSFORMER_REQUIRED: 'this definition needs the openws transformer, which is not configured',
  OPENWS_ERR_TYPED_MODE_UNAVAILABLE: "typed mode needs the project's typescript 5.9 or 6.x and typia 12; the message says what to install",
  OPENWS_ERR_INVALID_OPTION: 'an option is invalid or contradicts another',
  // --- on a connection ---
  OPENWS_ERR_BAD_JSON: 'the frame is not valid JSON',
  OPENWS_ERR_BINARY_FRAME: 'binary frames are not supported',
  OPENWS_ERR_FRAME_TOO_LARGE: 'the frame exceeds the size limit',
  OPENWS_ERR_NOT_OPEN: 'a message arrived before the remote role was established',
  OPENWS_ERR_UNKNOWN_ROLE: 'the role is not part of the network',
  OPENWS_ERR_ROLE_MISMATCH: 'the frame claims a role other than the one established for the connection',
  OPENWS_ERR_UNKNOWN_MESSAGE: 'the host role has no such message',
  OPENWS_ERR_SENDER_NOT_ALLOWED: 'the sender role may not send this message',
  OPENWS_ERR_QUEUE_FULL: 'too many messages are waiting on this connection',
  OPENWS_ERR_SESSION_CLOSED: 'the session is closed',
  OPENWS_ERR_ALREADY_OPEN: 'the session is already open',
  OPENWS_ERR_UNAUTHORIZED: 'authentication refused the connection',
  OPENWS_ERR_SLOW_CONSUMER: "the peer's outbound buffer is full",
  OPENWS_ERR_SHUTTING_DOWN: 'the server is shutting down',
  OPENWS_ERR_RATE_LIMITED: 'the peer sent messages faster than limits.maxMessagesPerSecond allows (close 1008)',
  OPENWS_ERR_TOO_MANY_CONNECTIONS: 'the server or the role is at its connection limit (HTTP 503 at the upgrade)',
  // --- outbound (thrown to the caller, nothing sent) ---
  OPENWS_ERR_OUTBOUND_INVALID: 'an outbound payload does not match the message schema',
  OPENWS_ERR_OUTBOUND_UNKNOWN: 'the peer role has no such message',
  OPENWS_ERR_SEND_FAILED: 'the transport failed to send',
  OPENWS_ERR_REQUEST_TIMEOUT:
    'no reply came within the request timeout (a late reply is dropped and reported as OPENWS_ERR_UNEXPECTED_REPLY)',
  OPENWS_ERR_REQUEST_ABORTED: "the request's AbortSignal fired before the reply came",
  OPENWS_ERR_DISCONNECTED: 'the connection closed while the request waited for its reply',
  OPENWS_ERR_TOO_MANY_REQUESTS: 'limits.maxPendingRequests requests already wait for replies on this connection; nothing was sent',
  OPENWS_ERR_UNEXPECTED_REPLY: 'a reply (or an error with an id) for no pending request: unknown, already settled or timed out; dropped',
  OPENWS_ERR_BROKER:
    'the broker linking instances failed or is unreachable; frames for other instances may be lost (reported to onBrokerError, counted in groups.stats)',
  // The ones a session sends in `$error` frames, defined beside the close codes.
  ...WIRE_SUMMARIES,
}

/** Every code with its summary and, when the outcome on a connection is a close, its close code. */
export const ErrorCodes: Readonly<Record<ErrorCode, ErrorSpec>> = /* @__PURE__ */ errorTable()

function errorTable(): Readonly<Record<ErrorCode, ErrorSpec>> {
  const table = {} as Record<ErrorCode, ErrorSpec>
  for (const code of Object.keys(ERROR_CLOSE_CODES) as ErrorCode[]) {
    const close: number = ERROR_CLOSE_CODES[code]
    table[code] = Object.freeze(close === 0 ? { summary: SUMMARIES[code] } : { summary: SUMMARIES[code], close })
  }
  return Object.freeze(table)
}
