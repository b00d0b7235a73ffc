// assertNetwork(ir): the semantic checks the document schema cannot express. Used by
// spec.assertValid() and by every style's bindings(). Throws the first problem as an OpenWsError
// that names network, role and message and says what to change.
import { openwsError, type OpenWsErrorDetails } from '../openws-error'
import { HOST_MARK, type NetworkIR } from '../ir/types'
import { checkSupported } from '../validate/supported-subset'
import { describe, isPlainObject } from './fields'
import { assertName } from './names'

export interface AssertNetworkOptions {
  /** bindings() need exactly one role marked `x-openws-host: true`; a plain document does not. */
  requireHost: boolean
  /** Name used in messages when it differs from (or is missing in) `ir.name`. */
  networkName?: string
}

export function assertNetwork(ir: NetworkIR, opts: AssertNetworkOptions): void {
  if (!isPlainObject(ir)) throw openwsError('OPENWS_ERR_INVALID_SPEC', `a network must be an object, got ${describe(ir)}`)
  const network = opts.networkName ?? ir.name
  assertName('network', network, { network: String(network) })
  const roles = ir.roles
  if (!isPlainObject(roles) || Object.keys(roles).length === 0) {
    throw openwsError('OPENWS_ERR_INVALID_SPEC', 'the network has no roles; add at least one with .role(role(name))', { network })
  }
  const roleNames = Object.keys(roles)
  const hosts: string[] = []
  for (const roleName of roleNames) {
    const where = { network, role: roleName }
    assertName('role', roleName, where)
    const r = roles[roleName]
    if (!isPlainObject(r)) throw openwsError('OPENWS_ERR_INVALID_SPEC', `the role must be an object, got ${describe(r)}`, where)
    if (r[HOST_MARK] === true) hosts.push(roleName)
    const messages = r.messages
    if (!isPlainObject(messages)) {
      throw openwsError(
        'OPENWS_ERR_INVALID_SPEC',
        `"messages" must be an object of message name -> {payload, from?}, got ${describe(messages)}`,
        where,
      )
    }
    for (const messageName of Object.keys(messages)) {
      assertMessage(roleNames, network, roleName, messageName, messages[messageName])
    }
  }
  if (opts.requireHost && hosts.length !== 1) {
    throw openwsError(
      'OPENWS_ERR_NO_HOST_ROLE',
      hosts.length === 0
        ? `no role is marked as host; mark the role this process implements with .asHost() (or "${HOST_MARK}": true)`
        : `roles ${hosts.map((h) => `"${h}"`).join(', ')} are all marked as host; keep the mark on exactly one`,
      { network },
    )
  }
}

function assertMessage(roleNames: string[], network: string, role: string, message: string, msg: unknown): void {
  const where = { network, role, message }
  assertName('message', message, where)
  if (!isPlainObject(msg)) throw openwsError('OPENWS_ERR_INVALID_SPEC', `the message must be an object, got ${describe(msg)}`, where)
  if (msg.from !== undefined) {
    if (!Array.isArray(msg.from)) {
      throw openwsError('OPENWS_ERR_INVALID_SPEC', `"from" must be an array of role names, got ${describe(msg.from)}`, where)
    }
    for (const sender of msg.from) {
      if (typeof sender !== 'string' || !roleNames.includes(sender)) {
        throw openwsError(
          'OPENWS_ERR_UNKNOWN_FROM_ROLE',
          `"from" names ${describe(sender)}, which is not a role of this network (roles: ${roleNames.join(', ')}); add that role or fix the name`,
          where,
        )
      }
    }
  }
  if (!('payload' in msg)) {
    throw openwsError(
      'OPENWS_ERR_INVALID_SCHEMA',
      'the message has no payload; set one with .payload(schema) (true accepts anything)',
      where,
    )
  }
  assertSupported(msg.payload, 'payload', where)
  if (msg.reply !== undefined) assertSupported(msg.reply, 'reply', where)
}

/** The payload or reply schema uses only the supported subset, well-formed. */
function assertSupported(schema: unknown, field: 'payload' | 'reply', where: OpenWsErrorDetails): void {
  const first = checkSupported(schema as never)[0]
  if (first !== undefined) {
    const at = first.path === '' ? field : `${field}${first.path}`
    throw openwsError(
      first.kind === 'unsupported' ? 'OPENWS_ERR_UNSUPPORTED_KEYWORD' : 'OPENWS_ERR_INVALID_SCHEMA',
      first.kind === 'unsupported'
        ? `${at} uses "${first.keyword}", which openws does not support (${first.reason}); remove it or express the rule with supported keywords`
        : `${at} is not well-formed JSON Schema at "${first.keyword}": ${first.reason}`,
      { ...where, keyword: first.keyword },
    )
  }
}
