// toAsyncApi(doc): an AsyncAPI 3.1.0 view of an OpenWS document, as the adapters serve it.
//
// - Servers: the host role's endpoints (`pathname` = the endpoint's base path). Without a host
//   mark, every role's endpoints.
// - Channels: one per connecting role (`{network}.{role}`), because the adapters route each remote
//   role to `{path}/{role}`: the address is `/{role}`, relative to the server's pathname. Without
//   any server it is `/{network}/{role}`, the adapters' default base path.
// - Messages: the envelope actually on the wire, `{fromRole, messageName, payload, id?}`, with
//   `fromRole` fixed to the sender role(s) and `messageName` to the message; the payload schema is
//   a component schema (its `$defs` hoisted, references rewritten: see asyncapi-schemas.ts).
//   A message with a reply schema (request/reply) also gets a `$reply` message
//   (`{fromRole, messageName: '$reply', payload, id}`, sent by the role that owns the message on
//   the same channel), and its operation a `reply` naming it.
//   `$error` frames (`{code, message, messageName?, id?, issues?}`) are described too.
// - Operations are seen from the host: what it accepts is `receive`, what it sends to a role is
//   `send`. Without a host mark, each role `receive`s its own messages on its channel.
import { openwsError } from '../openws-error'
import { ERROR_PAYLOAD_SCHEMA } from '../envelope/schema'
import { MAX_ID_LENGTH } from '../envelope/types'
import { HOST_MARK, type NetworkDoc, type OpenWsDocument, type RoleDoc } from '../ir/types'
import { hoistPayload, pointer } from './asyncapi-schemas'
import { copyJson, setField } from './fields'
import { validate } from './validate'

export interface AsyncApiOptions {
  /** Export only this network. */
  network?: string
}

/** The AsyncAPI version written (checked with the official `@asyncapi/parser` in the tests). */
export const ASYNCAPI_VERSION = '3.1.0'

type Obj = Record<string, unknown>

const ID_SCHEMA = {
  anyOf: [
    { type: 'string', maxLength: MAX_ID_LENGTH },
    { type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
  ],
}

function ref(...segments: string[]): { $ref: string } {
  return { $ref: pointer(...segments) }
}

export function toAsyncApi(input: unknown, options: AsyncApiOptions = {}): Obj {
  const doc = validate(input)
  const names = Object.keys(doc.networks)
  if (options.network !== undefined && !names.includes(options.network)) {
    throw openwsError(
      'OPENWS_ERR_INVALID_OPTION',
      `toAsyncApi: no network "${options.network}" in the document (networks: ${names.join(', ')})`,
    )
  }
  const selected = options.network !== undefined ? [options.network] : names
  const out: Obj = { asyncapi: ASYNCAPI_VERSION, info: info(doc, selected), defaultContentType: 'application/json' }
  const s: Sections = { servers: {}, channels: {}, operations: {}, messages: {}, schemas: {} }
  for (const name of selected) addNetwork(name, doc.networks[name]!, s) // selected: keys of doc.networks (checked above)
  if (Object.keys(s.servers).length > 0) out.servers = s.servers
  out.channels = s.channels
  out.operations = s.operations
  out.components = { schemas: s.schemas, messages: s.messages }
  return out
}

function info(doc: OpenWsDocument, selected: string[]): Obj {
  const out: Obj = {
    title: doc.title ?? (selected.length === 1 ? selected[0] : 'OpenWS document'),
    version: doc.version ?? '0.0.0',
  }
  const only = selected.length === 1 ? selected[0] : undefined
  const description = doc.description ?? (only !== undefined ? doc.networks[only]?.description : undefined)
  if (description !== undefined) out.description = description
  out['x-openws'] = doc.openws
  return out
}

interface Sections {
  servers: Obj
  channels: Obj
  operations: Obj
  messages: Obj
  schemas: Obj
}

/** The roles allowed to send `message` of `owner`: its `from`, or every other role. */
function senders(net: NetworkDoc, owner: string, from: string[] | undefined): string[] {
  return from ?? Object.keys(net.roles).filter((r) => r !== owner)
}

function envelope(fromRoles: string[], messageName: string, payload: unknown): Obj {
  const fromRole = fromRoles.length === 1 ? { type: 'string', const: fromRoles[0] } : { type: 'string', enum: [...fromRoles] }
  return {
    type: 'object',
    required: ['fromRole', 'messageName', 'payload'],
    properties: { fromRole, messageName: { type: 'string', const: messageName }, payload, id: copyJson(ID_SCHEMA) },
  }
}

/** A `$reply` frame answering a request of a message owned by `replier`: the id is required. */
function replyEnvelope(replier: string, payload: unknown): Obj {
  const out = envelope([replier], '$reply', payload)
  out.required = ['fromRole', 'messageName', 'payload', 'id']
  return out
}

function addNetwork(network: string, net: NetworkDoc, s: Sections): void {
  const roles = Object.keys(net.roles)
  const roleDoc = (name: string): RoleDoc => {
    const role = net.roles[name]
    if (role === undefined) throw new Error(`toAsyncApi: no role "${name}" in network "${network}"`) // names come from net.roles
    return role
  }
  const host = roles.find((r) => roleDoc(r)[HOST_MARK] === true)
  const serverRefs: { $ref: string }[] = []
  for (const roleName of host !== undefined ? [host] : roles) {
    ;(roleDoc(roleName).endpoints ?? []).forEach((e, i) => {
      const key = `${network}.${roleName}.${i}`
      setField(s.servers, key, { host: `${e.host}:${e.port}`, protocol: e.scheme ?? 'ws', pathname: e.path, 'x-openws-role': roleName })
      serverRefs.push(ref('servers', key))
    })
  }

  // One message component per (owner role, message), its payload hoisted into components.schemas.
  for (const owner of roles) {
    for (const [messageName, msg] of Object.entries(roleDoc(owner).messages)) {
      const key = `${network}.${owner}.${messageName}`
      const payload = hoistPayload(msg.payload, `${key}.payload`, s.schemas)
      // On a host's connections, a remote role's message is only ever sent by the host.
      const fromRoles = host !== undefined && owner !== host ? [host] : senders(net, owner, msg.from)
      const component: Obj = { name: messageName, title: `${owner}.${messageName}`, contentType: 'application/json' }
      if (msg.description !== undefined) component.summary = msg.description
      component.payload = envelope(fromRoles, messageName, payload)
      component['x-openws-role'] = owner
      if (msg.from !== undefined) component['x-openws-from'] = [...msg.from]
      setField(s.messages, key, component)
      if (msg.reply !== undefined) {
        setField(s.messages, `${key}.reply`, {
          name: '$reply',
          title: `${owner}.${messageName}.$reply`,
          summary: `The reply to ${messageName}, with the request's id`,
          contentType: 'application/json',
          payload: replyEnvelope(owner, hoistPayload(msg.reply, `${key}.reply`, s.schemas)),
          'x-openws-role': owner,
        })
      }
    }
  }
  const errorKey = `${network}.error`
  if (host !== undefined) {
    setField(s.schemas, errorKey, copyJson(ERROR_PAYLOAD_SCHEMA))
    setField(s.messages, errorKey, {
      name: '$error',
      title: `${host}.$error`,
      summary: 'An error about a frame the peer sent: a stable OPENWS_ERR_* code, a summary, and validation issues',
      contentType: 'application/json',
      payload: envelope([host], '$error', ref('components', 'schemas', errorKey)),
    })
  }

  const connecting = host !== undefined ? roles.filter((r) => r !== host) : roles
  for (const role of connecting) {
    const channelKey = `${network}.${role}`
    const channelMessages: Obj = {}
    const add = (owner: string, messageName: string, action: 'send' | 'receive'): void => {
      const messageKey = `${owner}.${messageName}`
      setField(channelMessages, messageKey, ref('components', 'messages', `${network}.${owner}.${messageName}`))
      const operation: Obj = {
        action,
        channel: ref('channels', channelKey),
        messages: [ref('channels', channelKey, 'messages', messageKey)],
        'x-openws-role': owner,
      }
      if (roleDoc(owner).messages[messageName]?.reply !== undefined) {
        setField(channelMessages, `${messageKey}.reply`, ref('components', 'messages', `${network}.${owner}.${messageName}.reply`))
        operation.reply = {
          channel: ref('channels', channelKey),
          messages: [ref('channels', channelKey, 'messages', `${messageKey}.reply`)],
        }
      }
      setField(s.operations, `${channelKey}.${action}.${messageKey}`, operation)
    }
    if (host === undefined) {
      for (const messageName of Object.keys(roleDoc(role).messages)) add(role, messageName, 'receive')
    } else {
      for (const [messageName, msg] of Object.entries(roleDoc(host).messages)) {
        if (senders(net, host, msg.from).includes(role)) add(host, messageName, 'receive')
      }
      for (const [messageName, msg] of Object.entries(roleDoc(role).messages)) {
        if (senders(net, role, msg.from).includes(host)) add(role, messageName, 'send')
      }
      setField(channelMessages, 'error', ref('components', 'messages', errorKey))
      setField(s.operations, `${channelKey}.send.error`, {
        action: 'send',
        channel: ref('channels', channelKey),
        messages: [ref('channels', channelKey, 'messages', 'error')],
      })
    }
    const channel: Obj = { address: serverRefs.length > 0 ? `/${role}` : `/${network}/${role}`, title: `${network}: ${role}` }
    if (net.description !== undefined) channel.description = net.description
    if (serverRefs.length > 0) channel.servers = serverRefs.map((r) => ({ ...r }))
    channel.messages = channelMessages
    channel['x-openws-network'] = network
    channel['x-openws-role'] = role
    if (host !== undefined) channel['x-openws-host'] = host
    setField(s.channels, channelKey, channel)
  }
}
