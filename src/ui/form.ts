// The payload editor of the console: one input per field when the payload is a flat object of
// scalars, a JSON textarea otherwise (and always one click away). Inputs carry no constraint
// attributes on purpose: the console can send invalid payloads, to see what the server answers.
import { h, showJson } from './dom'

type Obj = Record<string, any>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export type Read = { ok: true; value: unknown } | { ok: false; error: string }

export interface Editor {
  el: HTMLElement
  read(): Read
  /** Replaces the current value (form fields when it fits them, else the JSON text). */
  set(value: unknown): void
  /** Marks the inputs whose field has an issue (JSON Pointers of the issues) with aria-invalid. */
  mark(paths: readonly string[]): void
}

interface Field {
  key: string
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum'
  schema: Obj
  required: boolean
  input: HTMLInputElement | HTMLSelectElement
}

let ids = 0
const SCALARS = ['string', 'number', 'integer', 'boolean']

function fieldKind(schema: unknown): Field['kind'] | undefined {
  if (!isObj(schema) || schema.$ref !== undefined) return undefined
  if (
    Array.isArray(schema.enum) &&
    schema.enum.every((v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
  )
    return 'enum'
  if (typeof schema.type === 'string' && SCALARS.includes(schema.type)) return schema.type as Field['kind']
  return undefined
}

/** Properties of a flat object payload, or undefined when a form would not fit it. */
function flatFields(schema: unknown): Array<Omit<Field, 'input'>> | undefined {
  if (!isObj(schema) || schema.type !== 'object' || !isObj(schema.properties) || schema.$ref !== undefined) return undefined
  if (schema.patternProperties !== undefined || schema.anyOf || schema.oneOf || schema.allOf || schema.not) return undefined
  const required: string[] = Array.isArray(schema.required) ? schema.required : []
  const fields: Array<Omit<Field, 'input'>> = []
  for (const key of Object.keys(schema.properties)) {
    const kind = fieldKind(schema.properties[key])
    if (kind === undefined) return undefined
    fields.push({ key, kind, schema: schema.properties[key], required: required.includes(key) })
  }
  return fields
}

export function payloadEditor(schema: unknown, onChange: () => void): Editor {
  const flat = flatFields(schema)
  const textarea = h('textarea', {
    id: `payload-json-${++ids}`,
    class: 'json',
    rows: 8,
    spellcheck: 'false',
    autocomplete: 'off',
    oninput: onChange,
  })
  textarea.value = showJson(sample(schema, schema))
  const jsonBox = h('div', { class: 'json-box' }, h('label', { for: textarea.id }, 'Payload (JSON)'), textarea)
  if (!flat) {
    return {
      el: h('div', { class: 'editor' }, jsonBox),
      read: () => parse(textarea.value),
      set: (value) => void (textarea.value = showJson(value)),
      mark: (paths) => textarea.setAttribute('aria-invalid', String(paths.length > 0)),
    }
  }

  const fields: Field[] = flat.map((f) => ({ ...f, input: inputFor(f, onChange) }))
  let mode: 'form' | 'json' = 'form'
  const formBox = h(
    'div',
    { class: 'fields' },
    fields.length === 0 ? h('p', { class: 'note' }, 'This payload has no fields: {} is sent.') : null,
    fields.map((f) =>
      h(
        'div',
        { class: 'field-row' },
        h(
          'label',
          { for: f.input.id },
          h('code', null, f.key),
          ' ',
          h('span', { class: 'type' }, f.kind === 'enum' ? 'enum' : f.kind),
          f.required ? h('span', { class: 'tag req' }, 'required') : h('span', { class: 'tag opt' }, 'optional'),
        ),
        f.input,
      ),
    ),
  )
  const toggle = h(
    'button',
    { type: 'button', class: 'toggle', 'aria-pressed': 'false', onclick: () => switchTo(mode === 'form' ? 'json' : 'form') },
    'Edit as JSON',
  )
  jsonBox.hidden = true
  // A JSON value the form cannot show stays in JSON mode.
  const misfit = h(
    'p',
    { class: 'note', role: 'status', hidden: true },
    'This JSON does not fit the form (extra keys or nested values): edit it here.',
  )
  const readForm = (): Read => {
    const out: Obj = {}
    for (const f of fields) {
      const raw = f.input.value
      if (raw === '') continue // left empty: the key is omitted
      out[f.key] =
        f.kind === 'string' ? raw : f.kind === 'enum' ? JSON.parse(raw) : f.kind === 'boolean' ? raw === 'true' : numberOrText(raw)
    }
    return { ok: true, value: out }
  }
  const fill = (value: unknown): boolean => {
    if (!isObj(value) || Object.keys(value).some((k) => !fields.some((f) => f.key === k))) return false
    for (const f of fields) {
      const v = value[f.key]
      if (v !== undefined && f.kind !== 'enum' && typeof v === 'object') return false
    }
    for (const f of fields) {
      const v = value[f.key]
      f.input.value = v === undefined ? '' : f.kind === 'enum' ? JSON.stringify(v) : String(v)
    }
    return true
  }
  function switchTo(next: 'form' | 'json'): void {
    if (next === 'json') {
      const current = readForm()
      if (current.ok) textarea.value = showJson(current.value)
    } else {
      const current = parse(textarea.value)
      if (!current.ok || !fill(current.value)) {
        misfit.hidden = false
        return
      }
    }
    misfit.hidden = true
    mode = next
    formBox.hidden = mode !== 'form'
    jsonBox.hidden = mode !== 'json'
    toggle.textContent = mode === 'form' ? 'Edit as JSON' : 'Edit as form'
    toggle.setAttribute('aria-pressed', String(mode === 'json'))
    onChange()
  }
  return {
    el: h('div', { class: 'editor' }, formBox, jsonBox, misfit, toggle),
    read: () => (mode === 'form' ? readForm() : parse(textarea.value)),
    set: (value) => {
      textarea.value = showJson(value)
      if (mode === 'form' && !fill(value)) switchTo('json')
    },
    mark: (paths) => {
      textarea.setAttribute('aria-invalid', String(paths.length > 0))
      for (const f of fields) {
        const bad = paths.some((p) => p === `/${f.key.replace(/~/g, '~0').replace(/\//g, '~1')}`)
        f.input.setAttribute('aria-invalid', String(bad))
      }
    },
  }
}

function inputFor(f: Omit<Field, 'input'>, onChange: () => void): HTMLInputElement | HTMLSelectElement {
  const id = `payload-field-${++ids}`
  if (f.kind === 'enum' || f.kind === 'boolean') {
    const values: unknown[] = f.kind === 'enum' ? f.schema.enum : [true, false]
    const select = h(
      'select',
      { id, onchange: onChange },
      h('option', { value: '' }, '(omit)'),
      values.map((v) => h('option', { value: f.kind === 'enum' ? JSON.stringify(v) : String(v) }, JSON.stringify(v))),
    )
    return select
  }
  const hint = [f.schema.format, typeof f.schema.description === 'string' ? f.schema.description : undefined].filter(Boolean).join(' — ')
  const input = h('input', {
    id,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    oninput: onChange,
    inputmode: f.kind === 'string' ? undefined : f.kind === 'integer' ? 'numeric' : 'decimal',
    placeholder: hint || (f.required ? '' : '(empty: omitted)'),
  })
  const ex = Array.isArray(f.schema.examples) ? f.schema.examples[0] : f.schema.default
  if (ex !== undefined && typeof ex !== 'object') input.value = String(ex)
  else if (f.kind !== 'string' && f.required) input.value = String(sample(f.schema, f.schema))
  return input
}

/** A number when the text is one, else the text itself (so the validator reports the type). */
function numberOrText(raw: string): unknown {
  const trimmed = raw.trim()
  if (trimmed !== '' && /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return Number(trimmed)
  return raw
}

function parse(text: string): Read {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` }
  }
}

/** A starting value for a schema: its example, default, const or first enum value, else a minimal shape. */
export function sample(schema: unknown, root: unknown, depth = 0): unknown {
  if (!isObj(schema) || depth > 6) return schema === false ? null : {}
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0]
  if (schema.default !== undefined) return schema.default
  if (Object.hasOwn(schema, 'const')) return schema.const
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) {
    let node: any = root
    for (const k of schema.$ref.slice(2).split('/').filter(Boolean)) node = isObj(node) ? node[k] : undefined
    return sample(node, root, depth + 1)
  }
  for (const k of ['anyOf', 'oneOf']) if (Array.isArray(schema[k]) && schema[k].length > 0) return sample(schema[k][0], root, depth + 1)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'object': {
      const out: Obj = {}
      const required: string[] = Array.isArray(schema.required) ? schema.required : []
      for (const key of required) out[key] = sample(isObj(schema.properties) ? schema.properties[key] : undefined, root, depth + 1)
      return out
    }
    case 'array':
      return Array.from({ length: typeof schema.minItems === 'number' ? Math.min(schema.minItems, 3) : 0 }, () =>
        sample(schema.items, root, depth + 1),
      )
    case 'string':
      return sampleString(schema)
    case 'integer':
    case 'number': {
      const n =
        typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0
      return type === 'integer' ? Math.ceil(n) : n
    }
    case 'boolean':
      return false
    case 'null':
      return null
    default:
      return {}
  }
}

function sampleString(schema: Obj): string {
  switch (schema.format) {
    case 'date-time':
      return new Date(0).toISOString()
    case 'date':
      return '2026-01-01'
    case 'time':
      return '12:00:00Z'
    case 'email':
      return 'someone@example.com'
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000'
    case 'uri':
      return 'https://example.com/'
    case 'ipv4':
      return '127.0.0.1'
    case 'ipv6':
      return '::1'
  }
  return 'x'.repeat(typeof schema.minLength === 'number' ? Math.min(schema.minLength, 40) : 0)
}
