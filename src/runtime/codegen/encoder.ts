// Generates a JSON encoder for payloads of one schema: the outbound half of the compiled message
// path. Where the validator proved the shape (a closed object, an array of one item schema, a
// scalar type), the encoder writes the JSON text by concatenation, with the keys as constant
// text; everything else goes through JSON.stringify. Writing the envelope this way costs about
// half of one JSON.stringify of the whole envelope (bench/dispatch).
//
// `generateEncoder(schema).source` is an EXPRESSION evaluating to `(payload) => string | undefined`.
// It is only correct for payloads the schema's validator accepted, and it returns undefined when
// it cannot write the text itself (JSON.stringify threw, or gave undefined for the root), so the
// caller falls back to the runtime's encodeEnvelope and its error reporting. It uses no free
// identifier but standard built-ins. The text parses to the same JSON value as JSON.stringify's,
// keys in schema order; it differs only where JSON.stringify would write something other than
// what the validator checked (a `toJSON` method on a closed object, an own non-enumerable
// property): the encoder writes the checked values.
import type { JsonSchema } from '../ir/types'
import { type Code, type Name, Scope, _, join } from './code'

export interface GeneratedEncoder {
  /** Source of an expression evaluating to `(payload) => string | undefined`. */
  source: string
}

/** Keywords that only narrow the values of a type: the type's fast path stays exact under them. */
const NARROWING = new Set([
  'type', 'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern', 'format', 'items', 'minItems', 'maxItems', 'uniqueItems',
  'properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties', '$defs', 'definitions',
  'description', 'title', 'default', 'examples', '$comment', '$schema', '$id', 'deprecated', 'readOnly', 'writeOnly',
])

type Schema = Exclude<JsonSchema, boolean>

/** An expression for the JSON text of a value known to be valid; `total` when it is never undefined. */
interface Text {
  code: Code
  total: boolean
}

class EncoderGen {
  readonly scope = new Scope()
  readonly hoisted: Code[] = []
  usesHasOwn = false

  /** The JSON text of `x` (a simple expression: a name or a property read). */
  text(schema: JsonSchema, x: Code): Text {
    const type = fastType(schema)
    switch (type) {
      case 'string': return { code: _`JSON.stringify(${x})`, total: true }
      case 'number':
      case 'integer': return { code: _`("" + ${x})`, total: true }
      case 'boolean': return { code: _`(${x} ? "true" : "false")`, total: true }
      case 'null': return { code: _`"null"`, total: true }
      case 'object': return { code: _`${this.object(schema as Schema)}(${x})`, total: true }
      case 'array': return { code: _`${this.array(schema as Schema)}(${x})`, total: true }
      case 'nullable': {
        const inner = this.text({ ...(schema as Schema), type: nonNull(schema as Schema) }, x)
        if (inner.total) return { code: _`(${x} === null ? "null" : ${inner.code})`, total: true }
        break
      }
    }
    return { code: _`JSON.stringify(${x})`, total: false }
  }

  /** A closed object: the properties the schema names, in its order, and nothing else. */
  private object(schema: Schema): Name {
    const fn = this.scope.name('o')
    const x = this.scope.name('x')
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
    const required = new Set((schema.required ?? []) as string[])
    const members = Object.keys(properties)
      .filter((key) => properties[key] !== false) // false: the validator proved the key absent
      .map((key) => {
        const t = this.scope.name('t')
        return { key, t, value: this.text(properties[key]!, t), label: JSON.stringify(key) + ':', certain: false }
      })
    for (const m of members) m.certain = m.value.total && required.has(m.key)
    if (members.every((m) => m.certain)) {
      // Every property is written: read them all, then one concatenation (~6% faster than appending).
      const body = members.length === 0 ? _`return "{}";`
        : _`const ${join(members.map((m) => _`${m.t} = ${x}[${m.key}]`), _`, `)}; return ${join(members.map((m, i) => _`${(i === 0 ? '{' : ',') + m.label} + ${m.value.code}`), _` + `)} + "}";`
      this.hoisted.push(_`function ${fn}(${x}) { ${body} }`)
      return fn
    }
    const s = this.scope.name('s')
    const body: Code[] = [_`let ${s} = "{";`]
    // A property's comma is static once one before it was certainly written, or when none before
    // it could have been; otherwise it depends on what was.
    let started = false
    let maybeWritten = false
    for (const { key, t, value, label, certain } of members) {
      const lead = started ? _`${',' + label}` : !maybeWritten ? _`${label}` : _`(${s}.length === 1 ? ${label} : ${',' + label})`
      const read = _`const ${t} = ${x}[${key}];`
      if (certain) {
        body.push(_`{ ${read} ${s} += ${lead} + ${value.code}; }`)
        started = true
        continue
      }
      maybeWritten = true
      const optional = !required.has(key)
      if (optional) this.usesHasOwn = true
      if (value.total) {
        // Optional: own and defined (the validator rejects an own undefined under a typed schema).
        body.push(_`{ ${read} if (${t} !== undefined && hasOwn.call(${x}, ${key})) ${s} += ${lead} + ${value.code}; }`)
        continue
      }
      // Any value: JSON.stringify leaves out what it cannot write (undefined, functions), as here.
      const j = this.scope.name('j')
      const own = optional ? _` && hasOwn.call(${x}, ${key})` : _``
      body.push(_`{ ${read} const ${j} = ${value.code}; if (${j} !== undefined${own}) ${s} += ${lead} + ${j}; }`)
    }
    this.hoisted.push(_`function ${fn}(${x}) { ${join(body, _` `)} return ${s} + "}"; }`)
    return fn
  }

  /** An array of one item schema; a hole or an unwritable item is `null`, as in JSON.stringify. */
  private array(schema: Schema): Name {
    const fn = this.scope.name('a')
    const x = this.scope.name('x')
    const s = this.scope.name('s')
    const i = this.scope.name('i')
    const t = this.scope.name('t')
    const item = this.text((schema.items ?? true) as JsonSchema, t)
    const one = item.total ? item.code : _`(${item.code} ?? "null")`
    this.hoisted.push(_`function ${fn}(${x}) { const n = ${x}.length; if (n === 0) return "[]"; let ${t} = ${x}[0]; let ${s} = "[" + ${one}; for (let ${i} = 1; ${i} < n; ${i}++) { ${t} = ${x}[${i}]; ${s} += "," + ${one}; } return ${s} + "]"; }`)
    return fn
  }
}

type FastType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array' | 'nullable' | undefined

/** Which fast path a schema allows, if any: it must only narrow one type (or one type and null). */
function fastType(schema: JsonSchema): FastType {
  if (typeof schema !== 'object' || schema === null) return undefined
  for (const k of Object.keys(schema)) if (!NARROWING.has(k) && !k.startsWith('x-')) return undefined
  const type = schema.type
  const list = Array.isArray(type) ? type : type === undefined ? [] : [type]
  if (list.length === 2 && list.includes('null')) return 'nullable'
  if (list.length !== 1) return undefined
  const only = list[0] as string
  if (only === 'object') return isClosed(schema) ? 'object' : undefined
  if (only === 'array') return Array.isArray(schema.items) ? undefined : 'array'
  return only as FastType
}

function isClosed(schema: Schema): boolean {
  return schema.additionalProperties === false
}

function nonNull(schema: Schema): string {
  return (schema.type as string[]).find((t) => t !== 'null')!
}

export function generateEncoder(schema: JsonSchema): GeneratedEncoder {
  const g = new EncoderGen()
  const p = g.scope.name('p')
  const root = g.text(schema, p)
  if (g.hoisted.length === 0) {
    // A scalar, or nothing known about the shape (then the whole payload through JSON.stringify).
    return { source: _`(function (${p}) { try { return ${root.code}; } catch { return undefined; } })`.text }
  }
  const prelude = g.usesHasOwn ? [_`const hasOwn = Object.prototype.hasOwnProperty;`] : []
  return {
    source: _`(function () {
"use strict";
${join([...prelude, ...g.hoisted])}
return function (${p}) { try { return ${root.code}; } catch { return undefined; } };
})()`.text,
  }
}
