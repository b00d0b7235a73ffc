// What an SDK generator needs from an OpenWS document, and nothing else: one network, its host
// role (the server), and for each role that connects to it the messages it may send to the host
// and the messages the host may send to it. No server source is read.
import { HOST_MARK, type JsonSchema, type NetworkDoc, type NetworkIR, type OpenWsDocument } from '../runtime/ir/types'
import { validate } from '../runtime/spec/validate'

export interface SdkMessage {
  name: string
  description?: string
  payload: JsonSchema
  /** The reply schema: present, the message is a request answered with a `$reply` (request/reply). */
  reply?: JsonSchema
}

export interface SdkRole {
  name: string
  description?: string
  /** Messages of the host this role may send. */
  sends: SdkMessage[]
  /** Messages of this role the host may send to it. */
  receives: SdkMessage[]
}

export interface SdkModel {
  network: NetworkIR
  host: string
  roles: SdkRole[]
}

export interface ModelOptions {
  /** The network to generate for (default: the document's only network). */
  network?: string
  /** Generate for this connecting role only (default: every role that can connect). */
  role?: string
}

function senders(net: NetworkDoc, owner: string, from: string[] | undefined): string[] {
  return from ?? Object.keys(net.roles).filter((r) => r !== owner)
}

export function sdkModel(input: OpenWsDocument, options: ModelOptions = {}): SdkModel {
  const doc = validate(input)
  const names = Object.keys(doc.networks)
  const name = options.network ?? (names.length === 1 ? names[0] : undefined)
  if (name === undefined) throw new Error(`the document has ${names.length} networks (${names.join(', ')}): choose one with --network`)
  const net = Object.hasOwn(doc.networks, name) ? doc.networks[name] : undefined
  if (net === undefined) throw new Error(`no network "${name}" in the document (networks: ${names.join(', ')})`)
  const hostEntry = Object.entries(net.roles).find(([, role]) => role[HOST_MARK] === true)
  if (hostEntry === undefined) throw new Error(`network "${name}" has no host role (x-openws-host): an SDK connects to the host`)
  const [host, hostDoc] = hostEntry
  const remote = Object.entries(net.roles).filter(([r]) => r !== host)
  const chosen = options.role !== undefined ? remote.filter(([r]) => r === options.role) : remote
  if (chosen.length === 0 && options.role !== undefined) {
    throw new Error(`no role "${options.role}" can connect to "${host}" in network "${name}" (roles: ${remote.map(([r]) => r).join(', ')})`)
  }
  const message = ([m, doc]: [string, { payload: JsonSchema; description?: string; reply?: JsonSchema }]): SdkMessage => ({
    name: m,
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    payload: doc.payload,
    ...(doc.reply !== undefined ? { reply: doc.reply } : {}),
  })
  const roles: SdkRole[] = []
  for (const [role, roleDoc] of chosen) {
    roles.push({
      name: role,
      ...(roleDoc.description !== undefined ? { description: roleDoc.description } : {}),
      sends: Object.entries(hostDoc.messages)
        .filter(([, m]) => senders(net, host, m.from).includes(role))
        .map(message),
      receives: Object.entries(roleDoc.messages)
        .filter(([, m]) => senders(net, role, m.from).includes(host))
        .map(message),
    })
  }
  return { network: { name, ...net }, host, roles }
}

/** `join-room` -> `JoinRoom`, `chat` -> `Chat` (names match KEY_PATTERN: letters, digits, `_`, `-`). */
export function pascal(name: string): string {
  return name
    .split(/[-_]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

/** `joinRoom`/`join-room` -> `join_room`. */
export function snake(name: string): string {
  return name
    .replace(/-/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
}

/** Hands out names, suffixing `_2`, `_3`... on a collision (`join-room` and `joinRoom`). */
export class Names {
  private readonly taken = new Set<string>()
  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name)
  }
  take(base: string): string {
    let name = base
    for (let i = 2; this.taken.has(name); i++) name = `${base}_${i}`
    this.taken.add(name)
    return name
  }
}
