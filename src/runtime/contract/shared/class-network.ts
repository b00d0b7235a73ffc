// Class-first and decorator bindings: walk the role classes (and every class named in a `from`
// list), resolve classes to their configured role names, merge host handlers that share a
// message name, normalise, then route each allowed sender to a method that exists.
import { interpretArtifact } from '../../artifact/interpreted'
import { openwsError } from '../../openws-error'
import type { NetworkConfig } from '../class/types'
import type { BindingsCore, HandlerTarget } from '../types'
import type { MessageDraft, RoleDraft } from './draft'
import { allowedSenders, createCore, emptyRoutes } from './bindings-core'
import type { ClassMessage, ClassRole, RoleReader } from './class-role'
import { normalizeNetwork, payloadSchema } from './normalize'
import { isPlainObject } from './plain'
import { lowerFirst, safeName, show } from './show'

interface ReadRole {
  cls: Function
  role: ClassRole
  name: string
}

export function classBindings(config: NetworkConfig, read: RoleReader): BindingsCore {
  if (!isPlainObject(config)) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', `bindings() needs {name, description?, roles: [...], host?}, got ${show(config)}`)
  }
  const where = typeof config.name === 'string' ? { network: config.name } : {}
  if (!Array.isArray(config.roles) || config.roles.length === 0) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'bindings() needs "roles": a non-empty array of role classes', where)
  }
  const found = discoverRoles(config.roles, read, where)
  const roles = [...new Set(found.values())]
  const host = chooseHost(roles, found, config.host, where)
  const nameOf = (ref: unknown) => (typeof ref === 'function' ? found.get(ref)!.name : ref)
  const hostMethods = new Map<string, ClassMessage[]>()
  const drafts: RoleDraft[] = []
  for (const entry of roles) {
    const { cls, role, name } = entry
    const isHost = entry === host
    const messages = isHost
      ? mergeHandlers(role.messages, hostMethods, nameOf, { ...where, role: name })
      : role.messages.map((m) => draftOf(m, nameOf))
    drafts.push({
      name,
      host: isHost,
      description: role.description,
      version: role.version,
      endpoints: role.endpoints,
      messages,
      extra: role.extra,
      origin: `class ${safeName(cls) || '(anonymous)'}`,
    })
  }
  const { network, hostRole } = normalizeNetwork({
    name: config.name,
    description: config.description,
    roles: drafts,
    extra: extensions(config),
  })
  const hostClass = host.cls
  const routes = emptyRoutes(network, hostRole)
  for (const [messageName, entries] of hostMethods) {
    routeMessage(
      (routes[messageName] ??= Object.create(null) as Record<string, HandlerTarget>),
      entries,
      allowedSenders(network, hostRole, messageName),
      nameOf,
      {
        network: network.name,
        role: hostRole,
        message: messageName,
      },
    )
  }
  assertMethodsExist(hostClass, routes, network.name, hostRole)
  return createCore({
    network,
    hostRole,
    routes,
    hostClass: hostClass as new () => object,
    freezeRoutes: true,
    interpret: interpretArtifact,
  })
}

/**
 * The role this process implements: `host` when given (a role class or name); else the one role
 * whose class implements its messages (a subclass of a contract class, or a class with methods);
 * else the one role that declares handlers. A contract class holds no methods, so server and
 * client can share it and each implement their own role.
 */
function chooseHost(roles: ReadRole[], found: Map<Function, ReadRole>, host: unknown, where: { network?: string }): ReadRole {
  if (host !== undefined) {
    const entry = typeof host === 'function' ? found.get(host) : roles.find((r) => r.name === host)
    if (!entry) {
      throw openwsError(
        'OPENWS_ERR_INVALID_OPTION',
        `bindings() "host" must be one of the network's role classes or role names, got ${show(host)}`,
        where,
      )
    }
    return entry
  }
  const implemented = roles.filter((r) => r.role.implemented)
  if (implemented.length === 1 && implemented[0] !== undefined) return implemented[0]
  const pool = implemented.length > 1 ? implemented : roles
  const declared = pool.filter((r) => r.role.host)
  if (declared.length === 1 && declared[0] !== undefined) return declared[0]
  const found2 = (implemented.length > 1 ? implemented : declared).map((r) => JSON.stringify(r.name))
  throw openwsError(
    'OPENWS_ERR_NO_HOST_ROLE',
    `exactly one role must be the host: the role whose class implements its messages, or the one with handlers; found ${found2.length ? found2.join(', ') : 'none'}. Name it with bindings({ ..., host: TheRole })`,
    where,
  )
}

/**
 * Breadth-first from the listed roles through every `from` list, so sender-only classes join.
 * A class and a subclass of it playing the same role (a contract class and its implementation)
 * are one role, represented by the subclass.
 */
function discoverRoles(roots: readonly unknown[], read: RoleReader, where: { network?: string }): Map<Function, ReadRole> {
  const found = new Map<Function, ReadRole>()
  const queue: Array<{ cls: unknown; via: string }> = roots.map((cls, i) => ({ cls, via: `roles[${i}]` }))
  while (queue.length > 0) {
    const { cls, via } = queue.shift()!
    if (typeof cls !== 'function') {
      const code = via.startsWith('roles[') ? 'OPENWS_ERR_INVALID_OPTION' : 'OPENWS_ERR_UNKNOWN_FROM_ROLE'
      throw openwsError(code, `${via} must be a role class, got ${show(cls)}`, where)
    }
    if (found.has(cls)) continue
    const role = read(cls)
    if (!role) {
      const code = via.startsWith('roles[') ? 'OPENWS_ERR_INVALID_OPTION' : 'OPENWS_ERR_UNKNOWN_FROM_ROLE'
      throw openwsError(code, `${via} is ${show(cls)}, which is not a role: give it a static CONFIG or the @role decorator`, where)
    }
    const name = (role.name !== undefined ? role.name : lowerFirst(safeName(role.declaredBy ?? cls))) as string
    const related = [...found.values()].find((r) => r.name === name && (extendsClass(cls, r.cls) || extendsClass(r.cls, cls)))
    if (related) {
      if (extendsClass(cls, related.cls)) Object.assign(related, { cls, role })
      found.set(cls, related)
    } else {
      found.set(cls, { cls, role, name })
    }
    for (const message of role.messages) {
      for (const ref of message.from ?? []) {
        if (typeof ref !== 'string') queue.push({ cls: ref, via: `"from" of message ${show(message.name)} in ${show(cls)}` })
      }
    }
  }
  return found
}

/** `sub` is `base` or a subclass of it. */
function extendsClass(sub: Function, base: Function): boolean {
  for (let c: unknown = sub; typeof c === 'function'; c = Object.getPrototypeOf(c)) if (c === base) return true
  return false
}

function draftOf(message: ClassMessage, nameOf: (ref: unknown) => unknown): MessageDraft {
  return {
    name: message.name,
    payload: message.payload,
    reply: message.reply,
    description: message.description,
    from: message.from?.map(nameOf),
    extra: message.extra,
  }
}

/**
 * Several host methods may handle one message for different senders (decorators' `name:`).
 * The spec keeps one message: the same payload is required, `from` lists are merged.
 */
function mergeHandlers(
  entries: ClassMessage[],
  byName: Map<string, ClassMessage[]>,
  nameOf: (ref: unknown) => unknown,
  where: { network?: string; role: string },
): MessageDraft[] {
  const drafts = new Map<unknown, MessageDraft>()
  for (const entry of entries) {
    const draft = draftOf(entry, nameOf)
    const first = drafts.get(entry.name)
    if (!first) {
      drafts.set(entry.name, draft)
      if (typeof entry.name === 'string') byName.set(entry.name, [entry])
      continue
    }
    const name = entry.name as string
    const others = byName.get(name)!
    const at = { ...where, message: name }
    if (stableJson(payloadSchema(first.payload, at)) !== stableJson(payloadSchema(draft.payload, at))) {
      throw openwsError(
        'OPENWS_ERR_DUPLICATE_MESSAGE',
        `methods ${others.map((o) => o.method).join(', ')} and ${entry.method} handle this message with different payloads; one message has one payload schema, so make them identical or use different message names`,
        at,
      )
    }
    const replyOf = (d: MessageDraft) => (d.reply === undefined ? '' : stableJson(payloadSchema(d.reply, at, 'reply')))
    if (replyOf(first) !== replyOf(draft)) {
      throw openwsError(
        'OPENWS_ERR_DUPLICATE_MESSAGE',
        `methods ${others.map((o) => o.method).join(', ')} and ${entry.method} handle this message with different reply schemas; one message has one reply`,
        at,
      )
    }
    first.description ??= draft.description
    first.from = first.from && draft.from ? [...first.from, ...draft.from] : undefined
    others.push(entry)
  }
  return [...drafts.values()]
}

function routeMessage(
  table: Record<string, HandlerTarget>,
  entries: ClassMessage[],
  senders: string[],
  nameOf: (ref: unknown) => unknown,
  where: { network: string; role: string; message: string },
): void {
  let fallback: ClassMessage | undefined
  for (const entry of entries) {
    if (!entry.from) {
      if (fallback) throw duplicate(where, fallback.method, entry.method, 'any sender')
      fallback = entry
      continue
    }
    for (const sender of entry.from.map(nameOf) as string[]) {
      const before = table[sender]
      if (before !== undefined && before !== entry.method) throw duplicate(where, before as string, entry.method, `role "${sender}"`)
      table[sender] = entry.method
    }
  }
  if (fallback) for (const sender of senders) table[sender] ??= fallback.method
}

function duplicate(where: { network: string; role: string; message: string }, a: string, b: string, who: string) {
  return openwsError('OPENWS_ERR_DUPLICATE_MESSAGE', `methods ${a} and ${b} both handle this message from ${who}; keep one`, where)
}

function assertMethodsExist(
  hostClass: Function,
  routes: Record<string, Record<string, HandlerTarget>>,
  network: string,
  role: string,
): void {
  const proto = (hostClass as { prototype?: Record<string, unknown> }).prototype
  for (const [message, bySender] of Object.entries(routes)) {
    for (const method of new Set(Object.values(bySender))) {
      if (typeof method === 'string' && typeof proto?.[method] !== 'function') {
        throw openwsError(
          'OPENWS_ERR_MISSING_HANDLER',
          `class ${safeName(hostClass)} has no method "${method}": add \`async ${method}(payload, api) { ... }\` to handle it`,
          { network, role, message },
        )
      }
    }
  }
}

function extensions(config: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(config)) if (key.startsWith('x-')) out[key] = (config as Record<string, unknown>)[key]
  return out
}

/** JSON with sorted keys, so two equal schemas compare equal whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}
