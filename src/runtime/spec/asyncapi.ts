// toAsyncApi(doc): an AsyncAPI 3.0.0 view of an OpenWS document. One channel per network, one
// message per (role, message), operations seen from the host role: messages the host accepts are
// `receive`, messages other roles accept are `send`. Without a host mark, each message is
// `receive` from the point of view of the role that accepts it.
import { openwsError } from '../errors'
import { HOST_MARK, type NetworkDoc, type OpenWsDocument } from '../ir/types'
import { copyJson, setField } from './fields'
import { validate } from './validate'

export interface AsyncApiOptions {
  /** Export only this network. */
  network?: string
}

type Obj = Record<string, unknown>

/** `#/a/b` reference with RFC 6901 escaping of each segment. */
function ref(...segments: string[]): { $ref: string } {
  return { $ref: `#/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` }
}

export function toAsyncApi(input: unknown, options: AsyncApiOptions = {}): Obj {
  const doc = validate(input)
  const names = Object.keys(doc.networks)
  if (options.network !== undefined && !names.includes(options.network)) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', `toAsyncApi: no network "${options.network}" in the document (networks: ${names.join(', ')})`)
  }
  const selected = options.network !== undefined ? [options.network] : names
  const out: Obj = { asyncapi: '3.0.0', info: info(doc, selected) }
  const servers: Obj = {}
  const channels: Obj = {}
  const operations: Obj = {}
  const messages: Obj = {}
  for (const name of selected) addNetwork(name, doc.networks[name], { servers, channels, operations, messages })
  if (Object.keys(servers).length > 0) out.servers = servers
  out.channels = channels
  out.operations = operations
  out.components = { messages }
  return out
}

function info(doc: OpenWsDocument, selected: string[]): Obj {
  const out: Obj = {
    title: doc.title ?? (selected.length === 1 ? selected[0] : 'OpenWS document'),
    version: doc.version ?? '0.0.0',
  }
  const description = doc.description ?? (selected.length === 1 ? doc.networks[selected[0]].description : undefined)
  if (description !== undefined) out.description = description
  out['x-openws'] = doc.openws
  return out
}

interface Sections {
  servers: Obj
  channels: Obj
  operations: Obj
  messages: Obj
}

function addNetwork(network: string, net: NetworkDoc, s: Sections): void {
  const roles = Object.keys(net.roles)
  const host = roles.find((r) => net.roles[r][HOST_MARK] === true)
  const channelMessages: Obj = {}
  const channelServers: { $ref: string }[] = []
  let address: string | null = null
  for (const roleName of roles) {
    const role = net.roles[roleName]
    ;(role.endpoints ?? []).forEach((e, i) => {
      const key = `${network}.${roleName}.${i}`
      const server: Obj = { host: `${e.host}:${e.port}`, protocol: e.scheme ?? 'ws', pathname: e.path }
      server['x-openws-role'] = roleName
      setField(s.servers, key, server)
      channelServers.push(ref('servers', key))
      if (roleName === host && address === null) address = e.path
    })
    for (const messageName of Object.keys(role.messages)) {
      const msg = role.messages[messageName]
      const key = `${network}.${roleName}.${messageName}`
      const component: Obj = { name: messageName, title: `${roleName}.${messageName}`, payload: copyJson(msg.payload) }
      if (msg.description !== undefined) component.summary = msg.description
      component['x-openws-role'] = roleName
      if (msg.from !== undefined) component['x-openws-from'] = [...msg.from]
      setField(s.messages, key, component)
      setField(channelMessages, `${roleName}.${messageName}`, ref('components', 'messages', key))
      // Seen from the host: what it accepts is received; what other roles accept, it sends.
      const action = host === undefined || roleName === host ? 'receive' : 'send'
      setField(s.operations, key, {
        action,
        channel: ref('channels', network),
        messages: [ref('channels', network, 'messages', `${roleName}.${messageName}`)],
        'x-openws-role': roleName,
      })
    }
  }
  const channel: Obj = { address, messages: channelMessages }
  if (net.description !== undefined) channel.description = net.description
  if (channelServers.length > 0) channel.servers = channelServers
  if (host !== undefined) channel['x-openws-host'] = host
  setField(s.channels, network, channel)
}
