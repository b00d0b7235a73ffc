// A small safe code builder in ajv's style. Generated JavaScript is assembled only from `Code`
// pieces; anything else interpolated into the `_` template is data and is JSON-stringified (with
// U+2028/U+2029 escaped), so no string from a schema or payload can ever become code.

export class Code {
  /** Only this module creates Code from raw text; everything else goes through `_`. */
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const RESERVED = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'let',
  'static',
  'enum',
  'await',
  'implements',
  'package',
  'protected',
  'interface',
  'private',
  'public',
  'arguments',
  'eval',
  'undefined',
  'NaN',
  'Infinity',
])

/** A checked identifier. */
export class Name extends Code {
  constructor(text: string) {
    if (!IDENTIFIER.test(text) || RESERVED.has(text)) throw new TypeError(`not a safe identifier: ${JSON.stringify(text)}`)
    super(text)
  }
}

/** JSON text of a data value, safe inside JavaScript source (U+2028/U+2029 escaped). */
export function safeStringify(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number in generated code')
  if (typeof value === 'number' && Object.is(value, -0)) return '-0'
  const json = JSON.stringify(value)
  if (json === undefined) throw new TypeError(`cannot embed a ${typeof value} in generated code`)
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** Tagged template: `Code` pieces are pasted, every other value is embedded as data. */
export function _(strings: TemplateStringsArray, ...values: unknown[]): Code {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    out += (v instanceof Code ? v.text : safeStringify(v)) + strings[i + 1]!
  }
  return new Code(out)
}

/**
 * A large JSON value as `JSON.parse("...")`: no object-literal semantics (a "__proto__" key stays
 * data), and V8 parses JSON faster than the equivalent literal at start-up.
 */
export function jsonValue(value: unknown): Code {
  return _`JSON.parse(${JSON.stringify(value)})`
}

/** Joins code pieces with a code separator. */
export function join(parts: readonly Code[], separator: Code = _`\n`): Code {
  return new Code(parts.map((p) => p.text).join(separator.text))
}

/** Hands out unique names per prefix. */
export class Scope {
  private readonly counters = new Map<string, number>()
  name(prefix: string): Name {
    const n = this.counters.get(prefix) ?? 0
    this.counters.set(prefix, n + 1)
    return new Name(`${prefix}${n}`)
  }
}

export const nil = new Code('')
