// Encode and decode envelopes. Decoding never throws: it returns the envelope or an OpenWsError
// whose code and close code say what the connection should do.
import { openwsError, WIRE_SUMMARIES, type OpenWsError } from '../openws-error'
import { DEFAULT_LIMITS } from '../limits'
import type { Validator } from '../validate/types'
import type { Envelope, EnvelopeId } from './types'
import { envelopeValidator, errorEnvelopeValidator, replyEnvelopeValidator } from './validators'
import { isId } from './walk'
import { ERROR_MESSAGE, REPLY_MESSAGE } from './types'

export interface DecodeOptions {
  /** Default `DEFAULT_LIMITS.maxFrameBytes`. */
  maxFrameBytes?: number
  /** Default `DEFAULT_LIMITS.maxIssues`: issues reported on OPENWS_ERR_BAD_ENVELOPE. */
  maxIssues?: number
  /** The envelope validator (a compiled artifact brings its own); default: the generated ENVELOPE_SCHEMA validator (./generated.ts). */
  validator?: Validator
  /**
   * Accept `$error` frames (checked against ERROR_ENVELOPE_SCHEMA): set by clients reading a
   * server's errors. Servers leave it off, so a peer can never send a reserved name.
   */
  allowErrorFrames?: boolean
}

const utf8 = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true })

/**
 * Encodes one frame as JSON text: `{"fromRole","messageName","payload"[,"id"]}`.
 * Positional so the hot path allocates only the output string. Throws a TypeError on a payload
 * JSON cannot represent (cycles, BigInt; undefined, a function or a symbol, which JSON.stringify
 * would silently leave out, making the frame an invalid envelope); sessions catch that and report
 * OPENWS_ERR_SEND_FAILED.
 */
export function encodeEnvelope(fromRole: string, messageName: string, payload: unknown, id?: EnvelopeId): string {
  if (payload === undefined || typeof payload === 'function' || typeof payload === 'symbol') {
    throw new TypeError('the payload is not a JSON value')
  }
  return id === undefined ? JSON.stringify({ fromRole, messageName, payload }) : JSON.stringify({ fromRole, messageName, payload, id })
}

/**
 * The constant head of an outbound frame, as encodeEnvelope writes it, before the payload's text:
 * `{"fromRole":…,"messageName":…,"payload":`. A frame is head + payload text + `}`.
 */
export function frameHead(fromRole: string, messageName: string): string {
  return `{"fromRole":${JSON.stringify(fromRole)},"messageName":${JSON.stringify(messageName)},"payload":`
}

/**
 * Decodes one inbound frame. Outcomes (returned, never thrown):
 * - the envelope (the parsed object itself; nothing else is allocated);
 * - OPENWS_ERR_BINARY_FRAME (close 1003) when `isBinary` is true;
 * - OPENWS_ERR_FRAME_TOO_LARGE (close 1009) above `maxFrameBytes`;
 * - OPENWS_ERR_BAD_JSON (close 1007) for text that is not JSON or bytes that are not UTF-8;
 * - OPENWS_ERR_BAD_ENVELOPE (no close: an `$error` frame) for anything that is not a
 *   `{fromRole, messageName, payload, id?}` object, including `$`-prefixed names and ids that are
 *   neither a string of at most 128 characters nor a safe integer; `issues` says what.
 */
export function decodeEnvelope(
  frame: string | Uint8Array | ArrayBuffer,
  isBinary = false,
  options: DecodeOptions = {},
): Envelope | OpenWsError {
  const maxBytes = options.maxFrameBytes ?? DEFAULT_LIMITS.maxFrameBytes
  const text = frameText(frame, isBinary, maxBytes)
  if (typeof text !== 'string') return text
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return openwsError('OPENWS_ERR_BAD_JSON', 'the frame is not valid JSON')
  }
  const validator = options.validator ?? envelopeValidator()
  if (validator.is(value)) return value as Envelope
  // Replies (and `$error`s answering a request, so with an id) are accepted by both ends; the
  // session drops and reports those that answer no pending request, and never answers them.
  if (reservedName(value) === REPLY_MESSAGE) {
    const replies = replyEnvelopeValidator()
    if (replies.is(value)) return value as Envelope
    return badEnvelope(replies, value, options.maxIssues ?? DEFAULT_LIMITS.maxIssues)
  }
  if ((options.allowErrorFrames === true || readableId(value) !== undefined) && isErrorFrameCandidate(value)) {
    const errors = errorEnvelopeValidator()
    if (errors.is(value)) return value as Envelope
    return badEnvelope(errors, value, options.maxIssues ?? DEFAULT_LIMITS.maxIssues)
  }
  return badEnvelope(validator, value, options.maxIssues ?? DEFAULT_LIMITS.maxIssues)
}

/** The frame as text, or the error that stops it: binary, too large, not UTF-8. */
export function frameText(frame: string | Uint8Array | ArrayBuffer, isBinary: boolean, maxBytes: number): string | OpenWsError {
  if (isBinary) return openwsError('OPENWS_ERR_BINARY_FRAME', 'binary frames are not supported')
  if (typeof frame === 'string') {
    return utf8Exceeds(frame, maxBytes) ? tooLarge(maxBytes) : frame
  }
  const bytes = frame instanceof Uint8Array ? frame : frame instanceof ArrayBuffer ? new Uint8Array(frame) : undefined
  if (bytes === undefined) return openwsError('OPENWS_ERR_BAD_ENVELOPE', 'a frame must be a string or bytes')
  if (bytes.byteLength > maxBytes) return tooLarge(maxBytes)
  try {
    return utf8.decode(bytes)
  } catch {
    return openwsError('OPENWS_ERR_BAD_JSON', 'the frame is not valid UTF-8')
  }
}

export function badEnvelope(validator: Validator, value: unknown, maxIssues: number): OpenWsError {
  return openwsError('OPENWS_ERR_BAD_ENVELOPE', WIRE_SUMMARIES.OPENWS_ERR_BAD_ENVELOPE, {
    issues: validator.explain(value, maxIssues),
    id: readableId(value),
  })
}

/**
 * The `id` of a parsed frame that is not a valid envelope, when that id itself is valid (a string
 * of at most 128 characters or a safe integer), so the `$error` answering it can still carry it.
 * Own data properties only: a parsed frame has no others.
 */
export function readableId(value: unknown): EnvelopeId | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, 'id')) return undefined
  const id = (value as { id: unknown }).id
  return id !== undefined && isValidId(id) ? id : undefined
}

function reservedName(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { messageName?: unknown }).messageName : undefined
}

function isErrorFrameCandidate(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { messageName?: unknown }).messageName === ERROR_MESSAGE
}

function tooLarge(maxBytes: number): OpenWsError {
  return openwsError('OPENWS_ERR_FRAME_TOO_LARGE', `the frame exceeds ${maxBytes} bytes`)
}

/** Whether the UTF-8 encoding of `s` is longer than `max` bytes, without encoding it. */
export function utf8Exceeds(s: string, max: number): boolean {
  const n = s.length
  if (n > max) return true
  if (n * 3 <= max) return false
  let bytes = 0
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d < 0xe000) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
    if (bytes > max) return true
  }
  return false
}

/**
 * Checks an id given through the programmatic API (handleMessage), where no envelope validator ran:
 * as ID_SCHEMA does (a string of at most 128 code points, or a safe integer).
 */
export function isValidId(id: unknown): id is EnvelopeId | undefined {
  return id === undefined || isId(id)
}
