// The `$reply` frame a handler's return value becomes (request/reply): checked against the
// message's reply schema, at the runtime's depth limit, then written like an outbound payload.
import type { ReplyCodec } from '../artifact/types'
import { encodeEnvelope, frameHead } from '../envelope/codec'
import { REPLY_MESSAGE, type EnvelopeId } from '../envelope/types'
import type { Limits } from '../limits'
import { tooDeepAt } from '../validate/depth'
import type { Issue } from '../validate/types'

/** The frame text, or the issues that make `value` no valid reply (nothing is sent then). */
export function replyFrame(
  hostRole: string,
  codec: ReplyCodec,
  id: EnvelopeId,
  value: unknown,
  limits: Readonly<Limits>,
): string | Issue[] {
  // A valid reply of a schema that bounds nesting within the limit cannot be too deep: only the
  // others (and invalid replies, so the issues stay the same) are walked first.
  const validator = codec.validator
  if ((validator.depthBound ?? Infinity) > limits.maxDepth || !validator.is(value)) {
    const deep = tooDeepAt(value, limits.maxDepth)
    if (deep !== undefined) return [{ path: deep, code: 'depth', expected: limits.maxDepth }]
    if (!validator.is(value)) return validator.explain(value, limits.maxIssues)
  }
  const text = codec.encode(value)
  if (text !== undefined) return `${replyHead(hostRole)}${text},"id":${typeof id === 'number' ? id : JSON.stringify(id)}}`
  try {
    return encodeEnvelope(hostRole, REPLY_MESSAGE, value, id)
  } catch {
    // `undefined` (a handler that returned nothing), a BigInt, a cycle: no JSON value to send.
    return [{ path: '', code: 'type', expected: 'a JSON value', received: typeof value }]
  }
}

// The head of a `$reply` frame, kept for the last host role (a process serves one or few).
let headRole: string | undefined
let head = ''

function replyHead(hostRole: string): string {
  if (hostRole !== headRole) {
    head = frameHead(hostRole, REPLY_MESSAGE)
    headRole = hostRole
  }
  return head
}

/** A request's frame: the encoder's text with the id appended (`{…,"payload":P}` -> `{…,"payload":P,"id":I}`). */
export function withId(frame: string, id: number): string {
  return `${frame.slice(0, -1)},"id":${id}}`
}
