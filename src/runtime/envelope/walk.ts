// The envelope validators, hand-written: a fast `is` for the frames every message takes (a peer's
// frame, `$reply`) and a small walker over the shapes of ./schema.ts for everything else (`$error`
// frames, and `explain` of every envelope). They decide and explain exactly as the interpreter does
// on ENVELOPE_SCHEMA, REPLY_ENVELOPE_SCHEMA and ERROR_ENVELOPE_SCHEMA: own properties only, the
// same issues in the same order (test/runtime/envelope-walk.test.ts compares them on random and
// hostile values). Hand-written rather than generated so that a client bundle stays small.
import { codePointLength, issueLimit, kindOf } from '../validate/helpers'
import type { Issue, Validator } from '../validate/types'
import { ERROR_MESSAGE, MAX_ID_LENGTH, REPLY_MESSAGE } from './types'

const hasOwn = Object.hasOwn
const isArray = Array.isArray

/** Where issues go and how many are wanted. */
interface Sink {
  readonly c: Issue[]
  readonly m: number
}

/** Checks `v` at pointer `p`, adding issues to `x`; true when `x` is full (the walk stops). */
type Walk = (v: unknown, p: string, x: Sink) => boolean

function add(x: Sink, path: string, code: string, expected?: unknown, received?: unknown): boolean {
  return x.c.push({ path, code, expected, received }) >= x.m
}

/** `{ type: 'string', minLength: 1, pattern: '^[^$]' }`: a role or message name, never reserved. */
function isName(v: unknown): v is string {
  return typeof v === 'string' && v !== '' && v.charCodeAt(0) !== 36
}

/** ID_SCHEMA: a string of at most MAX_ID_LENGTH code points, or a safe integer. */
export function isId(v: unknown): boolean {
  return typeof v === 'string'
    ? v.length <= MAX_ID_LENGTH || (v.length <= 2 * MAX_ID_LENGTH && codePointLength(v) <= MAX_ID_LENGTH)
    : Number.isSafeInteger(v)
}

const any: Walk = () => false
const str: Walk = (v, p, x) => typeof v !== 'string' && add(x, p, 'type', 'string', kindOf(v))
const name: Walk = (v, p, x) =>
  typeof v !== 'string'
    ? add(x, p, 'type', 'string', kindOf(v))
    : (v === '' && add(x, p, 'minLength', 1, 0)) || (!isName(v) && add(x, p, 'pattern', '^[^$]'))
const id: Walk = (v, p, x) => !isId(v) && add(x, p, 'anyOf')
const constant =
  (k: string): Walk =>
  (v, p, x) =>
    v !== k && add(x, p, 'const', k, kindOf(v))
const array =
  (item: Walk): Walk =>
  (v, p, x) => {
    if (!isArray(v)) return add(x, p, 'type', 'array', kindOf(v))
    for (let i = 0; i < v.length; i++) if (item(v[i], `${p}/${i}`, x)) return true
    return false
  }
/** An object: `required` first, then each present property in declaration order (as the interpreter reports). */
const object =
  (required: readonly string[], properties: Record<string, Walk>): Walk =>
  (v, p, x) => {
    if (typeof v !== 'object' || v === null || isArray(v)) return add(x, p, 'type', 'object', kindOf(v))
    for (const k of required) if (!hasOwn(v, k) && add(x, `${p}/${k}`, 'required')) return true
    for (const [k, walk] of Object.entries(properties)) if (hasOwn(v, k) && walk(v[k as keyof typeof v], `${p}/${k}`, x)) return true
    return false
  }

const HEAD = ['fromRole', 'messageName', 'payload']
const envelopeWalk = object(HEAD, { fromRole: name, messageName: name, payload: any, id })
const replyWalk = object([...HEAD, 'id'], { fromRole: name, messageName: constant(REPLY_MESSAGE), payload: any, id })
const errorWalk = object(HEAD, {
  fromRole: name,
  messageName: constant(ERROR_MESSAGE),
  payload: object(['code', 'message'], {
    code: str,
    message: str,
    messageName: str,
    id,
    issues: array(object(['path', 'code'], { path: str, code: str })),
  }),
  id,
})

function validator(walk: Walk, is?: (v: unknown) => boolean): Validator {
  return {
    is: is ?? ((v) => !walk(v, '', { c: [], m: 1 })),
    explain(v, max) {
      const c: Issue[] = []
      walk(v, '', { c, m: issueLimit(max) })
      return c
    },
    depthBound: Infinity,
  }
}

type Frame = { fromRole?: unknown; messageName?: unknown; payload?: unknown; id?: unknown }

/** The head every frame shares: an object with own `fromRole` (a name) and `payload`. */
function head(v: unknown): v is Frame {
  return (
    typeof v === 'object' && v !== null && !isArray(v) && hasOwn(v, 'fromRole') && isName((v as Frame).fromRole) && hasOwn(v, 'payload')
  )
}

/** ENVELOPE_SCHEMA: a peer's frame. */
export const envelope: Validator = /* @__PURE__ */ validator(
  envelopeWalk,
  (v) => head(v) && hasOwn(v, 'messageName') && isName(v.messageName) && (!hasOwn(v, 'id') || isId(v.id)),
)

/** REPLY_ENVELOPE_SCHEMA: a `$reply` frame. */
export const replyEnvelope: Validator = /* @__PURE__ */ validator(
  replyWalk,
  (v) => head(v) && hasOwn(v, 'messageName') && v.messageName === REPLY_MESSAGE && hasOwn(v, 'id') && isId(v.id),
)

/** ERROR_ENVELOPE_SCHEMA: a `$error` frame (rare: the walker decides). */
export const errorEnvelope: Validator = /* @__PURE__ */ validator(errorWalk)
