// The wire envelope (protocol v1): one JSON text frame per message.
import type { Issue } from '../validate/types'

/** A correlation id: a string of at most 128 characters or a safe integer. */
export type EnvelopeId = string | number

export interface Envelope {
  /** The SENDER's role (never the recipient's). */
  fromRole: string
  /** A message of the recipient role; names starting with `$` are reserved for openws. */
  messageName: string
  payload: unknown
  id?: EnvelopeId
}

/** Reserved message carrying an error back to a peer: `send(hostRole, '$error', payload)`. */
export const ERROR_MESSAGE = '$error'

/** Payload of a `$error` frame. */
export interface ErrorFramePayload {
  /** A stable `OPENWS_ERR_*` code. */
  code: string
  /** A short human summary; never the text of a handler's exception unless `exposeErrors` is set. */
  message: string
  /** The message the error is about, when known. */
  messageName?: string
  /** The id of the frame the error is about, when it had one. */
  id?: EnvelopeId
  /** Validation issues (at most `limits.maxIssues`). */
  issues?: Issue[]
  /**
   * OPENWS_ERR_SHUTTING_DOWN refusals only: the refused frame's position (from 1) among the frames
   * the connection received. Every later frame was refused too, so a client resends from there.
   */
  seq?: number
}

/** Reserved message answering a request: `{fromRole, messageName: '$reply', payload: reply, id}`. */
export const REPLY_MESSAGE = '$reply'

export const MAX_ID_LENGTH = 128
