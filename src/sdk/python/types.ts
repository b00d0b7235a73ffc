// JSON Schema -> Python type hints (typing), for the generated TypedDicts. Hints document the
// payloads; the generated validator is what enforces them. A payload's `$defs`/`definitions`
// become named types and `$ref`s to them (or `#`, the payload itself) become forward references
// (quoted names), so recursive types work.
import { pyName, pyScalar, pyStr } from './code'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export interface PyTypeContext {
  /** The payload's type name (what `#` refers to). */
  self: string
  /** Container (`$defs`/`definitions`) -> entry -> type name. */
  defs: Map<string, Map<string, string>>
}

function refType(ref: string, ctx: PyTypeContext): string {
  if (!ref.startsWith('#')) return 'Any'
  let fragment = ref.slice(1)
  try {
    fragment = decodeURIComponent(fragment)
  } catch {
    // as written
  }
  if (fragment === '' || fragment === '/') return pyStr(ctx.self)
  const segments = fragment
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  const [container, entry] = segments
  const name = segments.length === 2 && container !== undefined && entry !== undefined ? ctx.defs.get(container)?.get(entry) : undefined
  return name === undefined ? 'Any' : pyStr(pyName(name))
}

export function pyType(schema: unknown, ctx: PyTypeContext): string {
  if (!isObj(schema)) return 'Any'
  if (typeof schema.$ref === 'string') return refType(schema.$ref, ctx)
  if (Object.hasOwn(schema, 'const') || Array.isArray(schema.enum)) {
    const values = Object.hasOwn(schema, 'const') ? [schema.const] : (schema.enum as unknown[])
    const literals = values.map(pyScalar)
    return literals.length > 0 && literals.every((l) => l !== undefined) ? `Literal[${literals.join(', ')}]` : 'Any'
  }
  const list = schema.anyOf ?? schema.oneOf
  if (Array.isArray(list) && list.length > 0 && schema.type === undefined) return union(list.map((s) => pyType(s, ctx)))
  let types: string[] = []
  if (typeof schema.type === 'string') types = [schema.type]
  else if (Array.isArray(schema.type)) types = schema.type.filter((t): t is string => typeof t === 'string')
  else if (schema.properties !== undefined || schema.additionalProperties !== undefined) types = ['object']
  else if (schema.items !== undefined) types = ['array']
  if (types.length === 0) return 'Any'
  return union(
    types.map((t) => {
      switch (t) {
        case 'string':
          return 'str'
        case 'integer':
          return 'int'
        case 'number':
          return 'float'
        case 'boolean':
          return 'bool'
        case 'null':
          return 'None'
        case 'array':
          return `List[${pyType(schema.items, ctx)}]`
        case 'object':
          return isObj(schema.additionalProperties) && schema.properties === undefined
            ? `Dict[str, ${pyType(schema.additionalProperties, ctx)}]`
            : 'Dict[str, Any]'
        default:
          return 'Any'
      }
    }),
  )
}

function union(types: string[]): string {
  const distinct = [...new Set(types)]
  if (distinct.includes('Any')) return 'Any'
  const [only, ...more] = distinct
  return only !== undefined && more.length === 0 ? only : `Union[${distinct.join(', ')}]`
}

/**
 * `name` declared for `schema`: a TypedDict (functional syntax, so any property name works) for an
 * object with properties, otherwise an alias. `target` is set for an alias of another named type.
 */
function pyNamedType(name: string, schema: unknown, ctx: PyTypeContext): { text: string; target?: string } {
  if (isObj(schema) && isObj(schema.properties) && (schema.type === 'object' || schema.type === undefined) && schema.$ref === undefined) {
    const required = Array.isArray(schema.required) ? schema.required : []
    const props = schema.properties
    const fields = Object.keys(props).map((key) => {
      const hint = pyType(props[key], ctx)
      return `    ${pyStr(key)}: ${required.includes(key) ? hint : `NotRequired[${hint}]`},`
    })
    return { text: `${name} = TypedDict(${pyStr(name)}, {\n${fields.join('\n')}\n})` }
  }
  const alias = pyType(schema, ctx)
  if (!alias.startsWith('"')) return { text: `${name} = ${alias}` }
  // An alias of a forward reference would be a plain string at run time: name the target itself,
  // once it is defined.
  const target = alias.slice(1, -1)
  return { text: `${name} = ${target}`, target }
}

/**
 * The payload's type and its definitions' types, in an order where every plain alias follows its
 * target (an alias chain that loops becomes `Any`).
 */
export function pyPayloadTypes(schema: unknown, ctx: PyTypeContext): string {
  const entries: { name: string; schema: unknown; label?: string }[] = []
  for (const [container, defs] of ctx.defs) {
    const values = (schema as Record<string, Record<string, unknown> | undefined>)[container]
    for (const [entry, name] of defs) entries.push({ name: pyName(name), schema: values?.[entry], label: `${container}/${entry}` })
  }
  entries.push({ name: pyName(ctx.self), schema })
  const lines: string[] = []
  const defined = new Set<string>()
  const aliases: { name: string; text: string; target: string; label?: string }[] = []
  const emit = (label: string | undefined, text: string) => {
    if (label !== undefined) lines.push(`# ${label.replace(/[\r\n\u2028\u2029]/g, ' ')}`)
    lines.push(text)
  }
  for (const entry of entries) {
    const typed = pyNamedType(entry.name, entry.schema, ctx)
    if (typed.target === undefined) {
      emit(entry.label, typed.text)
      defined.add(entry.name)
    } else {
      aliases.push({ name: entry.name, text: typed.text, target: typed.target, label: entry.label })
    }
  }
  for (let progress = true; progress && aliases.length > 0;) {
    progress = false
    for (let i = 0; i < aliases.length; i++) {
      const alias = aliases[i]
      if (alias === undefined || !defined.has(alias.target)) continue
      aliases.splice(i--, 1)
      emit(alias.label, alias.text)
      defined.add(alias.name)
      progress = true
    }
  }
  for (const alias of aliases) emit(alias.label, `${alias.name} = Any`)
  return lines.join('\n')
}
