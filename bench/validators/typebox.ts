// The catalogue's JSON Schema rebuilt with TypeBox's builders (TypeCompiler needs its Kind marks),
// for the subset the catalogue uses: object, string, number, integer, boolean, array, enum, const, anyOf.
import { type TSchema, Type } from '@sinclair/typebox'
import type { JsonSchema } from '../../src/runtime/ir/types'

type S = Record<string, unknown>
const KEYWORDS = ['minimum', 'maximum', 'minLength', 'maxLength'] as const

export function toTypeBox(schema: JsonSchema): TSchema {
  const s = schema as S
  const opts: S = {}
  for (const k of KEYWORDS) if (s[k] !== undefined) opts[k] = s[k]
  if (s.enum !== undefined) return Type.Union((s.enum as string[]).map((v) => Type.Literal(v)))
  if (s.const !== undefined) return Type.Literal(s.const as string)
  if (s.anyOf !== undefined) return Type.Union((s.anyOf as JsonSchema[]).map(toTypeBox))
  switch (s.type) {
    case 'string':
      return Type.String(opts)
    case 'number':
      return Type.Number(opts)
    case 'integer':
      return Type.Integer(opts)
    case 'boolean':
      return Type.Boolean()
    case 'array':
      return Type.Array(toTypeBox(s.items as JsonSchema))
    case 'object': {
      const required = new Set(s.required as string[])
      const props = Object.fromEntries(
        Object.entries(s.properties as Record<string, JsonSchema>).map(([k, v]) => [
          k,
          required.has(k) ? toTypeBox(v) : Type.Optional(toTypeBox(v)),
        ]),
      )
      return Type.Object(props, s.additionalProperties === false ? { additionalProperties: false } : {})
    }
  }
  throw new Error(`bench/validators/typebox: unsupported schema ${JSON.stringify(schema)}`)
}
