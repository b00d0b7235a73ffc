// Turns a checked schema into a graph of prepared nodes: the one reading of a schema that both the
// interpreter and the code generator consume, so their semantics cannot drift apart.
import type { JsonSchema } from '../ir/types'
import { openwsError } from '../openws-error'
import type { ValidatorOptions } from './types'
import { escapePointerToken } from './pointer'
import { checkSupported, compilePattern, isPlainObject, resolveRefPointer } from './supported-subset'

/** Nesting of the value below which members are no longer visited (see index.ts). */
export const DEFAULT_MAX_DEPTH = 64

export interface PropNode {
  key: string
  node: SchemaNode
}
export interface PatternNode {
  source: string
  re: RegExp
  node: SchemaNode
}

export interface SchemaNode {
  /** JSON Pointer of this subschema in the root schema. */
  ptr: string
  /** 'true' accepts everything, 'false' rejects everything. */
  kind: 'true' | 'false' | 'schema'
  ref?: SchemaNode
  /** The `type` keyword value as written, and its list form. */
  type?: string | string[]
  types?: string[]
  hasConst?: boolean
  constValue?: unknown
  enumValues?: unknown[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  multipleOf?: number
  minLength?: number
  maxLength?: number
  pattern?: { source: string; re: RegExp }
  format?: string
  minItems?: number
  maxItems?: number
  items?: SchemaNode
  uniqueItems?: boolean
  minProperties?: number
  maxProperties?: number
  required?: string[]
  properties?: PropNode[]
  patternProperties?: PatternNode[]
  additionalProperties?: SchemaNode
  allOf?: SchemaNode[]
  anyOf?: SchemaNode[]
  oneOf?: SchemaNode[]
  not?: SchemaNode
  /** items or uniqueItems: the node inspects array members (subject to maxDepth). */
  arrayMembers: boolean
  /** properties/patternProperties/additionalProperties that can reject: inspects object members. */
  objectMembers: boolean
  /** Some `$ref` points here; the code generator gives it its own function. */
  isRefTarget: boolean
}

export interface PreparedSchema {
  root: SchemaNode
  maxDepth: number
  /** Every ref target, root first when it is one; stable order. */
  refTargets: SchemaNode[]
}

export function resolveMaxDepth(options: ValidatorOptions | undefined): number {
  const d = options?.maxDepth
  if (d === undefined) return DEFAULT_MAX_DEPTH
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', `maxDepth must be a non-negative integer, got ${String(d)}`)
  }
  return d
}

/** Checks the schema (throwing the first problem as an OpenWsError) and prepares its nodes. */
export function prepareSchema(schema: JsonSchema, options?: ValidatorOptions): PreparedSchema {
  const maxDepth = resolveMaxDepth(options)
  const problems = checkSupported(schema)
  if (problems.length > 0) {
    const p = problems[0]!
    const code = p.kind === 'unsupported' ? 'OPENWS_ERR_UNSUPPORTED_KEYWORD' : 'OPENWS_ERR_INVALID_SCHEMA'
    throw openwsError(code, `schema ${p.kind === 'unsupported' ? 'keyword' : 'error'} "${p.keyword}" at "${p.path || '#'}": ${p.reason}`, {
      keyword: p.keyword,
    })
  }
  const byPtr = new Map<string, SchemaNode>()
  const pendingRefs: Array<[SchemaNode, string]> = []
  const root = build(schema, '', byPtr, pendingRefs)
  const refTargets: SchemaNode[] = []
  for (const [node, ref] of pendingRefs) {
    const r = resolveRefPointer(schema, ref)
    const target = 'pointer' in r ? byPtr.get(r.pointer) : undefined
    if (target === undefined)
      throw openwsError('OPENWS_ERR_INVALID_SCHEMA', `schema error "$ref" at "${node.ptr || '#'}": unresolved`, { keyword: '$ref' })
    node.ref = target
    if (!target.isRefTarget) {
      target.isRefTarget = true
      refTargets.push(target)
    }
  }
  refTargets.sort((a, b) => (a === root ? -1 : b === root ? 1 : 0))
  return { root, maxDepth, refTargets }
}

const VALIDATING = new Set([
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
])

function build(s: unknown, ptr: string, byPtr: Map<string, SchemaNode>, refs: Array<[SchemaNode, string]>): SchemaNode {
  const node: SchemaNode = { ptr, kind: 'schema', arrayMembers: false, objectMembers: false, isRefTarget: false }
  byPtr.set(ptr, node)
  if (typeof s === 'boolean') {
    node.kind = s ? 'true' : 'false'
    return node
  }
  const o = s as Record<string, unknown>
  const at = (k: string): string => ptr + '/' + escapePointerToken(k)
  const sub = (x: unknown, p: string): SchemaNode => build(x, p, byPtr, refs)
  // Definitions are prepared whether or not they validate anything, so refs can reach them.
  for (const defs of ['$defs', 'definitions']) {
    if (isPlainObject(o[defs])) for (const [k, v] of Object.entries(o[defs] as object)) sub(v, at(defs) + '/' + escapePointerToken(k))
  }
  if (!Object.keys(o).some((k) => VALIDATING.has(k))) {
    node.kind = 'true'
    return node
  }
  const num = (k: string): number | undefined => (typeof o[k] === 'number' ? (o[k] as number) : undefined)
  if (typeof o.$ref === 'string') refs.push([node, o.$ref])
  if (o.type !== undefined) {
    node.type = o.type as string | string[]
    node.types = Array.isArray(o.type) ? (o.type as string[]) : [o.type as string]
  }
  if (Object.prototype.hasOwnProperty.call(o, 'const')) {
    node.hasConst = true
    node.constValue = o.const
  }
  if (Array.isArray(o.enum)) node.enumValues = o.enum
  node.minimum = num('minimum')
  node.maximum = num('maximum')
  node.exclusiveMinimum = num('exclusiveMinimum')
  node.exclusiveMaximum = num('exclusiveMaximum')
  node.multipleOf = num('multipleOf')
  node.minLength = num('minLength')
  node.maxLength = num('maxLength')
  if (typeof o.pattern === 'string') node.pattern = { source: o.pattern, re: compilePattern(o.pattern)! }
  if (typeof o.format === 'string') node.format = o.format
  node.minItems = num('minItems')
  node.maxItems = num('maxItems')
  if (o.items !== undefined) {
    const n = sub(o.items, at('items'))
    if (n.kind !== 'true') node.items = n
  }
  if (o.uniqueItems === true) node.uniqueItems = true
  node.minProperties = num('minProperties')
  node.maxProperties = num('maxProperties')
  if (Array.isArray(o.required) && o.required.length > 0) node.required = o.required as string[]
  if (isPlainObject(o.properties)) {
    node.properties = Object.keys(o.properties).map((key) => ({
      key,
      node: sub((o.properties as Record<string, unknown>)[key], at('properties') + '/' + escapePointerToken(key)),
    }))
  }
  if (isPlainObject(o.patternProperties)) {
    node.patternProperties = Object.keys(o.patternProperties).map((source) => ({
      source,
      re: compilePattern(source)!,
      node: sub((o.patternProperties as Record<string, unknown>)[source], at('patternProperties') + '/' + escapePointerToken(source)),
    }))
  }
  if (o.additionalProperties !== undefined) {
    const n = sub(o.additionalProperties, at('additionalProperties'))
    if (n.kind !== 'true') node.additionalProperties = n
  }
  const list = (k: string): SchemaNode[] | undefined =>
    Array.isArray(o[k]) ? (o[k] as unknown[]).map((x, i) => sub(x, at(k) + '/' + i)) : undefined
  node.allOf = list('allOf')
  node.anyOf = list('anyOf')
  node.oneOf = list('oneOf')
  if (o.not !== undefined) node.not = sub(o.not, at('not'))
  node.arrayMembers = node.items !== undefined || node.uniqueItems === true
  node.objectMembers =
    node.additionalProperties !== undefined ||
    (node.properties ?? []).some((p) => p.node.kind !== 'true') ||
    (node.patternProperties ?? []).some((p) => p.node.kind !== 'true')
  return node
}
