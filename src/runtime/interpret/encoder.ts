// The eval-free twin of the encoder generator (../codegen/encoder.ts): closures over the same
// encode plan, so an interpreted artifact writes the same frame text as a compiled one. Only
// correct for payloads the schema's validator accepted; undefined where JSON.stringify throws or
// writes nothing for the root (the caller then falls back to encodeEnvelope and its reporting).
import type { JsonSchema } from '../ir/types'
import { type EncodeMember, type EncodePlan, isTotal, planEncoder } from '../validate/encode-plan'

/** Writes the JSON text of an accepted value; undefined only under a `json` plan. */
type Write = (x: unknown) => string | undefined

const hasOwn = Object.prototype.hasOwnProperty
const json: Write = (x) => JSON.stringify(x)

export function interpretEncoder(schema: JsonSchema): (payload: unknown) => string | undefined {
  const write = writerOf(planEncoder(schema))
  return (payload) => {
    try {
      return write(payload)
    } catch {
      return undefined
    }
  }
}

function writerOf(plan: EncodePlan): Write {
  switch (plan.kind) {
    case 'string':
      return json
    case 'number':
      return (x) => '' + (x as number)
    case 'boolean':
      return (x) => (x ? 'true' : 'false')
    case 'null':
      return () => 'null'
    case 'json':
      return json
    case 'nullable': {
      const inner = writerOf(plan.inner)
      return (x) => (x === null ? 'null' : inner(x))
    }
    case 'array':
      return arrayWriter(plan.item)
    case 'object':
      return objectWriter(plan.members)
  }
}

function arrayWriter(item: EncodePlan): Write {
  const write = writerOf(item)
  const total = isTotal(item)
  return (x) => {
    const a = x as unknown[]
    let s = '['
    for (let i = 0; i < a.length; i++) {
      const t = write(a[i])
      s += (i === 0 ? '' : ',') + (total ? t : (t ?? 'null'))
    }
    return s + ']'
  }
}

function objectWriter(plan: readonly EncodeMember[]): Write {
  const members = plan.map((m) => ({ key: m.key, label: m.label, write: writerOf(m.plan), required: m.required }))
  return (x) => {
    const o = x as Record<string, unknown>
    let s = '{'
    for (const m of members) {
      const v = o[m.key]
      // Optional: own and defined (the validator rejects an own undefined under a typed schema).
      if (!m.required && (v === undefined || !hasOwn.call(o, m.key))) continue
      const t = m.write(v)
      if (t === undefined) continue // JSON.stringify leaves out what it cannot write
      s += (s.length === 1 ? m.label : ',' + m.label) + t
    }
    return s + '}'
  }
}
