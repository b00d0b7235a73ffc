// The supported JSON Schema subset, and a checker that says precisely what falls outside it.
import type { JsonSchema } from '../ir/types'
import { escapePointerToken, unescapePointerToken } from './pointer'

export const SUPPORTED_KEYWORDS = Object.freeze([
  'type',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  '$ref',
  '$defs',
  'definitions',
] as const)

export const SUPPORTED_FORMATS = Object.freeze(['date-time', 'date', 'time', 'email', 'uuid', 'uri', 'ipv4', 'ipv6'] as const)

/** Keywords that carry no validation; allowed anywhere and ignored (`$id` only at the root). */
export const ANNOTATION_KEYWORDS = Object.freeze([
  'description',
  'title',
  'default',
  'examples',
  '$comment',
  '$schema',
  '$id',
  'deprecated',
  'readOnly',
  'writeOnly',
] as const)

export interface SchemaProblem {
  /** JSON Pointer of the offending keyword in the schema. */
  path: string
  keyword: string
  reason: string
  kind: 'unsupported' | 'malformed'
}

const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'])
const KEYWORDS = new Set<string>(SUPPORTED_KEYWORDS)
const ANNOTATIONS = new Set<string>(ANNOTATION_KEYWORDS)
const FORMATS = new Set<string>(SUPPORTED_FORMATS)
const NON_NEGATIVE = new Set(['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'])
const NUMERIC = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'])
/** Deeper schemas are refused: the schema walkers recurse. */
export const MAX_SCHEMA_NESTING = 256

const hasOwn = Object.prototype.hasOwnProperty

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false
  const proto = Object.getPrototypeOf(x)
  return proto === Object.prototype || proto === null
}

/** Compiles a schema `pattern` the one way every path uses it (ECMA-262, `u` flag). */
export function compilePattern(source: string): RegExp | null {
  try {
    return new RegExp(source, 'u')
  } catch {
    return null
  }
}

/**
 * Resolves a local `$ref` to the canonical JSON Pointer of its target, or returns a reason string.
 * Accepted: '#', '#/$defs/...', '#/definitions/...'.
 */
export function resolveRefPointer(root: JsonSchema, ref: string): { pointer: string } | { reason: string } {
  if (ref === '#') return { pointer: '' }
  if (!ref.startsWith('#/$defs/') && !ref.startsWith('#/definitions/')) {
    return { reason: 'only local "#", "#/$defs/..." and "#/definitions/..." references are supported' }
  }
  let tokens: string[]
  try {
    tokens = ref
      .slice(2)
      .split('/')
      .map((t) => unescapePointerToken(decodeURIComponent(t)))
  } catch {
    return { reason: 'the reference is not a valid URI fragment' }
  }
  let at: unknown = root
  for (const t of tokens) {
    if (typeof at !== 'object' || at === null || !hasOwn.call(at, t)) return { reason: `"${ref}" does not resolve` }
    at = (at as Record<string, unknown>)[t]
  }
  if (typeof at !== 'boolean' && !isPlainObject(at)) return { reason: `"${ref}" does not point at a schema` }
  return { pointer: tokens.map((t) => '/' + escapePointerToken(t)).join('') }
}

/** Every problem that keeps `schema` from being validated by openws; empty when it is fine. */
export function checkSupported(schema: JsonSchema): SchemaProblem[] {
  const problems: SchemaProblem[] = []
  const refEdges = new Map<string, string[]>()
  const refs: Array<[at: string, pointer: string]> = []
  walk(schema, schema, '', 0, problems, refEdges, refs)
  for (const [at, pointer] of refs) {
    if (!refEdges.has(pointer))
      problems.push({ path: at, keyword: '$ref', reason: 'the reference does not point at a schema', kind: 'malformed' })
  }
  if (problems.length === 0) findRefLoops(refEdges, problems)
  return problems
}

function walk(
  root: JsonSchema,
  s: unknown,
  path: string,
  nesting: number,
  problems: SchemaProblem[],
  edges: Map<string, string[]>,
  refs: Array<[string, string]>,
): void {
  const bad = (
    keyword: string,
    reason: string,
    kind: SchemaProblem['kind'] = 'malformed',
    at = path + '/' + escapePointerToken(keyword),
  ): void => {
    problems.push({ path: at, keyword, reason, kind })
  }
  if (typeof s === 'boolean') {
    edges.set(path, [])
    return
  }
  if (!isPlainObject(s)) {
    problems.push({ path, keyword: '', reason: 'a schema must be a boolean or a plain object', kind: 'malformed' })
    return
  }
  if (nesting > MAX_SCHEMA_NESTING) {
    problems.push({ path, keyword: '', reason: `the schema nests deeper than ${MAX_SCHEMA_NESTING} levels`, kind: 'malformed' })
    return
  }
  // Subschemas applied to the same value: a loop among them never terminates.
  const same: string[] = []
  edges.set(path, same)
  const sub = (x: unknown, at: string): void => walk(root, x, at, nesting + 1, problems, edges, refs)
  for (const keyword of Object.keys(s)) {
    const value = s[keyword]
    const at = path + '/' + escapePointerToken(keyword)
    if (keyword.startsWith('x-')) continue
    if (ANNOTATIONS.has(keyword)) {
      if (keyword === '$id' && path !== '') bad(keyword, '"$id" is only supported at the root', 'unsupported')
      continue
    }
    if (!KEYWORDS.has(keyword)) {
      bad(keyword, `"${keyword}" is not in the supported subset`, 'unsupported')
      continue
    }
    switch (keyword) {
      case 'type': {
        const list = Array.isArray(value) ? value : [value]
        if (list.length === 0 || !list.every((t) => typeof t === 'string' && TYPES.has(t)) || new Set(list).size !== list.length) {
          bad(keyword, 'must be a type name or a non-empty array of distinct type names')
        }
        break
      }
      case 'enum':
        if (!Array.isArray(value)) bad(keyword, 'must be an array')
        break
      case 'const':
        break
      case 'multipleOf':
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) bad(keyword, 'must be a number greater than 0')
        break
      case 'pattern':
        if (typeof value !== 'string' || compilePattern(value) === null)
          bad(keyword, 'must be a valid ECMA-262 regular expression (u flag)')
        break
      case 'format':
        if (typeof value !== 'string') bad(keyword, 'must be a string')
        else if (!FORMATS.has(value)) bad(keyword, `format "${value}" is not supported`, 'unsupported')
        break
      case 'uniqueItems':
        if (typeof value !== 'boolean') bad(keyword, 'must be a boolean')
        break
      case 'required':
        if (!Array.isArray(value) || !value.every((k) => typeof k === 'string') || new Set(value).size !== value.length) {
          bad(keyword, 'must be an array of distinct strings')
        }
        break
      case 'items':
        if (Array.isArray(value)) bad(keyword, 'the array (tuple) form of "items" is not supported', 'unsupported')
        else {
          sub(value, at)
        }
        break
      case 'additionalProperties':
        sub(value, at)
        break
      case 'not':
        same.push(at)
        sub(value, at)
        break
      case 'properties':
      case 'patternProperties':
      case '$defs':
      case 'definitions':
        if (!isPlainObject(value)) {
          bad(keyword, 'must be an object of schemas')
          break
        }
        for (const k of Object.keys(value)) {
          if (keyword === 'patternProperties' && compilePattern(k) === null) {
            bad(keyword, `"${k}" is not a valid ECMA-262 regular expression (u flag)`, 'malformed', at + '/' + escapePointerToken(k))
          }
          sub(value[k], at + '/' + escapePointerToken(k))
        }
        break
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        if (!Array.isArray(value) || value.length === 0) {
          bad(keyword, 'must be a non-empty array of schemas')
          break
        }
        value.forEach((x, i) => {
          same.push(at + '/' + i)
          sub(x, at + '/' + i)
        })
        break
      case '$ref': {
        if (typeof value !== 'string') {
          bad(keyword, 'must be a string')
          break
        }
        const r = resolveRefPointer(root, value)
        if ('reason' in r) bad(keyword, r.reason)
        else {
          same.push(r.pointer)
          refs.push([at, r.pointer])
        }
        break
      }
      default:
        if (NON_NEGATIVE.has(keyword)) {
          if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) bad(keyword, 'must be a non-negative integer')
        } else if (NUMERIC.has(keyword)) {
          if (typeof value !== 'number' || !Number.isFinite(value)) bad(keyword, 'must be a finite number')
        }
    }
  }
}

// Depth-first search for a cycle of same-value applications ($ref, allOf, anyOf, oneOf, not).
function findRefLoops(edges: Map<string, string[]>, problems: SchemaProblem[]): void {
  const state = new Map<string, 1 | 2>()
  const visit = (node: string): boolean => {
    const s = state.get(node)
    if (s === 2) return false
    if (s === 1) return true
    state.set(node, 1)
    for (const next of edges.get(node) ?? []) {
      if (visit(next)) {
        if (!problems.some((p) => p.keyword === '$ref')) {
          problems.push({ path: node, keyword: '$ref', reason: 'references loop without descending into the value', kind: 'malformed' })
        }
        return true
      }
    }
    state.set(node, 2)
    return false
  }
  for (const node of edges.keys()) if (visit(node)) return
}
