// JSON Schema -> Python type hints (typing), for the generated TypedDicts. Hints document the
// payloads; the generated validator is what enforces them.
import { pyScalar, pyStr } from './code'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export function pyType(schema: unknown): string {
  if (!isObj(schema)) return 'Any'
  if (Object.hasOwn(schema, 'const') || Array.isArray(schema.enum)) {
    const values = Object.hasOwn(schema, 'const') ? [schema.const] : (schema.enum as unknown[])
    const literals = values.map(pyScalar)
    return literals.length > 0 && literals.every((l) => l !== undefined) ? `Literal[${literals.join(', ')}]` : 'Any'
  }
  const list = schema.anyOf ?? schema.oneOf
  if (Array.isArray(list) && list.length > 0 && schema.type === undefined) return union(list.map(pyType))
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
          return `List[${pyType(schema.items)}]`
        case 'object':
          return isObj(schema.additionalProperties) && schema.properties === undefined ? `Dict[str, ${pyType(schema.additionalProperties)}]` : 'Dict[str, Any]'
        default:
          return 'Any'
      }
    }),
  )
}

function union(types: string[]): string {
  const distinct = [...new Set(types)]
  if (distinct.includes('Any')) return 'Any'
  return distinct.length === 1 ? distinct[0] : `Union[${distinct.join(', ')}]`
}

/**
 * A TypedDict declaration (functional syntax, so any property name works) when the payload is an
 * object with properties; otherwise a plain alias.
 */
export function pyPayloadType(name: string, schema: unknown): string {
  if (isObj(schema) && isObj(schema.properties) && (schema.type === 'object' || schema.type === undefined) && schema.$ref === undefined) {
    const required = Array.isArray(schema.required) ? schema.required : []
    const props = schema.properties
    const fields = Object.keys(props).map((key) => {
      const hint = pyType(props[key])
      return `    ${pyStr(key)}: ${required.includes(key) ? hint : `NotRequired[${hint}]`},`
    })
    return `${name} = TypedDict(${pyStr(name)}, {\n${fields.join('\n')}\n})`
  }
  return `${name} = ${pyType(schema)}`
}
