// `$error` frame payloads and the short texts they may quote from peer input.
import type { EnvelopeId, ErrorFramePayload } from '../envelope/types'
import type { Issue } from '../validate/types'

/** `{code, message, messageName?, id?, issues?}` with absent fields left out (not `undefined`). */
export function errorFrame(
  code: string,
  message: string,
  messageName?: string,
  id?: EnvelopeId,
  issues?: Issue[],
  seq?: number,
): ErrorFramePayload {
  const payload: ErrorFramePayload = { code, message }
  if (messageName !== undefined) payload.messageName = messageName
  if (id !== undefined) payload.id = id
  if (issues !== undefined) payload.issues = issues
  if (seq !== undefined) payload.seq = seq
  return payload
}

/** A peer-supplied value for an error message: quoted and cut if a string, else its type (never calls toString). */
export function shortText(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value) : `(${typeof value})`
}
