// A payload's JSON Schema as a readable tree: each field with its type, constraints (bounds,
// lengths, pattern, enum, const...), format, description, default and examples; the raw schema is
// one click away in a <details>. Local $refs are followed (once per branch, so recursion shows).
import { h, showJson, type Child } from './dom'

type Obj = Record<string, any>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export function renderSchema(schema: unknown, label = 'payload'): HTMLElement {
  return h(
    'div',
    { class: 'schema' },
    h('ul', { class: 'tree', 'aria-label': `${label} fields` }, fieldItem(label, schema, schema, { required: true, root: true }, [])),
    h('details', { class: 'raw' }, h('summary', null, 'Raw JSON Schema'), h('pre', null, h('code', null, showJson(schema)))),
  )
}

interface Where {
  required?: boolean
  root?: boolean
  /** A branch that is not a key (array item, alternative, $ref target): no required/optional tag. */
  branch?: boolean
}

function resolve(root: unknown, ref: string): unknown {
  if (ref === '#') return root
  if (!ref.startsWith('#/')) return undefined
  let node: any = root
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (!isObj(node) || !Object.hasOwn(node, key)) return undefined
    node = node[key]
  }
  return node
}

function fieldItem(name: string, schema: unknown, root: unknown, where: Where, seen: string[]): HTMLElement {
  const head: Child[] = [h('code', { class: where.root ? 'key root' : 'key' }, name)]
  const body: Child[] = []
  const children: HTMLElement[] = []
  if (schema === true || (isObj(schema) && Object.keys(schema).length === 0)) {
    head.push(h('span', { class: 'type' }, 'any'))
  } else if (schema === false) {
    head.push(h('span', { class: 'type never' }, 'never'))
  } else if (isObj(schema)) {
    const type = typeText(schema)
    if (type) head.push(h('span', { class: 'type' }, type))
    if (!where.root && !where.branch)
      head.push(where.required ? h('span', { class: 'tag req' }, 'required') : h('span', { class: 'tag opt' }, 'optional'))
    for (const c of constraints(schema)) head.push(h('span', { class: 'tag constraint' }, c))
    if (typeof schema.format === 'string') head.push(h('span', { class: 'tag format' }, `format: ${schema.format}`))
    if (schema.deprecated === true) head.push(h('span', { class: 'tag warn' }, 'deprecated'))
    if (schema.readOnly === true) head.push(h('span', { class: 'tag' }, 'read-only'))
    if (schema.writeOnly === true) head.push(h('span', { class: 'tag' }, 'write-only'))
    if (typeof schema.title === 'string') body.push(h('div', { class: 'title' }, schema.title))
    if (typeof schema.description === 'string') body.push(h('div', { class: 'desc' }, schema.description))
    if (schema.default !== undefined)
      body.push(h('div', { class: 'example' }, 'default: ', h('code', null, JSON.stringify(schema.default))))
    if (Array.isArray(schema.examples)) {
      for (const ex of schema.examples.slice(0, 3))
        body.push(h('div', { class: 'example' }, 'example: ', h('code', null, JSON.stringify(ex))))
    }
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref
      const target = resolve(root, ref)
      if (seen.includes(ref)) children.push(h('li', null, h('span', { class: 'ref' }, `↻ ${ref} (recursive)`)))
      else if (target === undefined) children.push(h('li', null, h('span', { class: 'ref' }, `→ ${ref} (unresolved)`)))
      else children.push(fieldItem(`→ ${ref}`, target, root, { branch: true }, [...seen, ref]))
    }
    const required: string[] = Array.isArray(schema.required) ? schema.required : []
    if (isObj(schema.properties)) {
      for (const key of Object.keys(schema.properties)) {
        children.push(fieldItem(key, schema.properties[key], root, { required: required.includes(key) }, seen))
      }
    }
    for (const key of required) {
      if (!isObj(schema.properties) || !Object.hasOwn(schema.properties, key))
        children.push(fieldItem(key, true, root, { required: true }, seen))
    }
    if (isObj(schema.patternProperties)) {
      for (const re of Object.keys(schema.patternProperties))
        children.push(fieldItem(`/${re}/`, schema.patternProperties[re], root, {}, seen))
    }
    if (schema.additionalProperties === false) body.push(h('div', { class: 'note' }, 'no other keys'))
    else if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
      children.push(fieldItem('[other keys]', schema.additionalProperties, root, {}, seen))
    }
    if (schema.items !== undefined) children.push(fieldItem('[item]', schema.items, root, { branch: true }, seen))
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
      if (!Array.isArray(schema[k])) continue
      const word = k === 'anyOf' ? 'any of' : k === 'oneOf' ? 'exactly one of' : 'all of'
      body.push(h('div', { class: 'note' }, `${word}:`))
      schema[k].forEach((sub: unknown, i: number) => children.push(fieldItem(`#${i + 1}`, sub, root, { branch: true }, seen)))
    }
    if (schema.not !== undefined) children.push(fieldItem('not', schema.not, root, { branch: true }, seen))
  }
  return h('li', { class: 'field' }, h('div', { class: 'head' }, head), body, children.length ? h('ul', null, children) : null)
}

function typeText(schema: Obj): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.join(' | ')
  if (typeof schema.type === 'string') {
    if (schema.type === 'array' && isObj(schema.items) && typeof schema.items.type === 'string') return `${schema.items.type}[]`
    return schema.type
  }
  if (Object.hasOwn(schema, 'const')) return 'const'
  if (Array.isArray(schema.enum)) return 'enum'
  if (schema.$ref) return 'ref'
  return undefined
}

const quote = (v: unknown) => JSON.stringify(v)

/** Human-readable constraints of one schema node, e.g. "1 ≤ length ≤ 40", "≥ 0", "one of: a, b". */
export function constraints(schema: Obj): string[] {
  const out: string[] = []
  const range = (what: string, min: unknown, max: unknown, exMin?: unknown, exMax?: unknown) => {
    const num = (v: unknown) => typeof v === 'number'
    const lo = num(exMin) ? { n: exMin, lt: '<', ge: '>' } : num(min) ? { n: min, lt: '≤', ge: '≥' } : undefined
    const hi = num(exMax) ? { n: exMax, lt: '<' } : num(max) ? { n: max, lt: '≤' } : undefined
    if (lo && hi) out.push(`${lo.n} ${lo.lt} ${what} ${hi.lt} ${hi.n}`)
    else if (lo) out.push(`${what} ${lo.ge} ${lo.n}`)
    else if (hi) out.push(`${what} ${hi.lt} ${hi.n}`)
  }
  range('value', schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum)
  if (typeof schema.multipleOf === 'number') out.push(`multiple of ${schema.multipleOf}`)
  range('length', schema.minLength, schema.maxLength)
  if (typeof schema.pattern === 'string') out.push(`pattern /${schema.pattern}/`)
  range('items', schema.minItems, schema.maxItems)
  if (schema.uniqueItems === true) out.push('unique items')
  range('keys', schema.minProperties, schema.maxProperties)
  if (Object.hasOwn(schema, 'const')) out.push(`= ${quote(schema.const)}`)
  if (Array.isArray(schema.enum)) out.push(`one of: ${schema.enum.map(quote).join(', ')}`)
  return out
}
