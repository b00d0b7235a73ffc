// Safe pieces of Python source: data becomes literals through JSON escaping (a JSON string is a
// valid Python string literal with the same meaning), names are checked identifiers.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
export const PYTHON_KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
])

/** A Python string literal holding `text`. */
export function pyStr(text: string): string {
  return JSON.stringify(text)
}

/** A Python literal for a JSON scalar; undefined for objects and arrays. */
export function pyScalar(value: unknown): string | undefined {
  if (value === null) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'string') return pyStr(value)
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value)
  return undefined
}

/** `text` if it is a plain Python identifier and no keyword; throws otherwise. */
export function pyName(text: string): string {
  if (!IDENTIFIER.test(text) || PYTHON_KEYWORDS.has(text)) throw new TypeError(`not a safe Python identifier: ${JSON.stringify(text)}`)
  return text
}

/** A name usable as a Python identifier: keywords get a trailing `_`. */
export function unkeyword(text: string): string {
  return PYTHON_KEYWORDS.has(text) ? `${text}_` : text
}
