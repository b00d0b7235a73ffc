// Compares two payload schemas and says, per keyword, whether the new one accepts less
// ("stricter": some value valid before is now rejected) or more ("looser": some value rejected
// before is now accepted). When the relation cannot be decided (a changed `pattern`, a changed
// `not`), the change counts as both. Annotations (`title`, `description`, `default`, `examples`,
// `$comment`, `x-…`) never count. Local `$ref`s are followed within each schema's own root.
import { isDeepStrictEqual } from 'node:util'

export type Direction = 'stricter' | 'looser'

export interface SchemaChange {
  /** JSON Pointer into the payload (of the new schema's shape), '' for the root. */
  path: string
  direction: Direction
  detail: string
}

type Obj = Record<string, unknown>

const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'examples',
  '$comment',
  '$schema',
  '$id',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$defs',
  'definitions',
  '$ref',
])
/** Lower bounds: a bigger value (or a new one) is stricter. */
const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']
/** Upper bounds: a smaller value (or a new one) is stricter. */
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']
const HANDLED = new Set([
  ...LOWER,
  ...UPPER,
  'type',
  'enum',
  'const',
  'multipleOf',
  'pattern',
  'format',
  'uniqueItems',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
])
const TYPES = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']

function pointerSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1')
}

class Resolver {
  constructor(private readonly root: unknown) {}
  /** The schema with `$ref`s followed (at most 32 hops), booleans as objects. */
  deref(schema: unknown): Obj {
    let at = schema
    for (let hops = 0; hops < 32 && isObj(at) && typeof at.$ref === 'string'; hops++) {
      const target = this.lookup(at.$ref)
      if (target === undefined) break
      const { $ref: _ref, ...siblings } = at
      // A $ref with sibling keywords: the target, with the siblings applied on top.
      at = Object.keys(siblings).some((k) => !ANNOTATIONS.has(k)) ? { allOf: [target], ...siblings } : target
    }
    if (at === true || at === undefined) return {}
    if (at === false) return { not: {} }
    return isObj(at) ? at : {}
  }
  private lookup(ref: string): unknown {
    if (!ref.startsWith('#')) return undefined
    let fragment = ref.slice(1)
    try {
      fragment = decodeURIComponent(fragment)
    } catch {
      // as written
    }
    let at: unknown = this.root
    if (fragment === '') return at
    for (const raw of fragment.slice(1).split('/')) {
      const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~')
      if (!isObj(at) && !Array.isArray(at)) return undefined
      at = Object.hasOwn(at as object, seg) ? (at as Obj)[seg] : undefined
    }
    return at
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function show(v: unknown): string {
  const text = JSON.stringify(v)
  return text === undefined ? String(v) : text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** Every change between `before` and `after`, each with the payload path where it happens. */
export function compareSchemas(before: unknown, after: unknown): SchemaChange[] {
  const out: SchemaChange[] = []
  const seen = new Set<string>()
  walk(new Resolver(before), before, new Resolver(after), after, '', out, seen, 0)
  return out
}

function walk(
  ra: Resolver,
  a0: unknown,
  rb: Resolver,
  b0: unknown,
  path: string,
  out: SchemaChange[],
  seen: Set<string>,
  depth: number,
): void {
  const a = ra.deref(a0)
  const b = rb.deref(b0)
  if (depth > 64) return
  // Recursive schemas: follow each pair of references once (the first path reports the change).
  if (hasRef(a0) || hasRef(b0)) {
    const key = `${JSON.stringify(a)}\u0000${JSON.stringify(b)}`
    if (seen.has(key)) return
    seen.add(key)
  }
  const add = (direction: Direction, detail: string) => out.push({ path, direction, detail })
  // `false` (nothing valid) against anything else is one-directional.
  if (isFalse(a) || isFalse(b)) {
    if (isFalse(a) && !isFalse(b)) add('looser', 'accepted now (was rejected)')
    if (isFalse(b) && !isFalse(a)) add('stricter', 'rejected now (was accepted)')
    return
  }
  const both = (detail: string) => {
    add('stricter', detail)
    add('looser', detail)
  }

  // type
  const ta = typeSet(a.type)
  const tb = typeSet(b.type)
  const lost = ta.filter((t) => !covers(tb, t))
  const gained = tb.filter((t) => !covers(ta, t))
  if (lost.length > 0) add('stricter', `type narrowed: ${show(a.type ?? 'any')} -> ${show(b.type ?? 'any')}`)
  if (gained.length > 0) add('looser', `type widened: ${show(a.type ?? 'any')} -> ${show(b.type ?? 'any')}`)

  // enum / const (a const is an enum of one value)
  const ea = allowed(a)
  const eb = allowed(b)
  if (ea === undefined && eb !== undefined) add('stricter', `values restricted to ${show(eb)}`)
  else if (ea !== undefined && eb === undefined) add('looser', `values no longer restricted (were ${show(ea)})`)
  else if (ea !== undefined && eb !== undefined) {
    const removed = ea.filter((v) => !eb.some((w) => isDeepStrictEqual(v, w)))
    const added = eb.filter((v) => !ea.some((w) => isDeepStrictEqual(v, w)))
    if (removed.length > 0) add('stricter', `allowed values removed: ${show(removed)}`)
    if (added.length > 0) add('looser', `allowed values added: ${show(added)}`)
  }

  // bounds
  for (const kw of [...LOWER, ...UPPER]) {
    const lower = LOWER.includes(kw)
    const va = typeof a[kw] === 'number' ? (a[kw] as number) : undefined
    const vb = typeof b[kw] === 'number' ? (b[kw] as number) : undefined
    if (va === vb) continue
    if (va === undefined) add('stricter', `${kw} added (${vb})`)
    else if (vb === undefined) add('looser', `${kw} removed (was ${va})`)
    else if (lower ? vb > va : vb < va) add('stricter', `${kw} ${va} -> ${vb}`)
    else add('looser', `${kw} ${va} -> ${vb}`)
  }
  if (a.multipleOf !== b.multipleOf) {
    const ma = a.multipleOf as number | undefined
    const mb = b.multipleOf as number | undefined
    if (ma === undefined) add('stricter', `multipleOf added (${mb})`)
    else if (mb === undefined) add('looser', `multipleOf removed (was ${ma})`)
    else {
      if (!Number.isInteger(ma / mb)) add('stricter', `multipleOf ${ma} -> ${mb}`)
      if (!Number.isInteger(mb / ma)) add('looser', `multipleOf ${ma} -> ${mb}`)
    }
  }
  for (const kw of ['pattern', 'format']) {
    if (a[kw] === b[kw]) continue
    if (a[kw] === undefined) add('stricter', `${kw} added (${show(b[kw])})`)
    else if (b[kw] === undefined) add('looser', `${kw} removed (was ${show(a[kw])})`)
    else both(`${kw} changed: ${show(a[kw])} -> ${show(b[kw])}`)
  }
  if ((a.uniqueItems === true) !== (b.uniqueItems === true))
    add(b.uniqueItems === true ? 'stricter' : 'looser', `uniqueItems ${b.uniqueItems === true ? 'added' : 'removed'}`)

  // objects
  const reqA = strings(a.required)
  const reqB = strings(b.required)
  for (const name of reqB) if (!reqA.includes(name)) add('stricter', `new required property ${show(name)}`)
  for (const name of reqA) if (!reqB.includes(name)) add('looser', `property ${show(name)} no longer required`)
  const pa = isObj(a.properties) ? a.properties : {}
  const pb = isObj(b.properties) ? b.properties : {}
  const sub = (seg: string) => `${path}/${pointerSegment(seg)}`
  for (const name of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const at = `${sub('properties')}/${pointerSegment(name)}`
    const inA = Object.hasOwn(pa, name)
    const inB = Object.hasOwn(pb, name)
    // A property one side does not name is governed by that side's additionalProperties.
    const sa = inA ? pa[name] : (a.additionalProperties ?? true)
    const sb = inB ? pb[name] : (b.additionalProperties ?? true)
    walk(ra, sa, rb, sb, at, out, seen, depth + 1)
  }
  walk(ra, a.additionalProperties ?? true, rb, b.additionalProperties ?? true, sub('additionalProperties'), out, seen, depth + 1)
  const ppa = isObj(a.patternProperties) ? a.patternProperties : {}
  const ppb = isObj(b.patternProperties) ? b.patternProperties : {}
  for (const pattern of new Set([...Object.keys(ppa), ...Object.keys(ppb)])) {
    const at = `${sub('patternProperties')}/${pointerSegment(pattern)}`
    if (!Object.hasOwn(ppa, pattern)) out.push({ path: at, direction: 'stricter', detail: `patternProperties ${show(pattern)} added` })
    else if (!Object.hasOwn(ppb, pattern)) out.push({ path: at, direction: 'looser', detail: `patternProperties ${show(pattern)} removed` })
    else walk(ra, ppa[pattern], rb, ppb[pattern], at, out, seen, depth + 1)
  }

  // arrays
  if (a.items !== undefined || b.items !== undefined) walk(ra, a.items ?? true, rb, b.items ?? true, sub('items'), out, seen, depth + 1)

  // combinators: compared branch by branch
  for (const kw of ['allOf', 'anyOf', 'oneOf'] as const) {
    const la = Array.isArray(a[kw]) ? (a[kw] as unknown[]) : []
    const lb = Array.isArray(b[kw]) ? (b[kw] as unknown[]) : []
    for (let i = 0; i < Math.min(la.length, lb.length); i++) walk(ra, la[i], rb, lb[i], `${sub(kw)}/${i}`, out, seen, depth + 1)
    if (lb.length > la.length) {
      if (kw === 'allOf') add('stricter', `${kw}: ${lb.length - la.length} schema(s) added`)
      else if (kw === 'anyOf' && la.length > 0) add('looser', `${kw}: ${lb.length - la.length} alternative(s) added`)
      else if (la.length === 0) add('stricter', `${kw} added`)
      else both(`${kw}: ${lb.length - la.length} alternative(s) added`)
    }
    if (la.length > lb.length) {
      if (kw === 'allOf') add('looser', `${kw}: ${la.length - lb.length} schema(s) removed`)
      else if (lb.length === 0) add('looser', `${kw} removed`)
      else if (kw === 'anyOf') add('stricter', `${kw}: ${la.length - lb.length} alternative(s) removed`)
      else both(`${kw}: ${la.length - lb.length} alternative(s) removed`)
    }
  }
  if (!isDeepStrictEqual(a.not, b.not)) {
    if (a.not === undefined) add('stricter', 'not added')
    else if (b.not === undefined) add('looser', 'not removed')
    else both('not changed')
  }

  // anything else we do not model: a change counts both ways
  for (const kw of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (HANDLED.has(kw) || ANNOTATIONS.has(kw) || kw.startsWith('x-')) continue
    if (!isDeepStrictEqual(a[kw], b[kw])) both(`${kw} changed`)
  }
}

function hasRef(s: unknown): boolean {
  return isObj(s) && typeof s.$ref === 'string'
}

function isFalse(s: Obj): boolean {
  return Object.keys(s).length === 1 && isObj(s.not) && Object.keys(s.not).length === 0
}

function typeSet(type: unknown): string[] {
  if (typeof type === 'string') return [type]
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string')
  return TYPES
}

function covers(types: string[], t: string): boolean {
  return types.includes(t) || (t === 'integer' && types.includes('number'))
}

function allowed(s: Obj): unknown[] | undefined {
  if (Object.hasOwn(s, 'const')) return [s.const]
  return Array.isArray(s.enum) ? s.enum : undefined
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}
