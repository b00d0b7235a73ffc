// Generates a JSON encoder for payloads of one schema: the outbound half of the compiled message
// path. It follows the schema's encode plan (../validate/encode-plan.ts, shared with the
// interpreter, so both paths write the same bytes): where the validator proved the shape, the JSON
// text is one concatenation with the keys as constant text; everything else goes through
// JSON.stringify. Frame head plus this text costs about two thirds of one JSON.stringify of the
// whole envelope (bench/dispatch counts the bytes written).
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
import { type EncodeMember, type EncodePlan, isCertain, isTotal, planEncoder } from '../validate/encode-plan'
import { type Code, type Name, Scope, _, join } from './code'

export interface GeneratedEncoder {
  /** Source of an expression evaluating to `(payload) => string | undefined`. */
  source: string
}

class EncoderGen {
  readonly scope = new Scope()
  readonly hoisted: Code[] = []
  usesHasOwn = false

  /** The JSON text of `x` (a name); may be undefined only for a `json` plan. */
  text(plan: EncodePlan, x: Code): Code {
    switch (plan.kind) {
      case 'string':
        return _`JSON.stringify(${x})`
      case 'number':
        return _`("" + ${x})`
      case 'boolean':
        return _`(${x} ? "true" : "false")`
      case 'null':
        return _`"null"`
      case 'nullable':
        return _`(${x} === null ? "null" : ${this.text(plan.inner, x)})`
      case 'object':
        return _`${this.object(plan.members)}(${x})`
      case 'array':
        return _`${this.array(plan.item)}(${x})`
      case 'json':
        return _`JSON.stringify(${x})`
    }
  }

  private object(plan: readonly EncodeMember[]): Name {
    const fn = this.scope.name('o')
    const x = this.scope.name('x')
    const members = plan.map((m) => {
      const t = this.scope.name('t')
      return { ...m, t, value: this.text(m.plan, t) }
    })
    if (members.every(isCertain)) {
      // Every property is written: read them all, then one concatenation (~6% faster than appending).
      const body =
        members.length === 0
          ? _`return "{}";`
          : _`const ${join(
              members.map((m) => _`${m.t} = ${x}[${m.key}]`),
              _`, `,
            )}; return ${join(
              members.map((m, i) => _`${(i === 0 ? '{' : ',') + m.label} + ${m.value}`),
              _` + `,
            )} + "}";`
      this.hoisted.push(_`function ${fn}(${x}) { ${body} }`)
      return fn
    }
    const s = this.scope.name('s')
    const body: Code[] = [_`let ${s} = "{";`]
    // A property's comma is static once one before it was certainly written, or when none before
    // it could have been; otherwise it depends on what was.
    let started = false
    let maybeWritten = false
    for (const m of members) {
      const { key, t, value, label } = m
      const lead = started ? _`${',' + label}` : !maybeWritten ? _`${label}` : _`(${s}.length === 1 ? ${label} : ${',' + label})`
      const read = _`const ${t} = ${x}[${key}];`
      if (isCertain(m)) {
        body.push(_`{ ${read} ${s} += ${lead} + ${value}; }`)
        started = true
        continue
      }
      maybeWritten = true
      if (!m.required) this.usesHasOwn = true
      if (isTotal(m.plan)) {
        // Optional: own and defined (the validator rejects an own undefined under a typed schema).
        body.push(_`{ ${read} if (${t} !== undefined && hasOwn.call(${x}, ${key})) ${s} += ${lead} + ${value}; }`)
        continue
      }
      // Any value: JSON.stringify leaves out what it cannot write (undefined, functions), as here.
      const j = this.scope.name('j')
      const own = m.required ? _`` : _` && hasOwn.call(${x}, ${key})`
      body.push(_`{ ${read} const ${j} = ${value}; if (${j} !== undefined${own}) ${s} += ${lead} + ${j}; }`)
    }
    this.hoisted.push(_`function ${fn}(${x}) { ${join(body, _` `)} return ${s} + "}"; }`)
    return fn
  }

  private array(plan: EncodePlan): Name {
    const fn = this.scope.name('a')
    const x = this.scope.name('x')
    const s = this.scope.name('s')
    const i = this.scope.name('i')
    const t = this.scope.name('t')
    const item = this.text(plan, t)
    const one = isTotal(plan) ? item : _`(${item} ?? "null")`
    this.hoisted.push(
      _`function ${fn}(${x}) { const n = ${x}.length; if (n === 0) return "[]"; let ${t} = ${x}[0]; let ${s} = "[" + ${one}; for (let ${i} = 1; ${i} < n; ${i}++) { ${t} = ${x}[${i}]; ${s} += "," + ${one}; } return ${s} + "]"; }`,
    )
    return fn
  }
}

export function generateEncoder(schema: JsonSchema): GeneratedEncoder {
  return { source: encoderCode(schema).text }
}

/** generateEncoder as a Code piece, for other generators to paste (see ./artifact.ts). */
export function encoderCode(schema: JsonSchema): Code {
  const g = new EncoderGen()
  const p = g.scope.name('p')
  const root = g.text(planEncoder(schema), p)
  if (g.hoisted.length === 0) {
    // A scalar, or nothing known about the shape (then the whole payload through JSON.stringify).
    return _`(function (${p}) { try { return ${root}; } catch { return undefined; } })`
  }
  const prelude = g.usesHasOwn ? [_`const hasOwn = Object.prototype.hasOwnProperty;`] : []
  return _`(function () {
"use strict";
${join([...prelude, ...g.hoisted])}
return function (${p}) { try { return ${root}; } catch { return undefined; } };
})()`
}
