// Runtime helpers shared by the interpreter and by generated validators.
// Generated code (see ../codegen) expects a free identifier `h` bound to `validatorHelpers`;
// it uses nothing else from the outside world. Keep these small, pure and allocation-light.
import { FORMAT_CHECKS } from './formats'
import { escapePointerToken } from './pointer'
import { tooDeepAt } from './depth'
import type { Issue } from './types'

const hasOwn = Object.prototype.hasOwnProperty

/** A high surrogate: before the first one, every UTF-16 unit is one code point. */
const HIGH_SURROGATE = /[\uD800-\uDBFF]/

/**
 * Length in Unicode code points; a lone surrogate counts as one. Past 32 units the scan starts at
 * the first high surrogate, found by a regular expression (V8 answers at once for a one-byte
 * string): the loop ran 2.5 ns per unit, and a rejected 5000-character string was counted twice
 * (is, explain). Shorter strings skip the call, which cost more than their loop.
 */
export function codePointLength(s: string): number {
  const len = s.length
  let n = 0
  if (len > 32) {
    const high = HIGH_SURROGATE.exec(s)
    if (high === null) return len
    n = high.index
  }
  for (let i = n; i < len; i++) {
    const c = s.charCodeAt(i)
    // A high surrogate followed by a low one is a single code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

/** `value` is a non-null, non-array object (the JSON object kind). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * JSON equality of a payload value with a schema constant. Recursion follows the constant,
 * which is finite schema data, so a deep payload cannot overflow the stack here.
 * Numbers compare with ===, so 0 equals -0 and NaN equals nothing.
 */
export function deepEqual(value: unknown, constant: unknown): boolean {
  if (value === constant) return true
  if (typeof constant !== 'object' || constant === null || typeof value !== 'object' || value === null) return false
  if (Array.isArray(constant)) {
    if (!Array.isArray(value) || value.length !== constant.length) return false
    for (let i = 0; i < constant.length; i++) if (!deepEqual(value[i], constant[i])) return false
    return true
  }
  if (Array.isArray(value)) return false
  const keys = Object.keys(constant)
  if (Object.keys(value).length !== keys.length) return false
  for (const k of keys) {
    if (!hasOwn.call(value, k) || !deepEqual((value as Record<string, unknown>)[k], (constant as Record<string, unknown>)[k])) return false
  }
  return true
}

/** Signals that a value nests deeper than the budget allowed. */
const TOO_DEEP = {}

// Canonical text of a JSON value: equal values (by deepEqual rules) give equal text.
function canonical(x: unknown, budget: number): string {
  if (typeof x === 'string') return 's' + JSON.stringify(x)
  if (typeof x === 'number') return 'n' + (x === 0 ? '0' : String(x))
  if (typeof x !== 'object' || x === null) return String(x)
  if (budget <= 0) throw TOO_DEEP
  if (Array.isArray(x)) {
    let out = '['
    for (let i = 0; i < x.length; i++) out += canonical(x[i], budget - 1) + ','
    return out + ']'
  }
  const keys = Object.keys(x).sort()
  let out = '{'
  for (const k of keys) out += JSON.stringify(k) + ':' + canonical((x as Record<string, unknown>)[k], budget - 1) + ','
  return out + '}'
}

/**
 * Index of the first item equal to an earlier one, -1 when all are distinct, -2 when an item
 * nests deeper than `budget` levels (the caller reports a 'depth' issue). Linear-ish: items are
 * hashed, never compared pairwise, so a hostile array cannot make this quadratic.
 */
export function duplicateIndex(items: readonly unknown[], budget: number): number {
  const seen = new Set<unknown>()
  let containers = false
  for (let i = 0; i < items.length; i++) {
    const x = items[i]
    if (typeof x === 'object' && x !== null) {
      containers = true
      continue
    }
    if (seen.has(x)) return i
    seen.add(x)
  }
  if (!containers) return -1
  const texts = new Set<string>()
  try {
    for (let i = 0; i < items.length; i++) {
      const t = canonical(items[i], budget)
      if (texts.has(t)) return i
      texts.add(t)
    }
  } catch (e) {
    if (e === TOO_DEEP) return -2
    throw e
  }
  return -1
}

/** x is a multiple of m (m > 0), tolerant to binary floating point (0.0075 is a multiple of 0.0001). */
export function isMultipleOf(x: number, m: number): boolean {
  if (Number.isInteger(x) && Number.isInteger(m)) return x % m === 0
  const q = x / m
  if (!Number.isFinite(q)) return false
  return Math.abs(q - Math.round(q)) <= Math.abs(q) * 4 * Number.EPSILON
}

/** Short description of a value for `received`; never the value itself. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  const t = typeof value
  if (t === 'number') return Number.isFinite(value) ? (Number.isInteger(value) ? 'integer' : 'number') : String(value)
  return t
}

/** Own enumerable key count. */
export function countKeys(value: object): number {
  let n = 0
  for (const k in value) if (hasOwn.call(value, k)) n++
  return n
}

/** explain's maxIssues, normalised: at least 1, integral. */
export function issueLimit(maxIssues: number): number {
  return maxIssues >= 1 ? Math.floor(maxIssues) : 1
}

export function checkFormat(name: string, s: string): boolean {
  return FORMAT_CHECKS[name]!(s)
}

/** Appends one issue; returns the new count (generated explain() stops at its limit). */
export function addIssue(c: Issue[], path: string, code: string, expected: unknown, received: unknown): number {
  return c.push({ path, code, expected, received })
}

// Helpers that keep generated code small where speed allows: explain()'s type issue, and the slow
// path of the open-shape 'is' code. Helpers that test keys (`in`, hasOwnProperty) stay written out
// in the generated code, with constant keys: in a shared helper those tests see every validator's
// keys and go megamorphic.

/** `r`, the value read for `k`, when `k` is an own property of `v`; else undefined (an inherited value never counts). */
export function ownValue(v: object, k: string, r: unknown): unknown {
  return hasOwn.call(v, k) ? r : undefined
}

/** A 'required' issue; returns the new count. */
export function requiredIssue(c: Issue[], path: string): number {
  return c.push({ path, code: 'required', expected: undefined, received: undefined })
}

/** An 'additionalProperties' issue for the own key `k` of the object at `path`; returns the new count. */
export function additionalIssue(c: Issue[], path: string, k: string): number {
  return c.push({ path: path + '/' + escapePointerToken(k), code: 'additionalProperties', expected: false, received: undefined })
}

/** A 'type' issue; returns the new count. */
export function typeIssue(c: Issue[], path: string, expected: unknown, v: unknown): number {
  return c.push({ path, code: 'type', expected, received: kindOf(v) })
}

/**
 * What every generated validator may reach as `h` (names are part of the generated-code ABI).
 * Compiled artifacts get these, plus only the EXTRA_HELPERS and format checks they use (see
 * compiledBindings), so a bundle whose schemas have no `const` object, `uniqueItems`, `multipleOf`
 * or property count leaves those helpers out.
 */
export const coreHelpers = Object.freeze({
  hasOwn,
  cpLen: codePointLength,
  kind: kindOf,
  esc: escapePointerToken,
  limit: issueLimit,
  add: addIssue,
  ty: typeIssue,
  ownValue,
  ri: requiredIssue,
  ai: additionalIssue,
  /** For emitted outbound methods under a runtime limits.maxDepth below the artifact's (PeerSink.depthLimit). */
  deepAt: tooDeepAt,
})

/** The helpers generated code reaches only for some keywords, by their `h.` name. */
export const EXTRA_HELPERS = /* @__PURE__ */ Object.freeze({
  equal: deepEqual,
  dup: duplicateIndex,
  mult: isMultipleOf,
  keys: countKeys,
})

export type ExtraHelpers = typeof EXTRA_HELPERS

/** The `openws` export of an extra helper: 'equal' -> 'helperEqual' (see helper-exports.ts). */
export function extraHelperExportName(name: keyof ExtraHelpers): string {
  return `helper${name[0]!.toUpperCase()}${name.slice(1)}`
}

/** A format check: what `format: name` calls on strings. */
export type FormatCheck = (s: string) => boolean

/** The whole `h`: every helper and every format check (for code compiled at run time, and modules). */
export const validatorHelpers: ValidatorHelpers = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.assign({ formats: FORMAT_CHECKS }, coreHelpers, EXTRA_HELPERS),
)

export type ValidatorHelpers = typeof coreHelpers & ExtraHelpers & { readonly formats: Readonly<Record<string, FormatCheck>> }
