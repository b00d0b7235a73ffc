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
  switch (issue.code) {
    case 'required': return `${where}: required`
    case 'additionalProperties': return `${where}: not allowed (no such field)`
    case 'type': return `${where}: expected ${show(issue.expected)}${got}`
    case 'enum': return `${where}: must be one of ${show(issue.expected)}${got}`
    case 'const': return `${where}: must be ${show(issue.expected)}`
    case 'false': return `${where}: no value allowed`
    default:
      return `${where}: ${String(issue.code)}${issue.expected === undefined ? '' : ` ${show(issue.expected)}`}${got}`
  }
}

export function issueList(issues: readonly IssueLike[], className = 'issues'): HTMLUListElement {
  return h('ul', { class: className }, issues.map((i) => h('li', { 'data-code': String(i.code) }, issueText(i))))
}
