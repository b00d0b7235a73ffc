// A fluent network (builder or plain NetworkIR) -> the shared draft, keeping unknown fields.
import { openwsError } from '../../openws-error'
import { HOST_MARK, type NetworkIR } from '../../ir/types'
import type { MessageDraft, NetworkDraft, RoleDraft } from '../shared/draft'
import { isPlainObject } from '../shared/plain'
import { show } from '../shared/show'

const NETWORK_FIELDS = ['name', 'description', 'roles']
const ROLE_FIELDS = ['description', 'version', 'endpoints', 'messages', HOST_MARK]
const MESSAGE_FIELDS = ['payload', 'reply', 'description', 'from']

/** A network builder's IR (`valueOf()`), or the plain IR itself. */
export function networkIR(input: unknown): NetworkIR {
  if (typeof input === 'object' && input !== null && (input as { kind?: unknown }).kind === 'openws.network') {
    return (input as { valueOf(): NetworkIR }).valueOf()
  }
  if (!isPlainObject(input)) {
    throw openwsError('OPENWS_ERR_INVALID_SPEC', `bindings() takes network(name)... or a NetworkIR, got ${show(input)}`)
  }
  return input as NetworkIR
}

export function draftFromIR(ir: NetworkIR): NetworkDraft {
  const network = typeof ir.name === 'string' ? ir.name : undefined
  if (!isPlainObject(ir.roles)) {
    throw openwsError('OPENWS_ERR_INVALID_SPEC', `"roles" must be an object of role name -> role, got ${show(ir.roles)}`, { network })
  }
  const roles: RoleDraft[] = []
  for (const name of Object.keys(ir.roles)) {
    const doc = ir.roles[name] as unknown
    const where = { network, role: name }
    if (!isPlainObject(doc)) throw openwsError('OPENWS_ERR_INVALID_SPEC', `the role must be an object, got ${show(doc)}`, where)
    if (!isPlainObject(doc.messages)) {
      throw openwsError(
        'OPENWS_ERR_INVALID_SPEC',
        `"messages" must be an object of message name -> message, got ${show(doc.messages)}`,
        where,
      )
    }
    const messages: MessageDraft[] = []
    for (const key of Object.keys(doc.messages)) {
      const msg = doc.messages[key] as unknown
      if (!isPlainObject(msg)) {
        throw openwsError('OPENWS_ERR_INVALID_SPEC', `the message must be an object, got ${show(msg)}`, { ...where, message: key })
      }
      if (msg.from !== undefined && !Array.isArray(msg.from)) {
        throw openwsError('OPENWS_ERR_INVALID_SPEC', `"from" must be an array of role names, got ${show(msg.from)}`, {
          ...where,
          message: key,
        })
      }
      messages.push({
        name: key,
        payload: msg.payload,
        reply: msg.reply,
        description: msg.description,
        from: msg.from as unknown[] | undefined,
        extra: rest(msg, MESSAGE_FIELDS),
      })
    }
    roles.push({
      name,
      host: doc[HOST_MARK] === true,
      description: doc.description,
      version: doc.version,
      endpoints: doc.endpoints,
      messages,
      extra: rest(doc, ROLE_FIELDS),
      origin: `role(${JSON.stringify(name)})`,
    })
  }
  return { name: ir.name, description: ir.description, roles, extra: rest(ir, NETWORK_FIELDS) }
}

function rest(obj: Record<string, unknown>, known: string[]): Record<string, unknown> | undefined {
  const keys = Object.keys(obj).filter((k) => !known.includes(k))
  if (keys.length === 0) return undefined
  const out: Record<string, unknown> = {}
  for (const key of keys) Object.defineProperty(out, key, { value: obj[key], enumerable: true, writable: true, configurable: true })
  return out
}
