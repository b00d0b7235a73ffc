// Safe pieces of generated JavaScript: data is always JSON-escaped (U+2028/2029 too), so a
// name or schema value from the user can never become code.

/** A JavaScript literal for a JSON value (strings, numbers, booleans, null). */
export function lit(value: string | number | boolean | null): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot emit non-finite number ${value}`)
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/**
 * A large JSON value as `JSON.parse("...")`: no object-literal semantics (a "__proto__" key stays
 * data), and V8 parses JSON faster than the equivalent literal at start-up.
 */
export function jsonValue(value: unknown): string {
  return `JSON.parse(${lit(JSON.stringify(value))})`
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** An identifier we generate; throws on anything else (never user data). */
export function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not an identifier: ${name}`)
  return name
}
