// How a payload of one schema is written as JSON text, decided once from the schema: the plan both
// the encoder generator (../codegen/encoder.ts) and the interpreter (../interpret/encoder.ts)
// follow, so the compiled and the interpreted paths write the same bytes.
//
// A plan is only correct for values the schema's validator accepted. Where the validator proved
// the shape (a closed object, an array of one item schema, one scalar type, one type or null),
// the text is written from the checked values with the keys as constant text; everything else is
// `json`: JSON.stringify, which may give undefined (undefined, functions, symbols).
import type { JsonSchema } from '../ir/types'

export type EncodePlan =
  | { kind: 'string' | 'number' | 'boolean' | 'null' | 'json' }
  /** `null`, or a value of a type whose plan is total. */
  | { kind: 'nullable'; inner: EncodePlan }
  /** The properties the schema names, in its order, and nothing else. */
  | { kind: 'object'; members: EncodeMember[] }
  /** Every item by one plan; a hole or an unwritable item is `null`, as in JSON.stringify. */
  | { kind: 'array'; item: EncodePlan }

export interface EncodeMember {
  key: string
  /** The key as JSON text followed by a colon. */
  label: string
  required: boolean
  plan: EncodePlan
}

/** Keywords that only narrow the values of a type: the type's plan stays exact under them. */
const NARROWING = new Set([
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
  'minProperties',
  'maxProperties',
  '$defs',
  'definitions',
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
])

const JSON_TEXT: EncodePlan = { kind: 'json' }

/** Whether the plan always writes text (only `json` can give undefined). */
export function isTotal(plan: EncodePlan): boolean {
  return plan.kind !== 'json'
}

/** A property always written: present by `required` and never left out by its plan. */
export function isCertain(member: EncodeMember): boolean {
  return member.required && isTotal(member.plan)
}

export function planEncoder(schema: JsonSchema): EncodePlan {
  if (typeof schema !== 'object' || schema === null) return JSON_TEXT
  for (const k of Object.keys(schema)) if (!NARROWING.has(k) && !k.startsWith('x-')) return JSON_TEXT
  const type = schema.type
  const types = (Array.isArray(type) ? type : type === undefined ? [] : [type]) as string[]
  if (types.length === 2 && types.includes('null')) {
    const inner = planEncoder({ ...schema, type: types.find((t) => t !== 'null') })
    return isTotal(inner) ? { kind: 'nullable', inner } : JSON_TEXT
  }
  if (types.length !== 1) return JSON_TEXT
  switch (types[0]) {
    case 'string':
      return { kind: 'string' }
    case 'number':
    case 'integer':
      return { kind: 'number' }
    case 'boolean':
      return { kind: 'boolean' }
    case 'null':
      return { kind: 'null' }
    case 'array':
      return Array.isArray(schema.items) ? JSON_TEXT : { kind: 'array', item: planEncoder((schema.items ?? true) as JsonSchema) }
    case 'object':
      return schema.additionalProperties === false ? objectPlan(schema) : JSON_TEXT
    default:
      return JSON_TEXT
  }
}

function objectPlan(schema: Exclude<JsonSchema, boolean>): EncodePlan {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((schema.required ?? []) as string[])
  const members = Object.keys(properties)
    .filter((key) => properties[key] !== false) // the validator proved the key absent
    .map((key) => ({ key, label: JSON.stringify(key) + ':', required: required.has(key), plan: planEncoder(properties[key]!) }))
  return { kind: 'object', members }
}
