// JSON Schema -> TypeScript type text, for the generated SDK's payload types. Data (property
// names, const and enum values) is embedded as JSON-escaped string/literal types, never pasted.
// `$ref`s into the payload's own `$defs`/`definitions` become named types; `#` names the payload
// type itself; anything the subset allows but a type cannot say (pattern, bounds...) is left to
// the runtime validator.
import { safeStringify } from '../../runtime/codegen/code'

type Obj = Record<string, unknown>

export interface TypeContext {
  /** The payload's type name (what `#` refers to). */
  self: string
  /** `$defs`/`definitions` entry -> its type name, keyed by container then entry name. */
  defs: Map<string, Map<string, string>>
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function literal(value: unknown): string {
  // JSON text is valid TypeScript literal-type syntax ("a", 1, true, null, {"k":1}, [1,2]).
  return safeStringify(value)
}

function refType(ref: string, ctx: TypeContext): string {
  if (!ref.startsWith('#')) return 'unknown'
  let fragment = ref.slice(1)
  try {
    fragment = decodeURIComponent(fragment)
  } catch {
    // as written
  }
  if (fragment === '' || fragment === '/') return ctx.self
  const segments = fragment
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  const [container, entry] = segments
  if (segments.length === 2 && container !== undefined && entry !== undefined) return ctx.defs.get(container)?.get(entry) ?? 'unknown'
  return 'unknown'
}

export function tsType(schema: unknown, ctx: TypeContext, indent = ''): string {
  if (schema === true || schema === undefined) return 'unknown'
  if (schema === false) return 'never'
  if (!isObj(schema)) return 'unknown'
  const parts: string[] = []
  if (typeof schema.$ref === 'string') parts.push(refType(schema.$ref, ctx))
  const base = baseType(schema, ctx, indent)
  if (base !== undefined) parts.push(base)
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf) parts.push(tsType(s, ctx, indent))
  for (const kw of ['anyOf', 'oneOf']) {
    const list = schema[kw]
    if (Array.isArray(list) && list.length > 0) parts.push(`(${list.map((s) => tsType(s, ctx, indent)).join(' | ')})`)
  }
  const useful = parts.filter((p) => p !== 'unknown')
  if (useful.length === 0) return 'unknown'
  const [only, ...more] = useful
  return only !== undefined && more.length === 0
    ? only
    : useful.map((p) => (p.includes(' | ') && !p.startsWith('(') ? `(${p})` : p)).join(' & ')
}

/** The type from const/enum/type/properties/items; undefined when those say nothing. */
function baseType(schema: Obj, ctx: TypeContext, indent: string): string | undefined {
  if (Object.hasOwn(schema, 'const')) return literal(schema.const)
  if (Array.isArray(schema.enum)) return schema.enum.length === 0 ? 'never' : schema.enum.map(literal).join(' | ')
  let types: string[] | undefined
  if (typeof schema.type === 'string') types = [schema.type]
  else if (Array.isArray(schema.type)) types = schema.type.filter((t): t is string => typeof t === 'string')
  const objectish =
    schema.properties !== undefined ||
    schema.additionalProperties !== undefined ||
    schema.required !== undefined ||
    schema.patternProperties !== undefined
  if (types === undefined) {
    if (objectish) types = ['object']
    else if (schema.items !== undefined) types = ['array']
    else return undefined
  }
  const out = types.map((t) => {
    switch (t) {
      case 'string':
        return 'string'
      case 'number':
      case 'integer':
        return 'number'
      case 'boolean':
        return 'boolean'
      case 'null':
        return 'null'
      case 'array':
        return `Array<${tsType(schema.items, ctx, indent)}>`
      case 'object':
        return objectType(schema, ctx, indent)
      default:
        return 'unknown'
    }
  })
  return out.length === 1 ? out[0] : out.join(' | ')
}

function objectType(schema: Obj, ctx: TypeContext, indent: string): string {
  const props = isObj(schema.properties) ? schema.properties : {}
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []
  const inner = `${indent}  `
  const lines: string[] = []
  for (const name of Object.keys(props)) {
    lines.push(`${inner}${literal(name)}${required.includes(name) ? '' : '?'}: ${tsType(props[name], ctx, inner)}`)
  }
  for (const name of required) if (!Object.hasOwn(props, name)) lines.push(`${inner}${literal(name)}: unknown`)
  const closed = schema.additionalProperties === false && schema.patternProperties === undefined
  if (!closed) {
    const rest =
      lines.length === 0 && isObj(schema.additionalProperties) && schema.patternProperties === undefined
        ? tsType(schema.additionalProperties, ctx, inner)
        : 'unknown'
    lines.push(`${inner}[key: string]: ${rest}`)
  }
  if (lines.length === 0) return 'Record<string, never>'
  return `{\n${lines.join('\n')}\n${indent}}`
}
