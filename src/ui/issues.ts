// Validation issues ({path, code, expected, received}: the runtime's Issue) as short sentences.
// The same text serves the page's own checks and the issues of a server's `$error` frame.
import { h } from './dom'

export interface IssueLike {
  path?: unknown
  code?: unknown
  expected?: unknown
  received?: unknown
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))

export function issueText(issue: IssueLike): string {
  const where = typeof issue.path === 'string' && issue.path !== '' ? issue.path : '(payload)'
  const got = issue.received === undefined ? '' : `, got ${show(issue.received)}`
  const e = show(issue.expected)
  switch (issue.code) {
    case 'required':
      return `${where}: required`
    case 'additionalProperties':
      return `${where}: not allowed (no such field)`
    case 'type':
      return `${where}: expected ${e}${got}`
    case 'enum':
      return `${where}: must be one of ${e}${got}`
    case 'const':
      return `${where}: must be ${e}`
    case 'false':
      return `${where}: no value allowed`
    case 'minimum':
      return `${where}: must be ≥ ${e}${got}`
    case 'maximum':
      return `${where}: must be ≤ ${e}${got}`
    case 'exclusiveMinimum':
      return `${where}: must be > ${e}${got}`
    case 'exclusiveMaximum':
      return `${where}: must be < ${e}${got}`
    case 'multipleOf':
      return `${where}: must be a multiple of ${e}${got}`
    case 'minLength':
      return `${where}: at least ${e} characters${got}`
    case 'maxLength':
      return `${where}: at most ${e} characters${got}`
    case 'minItems':
      return `${where}: at least ${e} items${got}`
    case 'maxItems':
      return `${where}: at most ${e} items${got}`
    case 'minProperties':
      return `${where}: at least ${e} keys${got}`
    case 'maxProperties':
      return `${where}: at most ${e} keys${got}`
    case 'uniqueItems':
      return `${where}: items must be unique (item ${show(issue.received)} repeats one)`
    case 'pattern':
      return `${where}: must match /${String(issue.expected)}/`
    case 'format':
      return `${where}: must be a valid ${e}`
    case 'anyOf':
      return `${where}: matches none of the alternatives`
    case 'oneOf':
      return `${where}: must match exactly one alternative${got === '' ? '' : ` (matched ${show(issue.received)})`}`
    case 'not':
      return `${where}: must not match the "not" schema`
    case 'depth':
      return `${where}: nested deeper than ${e} levels`
    default:
      return `${where}: ${String(issue.code)}${issue.expected === undefined ? '' : ` ${e}`}${got}`
  }
}

export function issueList(issues: readonly IssueLike[], className = 'issues'): HTMLUListElement {
  return h(
    'ul',
    { class: className },
    issues.map((i) => h('li', { 'data-code': String(i.code) }, issueText(i))),
  )
}
