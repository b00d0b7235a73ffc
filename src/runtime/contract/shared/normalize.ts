// Drafts -> NetworkIR: the one place where every authoring style becomes the same plain-JSON
// network. Checks names, duplicates, host count, `from` references, endpoints and payloads,
// then hands the result to the spec's semantic checks (assertNetwork) and freezes it.
import { isErrorCode, isOpenWsError, openwsError, type ErrorCode, type OpenWsErrorDetails } from '../../openws-error'
import { HOST_MARK, type EndpointDoc, type JsonSchema, type MessageDoc, type NetworkIR, type RoleDoc } from '../../ir/types'
import { toJsonSchema } from '../../schema/index'
import { assertNetwork } from '../../spec/index'
import { assertName, type NameKind } from '../../spec/names'
import type { MessageDraft, NetworkDraft, RoleDraft } from './draft'
import { copyJsonData, deepFreeze, setData } from './plain'
import { show } from './show'

export interface NormalizedNetwork {
  network: NetworkIR
  hostRole: string
}

export function normalizeNetwork(draft: NetworkDraft): NormalizedNetwork {
  const netName = checkName('network', draft.name, {})
  const where = { network: netName }
  const roleNames = collectRoleNames(draft.roles, netName)
  const hosts = draft.roles.filter((r) => r.host)
  const host = hosts[0]
  if (host === undefined || hosts.length !== 1) {
    const found = hosts.length === 0 ? 'none' : hosts.map((r) => JSON.stringify(r.name)).join(', ')
    throw openwsError(
      'OPENWS_ERR_NO_HOST_ROLE',
      `exactly one role must be the host (the role with handlers, or marked ${HOST_MARK}); found ${found}`,
      where,
    )
  }
  const network: NetworkIR = { name: netName, roles: {} }
  if (draft.description !== undefined) network.description = checkText('description', draft.description, where)
  copyExtra(network, draft.extra, where)
  for (const role of draft.roles) setData(network.roles, role.name as string, roleDoc(role, roleNames, netName))
  assertNetwork(network, { requireHost: true })
  return { network: deepFreeze(network), hostRole: host.name as string }
}

function collectRoleNames(roles: RoleDraft[], network: string): Set<string> {
  const names = new Map<string, RoleDraft>()
  for (const role of roles) {
    const name = checkName('role', role.name, { network })
    const before = names.get(name)
    if (before) {
      const origins = [before.origin, role.origin].filter(Boolean).join(' and ')
      throw openwsError(
        'OPENWS_ERR_DUPLICATE_ROLE',
        `two roles are named ${JSON.stringify(name)}${origins ? ` (${origins})` : ''}; give one of them another name`,
        { network, role: name },
      )
    }
    names.set(name, role)
  }
  return new Set(names.keys())
}

function roleDoc(draft: RoleDraft, roleNames: Set<string>, network: string): RoleDoc {
  const role = draft.name as string
  const where = { network, role }
  const doc: RoleDoc = { messages: {} }
  if (draft.description !== undefined) doc.description = checkText('description', draft.description, where)
  if (draft.version !== undefined) doc.version = checkText('version', draft.version, where)
  if (draft.endpoints !== undefined) doc.endpoints = endpointDocs(draft.endpoints, where)
  for (const message of draft.messages) {
    const name = checkName('message', message.name, where)
    if (Object.prototype.hasOwnProperty.call(doc.messages, name)) {
      throw openwsError('OPENWS_ERR_DUPLICATE_MESSAGE', `message ${JSON.stringify(name)} is declared twice`, {
        ...where,
        message: name,
      })
    }
    setData(doc.messages, name, messageDoc(message, name, roleNames, where))
  }
  copyExtra(doc, draft.extra, where)
  delete doc[HOST_MARK]
  if (draft.host) doc[HOST_MARK] = true
  return doc
}

function messageDoc(draft: MessageDraft, name: string, roleNames: Set<string>, roleWhere: OpenWsErrorDetails): MessageDoc {
  const where = { ...roleWhere, message: name }
  const doc: MessageDoc = { payload: payloadSchema(draft.payload, where) }
  if (draft.description !== undefined) doc.description = checkText('description', draft.description, where)
  if (draft.from !== undefined) doc.from = fromNames(draft.from, roleNames, where)
  if (draft.reply !== undefined) doc.reply = payloadSchema(draft.reply, where, 'reply')
  copyExtra(doc, draft.extra, where)
  return doc
}

function fromNames(from: readonly unknown[], roleNames: Set<string>, where: OpenWsErrorDetails): string[] {
  if (!Array.isArray(from)) throw openwsError('OPENWS_ERR_UNKNOWN_FROM_ROLE', `"from" must be a list of roles, got ${show(from)}`, where)
  const out: string[] = []
  for (const entry of from) {
    if (typeof entry !== 'string' || !roleNames.has(entry)) {
      throw openwsError(
        'OPENWS_ERR_UNKNOWN_FROM_ROLE',
        `"from" names ${show(entry)}, which is not a role of the network (roles: ${[...roleNames].join(', ')})`,
        where,
      )
    }
    if (entry === where.role) {
      throw openwsError('OPENWS_ERR_UNKNOWN_FROM_ROLE', `"from" names the role that owns the message; a role cannot send to itself`, where)
    }
    if (!out.includes(entry)) out.push(entry)
  }
  return out
}

export function payloadSchema(payload: unknown, where: OpenWsErrorDetails, field: 'payload' | 'reply' = 'payload'): JsonSchema {
  if (payload === undefined) {
    throw openwsError('OPENWS_ERR_INVALID_SCHEMA', 'the message has no payload: give it an S builder or a JSON Schema', where)
  }
  try {
    return toJsonSchema(payload as never) as JsonSchema
  } catch (error) {
    const code = errorCodeOf(error)
    const text = error instanceof Error ? error.message : String(error)
    throw openwsError(code, `invalid ${field}: ${text}`, { ...where, cause: error })
  }
}

function errorCodeOf(error: unknown): ErrorCode {
  if (isOpenWsError(error)) return error.code
  const code = (error as { code?: unknown } | null)?.code
  return isErrorCode(code) ? code : 'OPENWS_ERR_INVALID_SCHEMA'
}

function endpointDocs(value: unknown, where: OpenWsErrorDetails): EndpointDoc[] {
  if (!Array.isArray(value)) throw openwsError('OPENWS_ERR_INVALID_OPTION', `endpoints must be an array, got ${show(value)}`, where)
  return value.map((item) => endpointDoc(item, where))
}

/** Accepts an endpoint builder (its valueOf() is the document) or a plain endpoint object. */
function endpointDoc(item: unknown, where: OpenWsErrorDetails): EndpointDoc {
  const raw =
    typeof item === 'object' && item !== null && (item as { kind?: unknown }).kind === 'openws.endpoint'
      ? (item as { valueOf(): unknown }).valueOf()
      : item
  const doc = copyJsonData(raw, 'an endpoint', where) as EndpointDoc
  const bad = (what: string) => openwsError('OPENWS_ERR_INVALID_OPTION', `endpoint ${what}`, where)
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw bad(`must be {scheme?, host, port, path}, got ${show(raw)}`)
  if (doc.scheme !== undefined && typeof doc.scheme !== 'string') throw bad('scheme must be a string')
  if (typeof doc.host !== 'string' || doc.host === '') throw bad('host must be a non-empty string')
  if (!Number.isInteger(doc.port) || doc.port < 1 || doc.port > 65535) throw bad(`port must be an integer 1..65535, got ${show(doc.port)}`)
  if (typeof doc.path !== 'string') throw bad('path must be a string')
  return doc
}

function copyExtra(target: Record<string, unknown>, extra: Record<string, unknown> | undefined, where: OpenWsErrorDetails): void {
  if (!extra) return
  for (const key of Object.keys(extra)) {
    if (Object.prototype.hasOwnProperty.call(target, key)) continue
    setData(target, key, copyJsonData(extra[key], `field ${JSON.stringify(key)}`, where))
  }
}

/** The spec's own name rules (key pattern, reserved "$"), so every style reports names identically. */
function checkName(kind: NameKind, name: unknown, where: OpenWsErrorDetails): string {
  assertName(kind, name, where)
  return name
}

function checkText(field: string, value: unknown, where: OpenWsErrorDetails): string {
  if (typeof value !== 'string') throw openwsError('OPENWS_ERR_INVALID_OPTION', `${field} must be a string, got ${show(value)}`, where)
  return value
}
