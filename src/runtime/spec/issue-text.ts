// Turns a validation issue inside an OpenWS document into a sentence that names the network,
// role and message, e.g. `network "chat", role "server": endpoints[0].port must be <= 65535`.
import { KEY_PATTERN } from '../ir/types'
import type { Issue } from '../validate/types'

export interface SpecIssue extends Issue {
  /** The issue as a sentence, prefixed with where it is. */
  message: string
  /** The network, role and message the issue is in (as far as the path reaches). */
  where: { network?: string; role?: string; message?: string }
}

/** RFC 6901: '' is the root; '~1' is '/', '~0' is '~'. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : []
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

const LEVELS = [
  ['networks', 'network'],
  ['roles', 'role'],
  ['messages', 'message'],
] as const

/** Splits a document path into the named network/role/message and the rest inside them. */
export function locate(segments: string[]): { where: SpecIssue['where']; rest: string[]; mapOf?: 'network' | 'role' | 'message' } {
  const where: SpecIssue['where'] = {}
  let i = 0
  for (const [container, kind] of LEVELS) {
    if (segments[i] !== container) break
    if (i + 1 >= segments.length) return { where, rest: segments.slice(i), mapOf: undefined }
    where[kind] = segments[i + 1]
    i += 2
    if (i === segments.length) return { where, rest: [], mapOf: kind }
  }
  return { where, rest: segments.slice(i) }
}

/** `endpoints[0].port` style; '' for the level itself. */
export function fieldPath(rest: string[]): string {
  let out = ''
  for (const seg of rest) out += /^\d+$/.test(seg) ? `[${seg}]` : out === '' ? seg : `.${seg}`
  return out
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map(show).join(' or ')
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function received(issue: Issue): string {
  return issue.received === undefined ? '' : ` (got ${show(issue.received)})`
}

/** The sentence for one issue, without the location prefix. */
function phrase(issue: Issue, field: string, mapOf: string | undefined, key: string | undefined): string {
  const subject = field === '' ? 'this entry' : field
  switch (issue.code) {
    case 'type':
      return `${subject} must be ${show(issue.expected)}${received(issue)}`
    case 'required': {
      const missing = typeof issue.expected === 'string' ? issue.expected : undefined
      const name = missing === undefined ? subject : field === '' ? missing : `${field}.${missing}`
      return `${name} is required`
    }
    case 'minimum':
      return `${subject} must be >= ${show(issue.expected)}${received(issue)}`
    case 'maximum':
      return `${subject} must be <= ${show(issue.expected)}${received(issue)}`
    case 'enum':
      return `${subject} must be one of ${(Array.isArray(issue.expected) ? issue.expected : [issue.expected]).map((v) => JSON.stringify(v)).join(', ')}${received(issue)}`
    case 'pattern':
      return `${subject} must match ${show(issue.expected)}${received(issue)}`
    case 'minProperties':
      return `${subject} must have at least ${show(issue.expected)} entr${issue.expected === 1 ? 'y' : 'ies'}`
    case 'additionalProperties':
    case 'propertyNames':
      if (mapOf === 'message' && key?.startsWith('$')) {
        return 'message names starting with "$" are reserved for protocol messages such as $error; rename it'
      }
      return mapOf
        ? `${mapOf} name is invalid: use a letter first, then letters, digits, "_" or "-", not ending in "_" or "-" (${KEY_PATTERN})`
        : `${subject} is not allowed here`
    default:
      return `${subject} fails "${issue.code}" (expected ${show(issue.expected)})${received(issue)}`
  }
}

export function describeIssue(issue: Issue): SpecIssue {
  const segments = pointerSegments(issue.path)
  const { where, rest, mapOf } = locate(segments)
  // A bad key under networks/roles/messages: say which kind of name is wrong.
  const keyKind = issue.code === 'additionalProperties' || issue.code === 'propertyNames' ? mapOf : undefined
  const text = phrase(issue, fieldPath(rest), keyKind, keyKind ? where[keyKind] : undefined)
  const prefix = [
    where.network !== undefined ? `network ${JSON.stringify(where.network)}` : '',
    where.role !== undefined ? `role ${JSON.stringify(where.role)}` : '',
    where.message !== undefined ? `message ${JSON.stringify(where.message)}` : '',
  ]
    .filter(Boolean)
    .join(', ')
  return { ...issue, where, message: prefix ? `${prefix}: ${text}` : text }
}
