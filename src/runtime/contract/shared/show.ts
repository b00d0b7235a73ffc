// Short, safe descriptions of user values for definition-error messages.

/** Never prints a whole value: classes by name, strings truncated, objects by kind. */
export function show(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (typeof value === 'function') {
    const name = safeName(value)
    return name ? `class ${name}` : 'an anonymous function'
  }
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'symbol') return 'a symbol'
  return String(value)
}

/** `fn.name` without trusting it: a static `name` member may be anything. */
export function safeName(fn: unknown): string {
  try {
    const name = (fn as { name?: unknown }).name
    return typeof name === 'string' ? name : ''
  } catch {
    return ''
  }
}

/** "Client" -> "client": the default role name for a class. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1)
}
