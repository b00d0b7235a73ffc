// minProperties, maxProperties, required, properties, patternProperties, additionalProperties.
// Presence means own property (hasOwnProperty). One for-in pass over the own keys first marks the
// known keys in a bitmask (hasOwnProperty inside for-in is cheap; with a constant key it is not);
// hasOwnProperty is only called for a key that pass did not see, so results are unchanged.
import type { SchemaNode } from '../validate/prepare'
import { countKeys } from '../validate/helpers'
import { escapePointerToken } from '../validate/pointer'
import { type Check, report } from './check'

const hasOwn = Object.prototype.hasOwnProperty
/** Bits in the presence mask. */
const MASK_BITS = 31

export function objectChecks(node: SchemaNode, maxDepth: number, compile: (n: SchemaNode) => Check): Check[] {
  const out: Check[] = []
  const { minProperties, maxProperties } = node
  if (minProperties !== undefined || maxProperties !== undefined) {
    const min = minProperties ?? 0
    const max = maxProperties ?? Infinity
    out.push((v, _d, p, c) => {
      const n = countKeys(v as object)
      let ok = true
      if (n < min) {
        if (c === null) return false
        report(c, p, 'minProperties', min, n)
        ok = false
      }
      if (n > max) {
        if (c === null) return false
        report(c, p, 'maxProperties', max, n)
        ok = false
      }
      return ok
    })
  }
  const required = node.required ?? []
  const members = node.objectMembers
  if (required.length === 0 && !members) return out
  const props = members
    ? (node.properties ?? [])
        .filter((x) => x.node.kind !== 'true')
        .map((x) => ({ key: x.key, token: escapePointerToken(x.key), check: compile(x.node) }))
    : []
  const tracked = [...new Set([...required, ...props.map((x) => x.key)])]
  const slot = new Map(tracked.map((k, i) => [k, i]))
  const useMask = tracked.length > 1 && tracked.length <= MASK_BITS
  const req = required.map((key) => ({ key, token: escapePointerToken(key), bit: slot.get(key)! }))
  const propBits = props.map((x) => slot.get(x.key)!)
  const known = new Set((node.properties ?? []).map((x) => x.key))
  const patterns = (node.patternProperties ?? []).map((x) => ({ re: x.re, check: x.node.kind === 'true' ? undefined : compile(x.node) }))
  const additional = node.additionalProperties
  const additionalCheck = additional === undefined || additional.kind === 'false' ? undefined : compile(additional)
  const additionalFalse = additional?.kind === 'false'
  const needKeyLoop = members && (additional !== undefined || patterns.some((x) => x.check !== undefined))
  /** additionalProperties: false and no patternProperties: extra keys are simply rejected. */
  const closedOnly = additionalFalse && patterns.length === 0 && tracked.length <= MASK_BITS

  out.push((v, d, p, c) => {
    const o = v as Record<string, unknown>
    let mask = 0
    // 'is' mode on a closed shape: the same pass rejects extra keys (issue order does not matter).
    const rejectExtras = c === null && closedOnly && d < maxDepth
    if (useMask || rejectExtras) {
      for (const k in o) {
        if (!hasOwn.call(o, k)) continue
        const bit = slot.get(k)
        if (bit !== undefined) mask |= 1 << bit
        // A required key that no `properties` entry names is still an additional property.
        if (rejectExtras && !known.has(k)) return false
      }
    }
    let ok = true
    for (const r of req) {
      if (((mask >>> r.bit) & 1) === 1 || hasOwn.call(o, r.key)) continue
      if (c === null) return false
      report(c, p + '/' + r.token, 'required', undefined, undefined)
      ok = false
    }
    if (!members) return ok
    if (d >= maxDepth) {
      if (c !== null) report(c, p, 'depth', maxDepth, undefined)
      return false
    }
    for (let i = 0; i < props.length; i++) {
      const prop = props[i]!
      if (((mask >>> propBits[i]!) & 1) === 0 && !hasOwn.call(o, prop.key)) continue
      if (!prop.check(o[prop.key], d + 1, c === null ? '' : p + '/' + prop.token, c)) {
        if (c === null) return false
        ok = false
      }
    }
    if (!needKeyLoop || rejectExtras) return ok
    for (const k in o) {
      if (!hasOwn.call(o, k)) continue
      let matched = known.has(k)
      const kp = c === null ? '' : p + '/' + escapePointerToken(k)
      for (const pat of patterns) {
        if (!pat.re.test(k)) continue
        matched = true
        if (pat.check !== undefined && !pat.check(o[k], d + 1, kp, c)) {
          if (c === null) return false
          ok = false
        }
      }
      if (matched) continue
      if (additionalFalse) {
        if (c === null) return false
        report(c, kp, 'additionalProperties', false, undefined)
        ok = false
      } else if (additionalCheck !== undefined && !additionalCheck(o[k], d + 1, kp, c)) {
        if (c === null) return false
        ok = false
      }
    }
    return ok
  })
  return out
}
