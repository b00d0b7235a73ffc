// Reads an OpenWS document (what the adapters serve at {path}/spec.json) into what the page shows:
// roles (the host marked), the messages each role handles, who may send each one, and the arrows
// of the picture grouped per (sender, handler) pair.
import { HOST_MARK } from '../runtime/ir/types'

export interface MessageInfo {
  /** The role that accepts (handles) the message. */
  role: string
  name: string
  payload: unknown
  /** The `from` list as written; undefined when the message has none (any other role may send). */
  from: string[] | undefined
  /** Who may send it: `from`, or every other role when there is no `from`. */
  senders: string[]
  description?: string
  doc: Record<string, unknown>
}

export interface RoleInfo {
  name: string
  description?: string
  host: boolean
  handles: MessageInfo[]
  /** Messages of other roles this role may send. */
  sends: MessageInfo[]
}

export interface Edge {
  from: string
  to: string
  messages: MessageInfo[]
}

export interface Model {
  title: string
  version: string
  network: string
  description?: string
  roles: RoleInfo[]
  host: string | undefined
  messages: MessageInfo[]
  edges: Edge[]
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

export function readSpec(doc: unknown): Model {
  if (!isObj(doc) || !isObj(doc.networks)) throw new Error('not an OpenWS document (no "networks")')
  const [network, net] = Object.entries(doc.networks)[0] ?? []
  if (network === undefined || !isObj(net) || !isObj(net.roles)) throw new Error('the document has no network with roles')
  const roleDocs = net.roles
  const names = Object.keys(roleDocs)
  const roles: RoleInfo[] = names.map((name) => {
    const r = isObj(roleDocs[name]) ? (roleDocs[name] as Obj) : {}
    return { name, description: text(r.description), host: r[HOST_MARK] === true, handles: [], sends: [] }
  })
  const byName = new Map(roles.map((r) => [r.name, r]))
  const messages: MessageInfo[] = []
  for (const role of roles) {
    const r = roleDocs[role.name] as Obj
    const msgs = isObj(r.messages) ? r.messages : {}
    for (const name of Object.keys(msgs)) {
      const m = isObj(msgs[name]) ? (msgs[name] as Obj) : {}
      const from = Array.isArray(m.from) ? m.from.map(String) : undefined
      const senders = from ?? names.filter((n) => n !== role.name)
      const info: MessageInfo = {
        role: role.name,
        name,
        payload: m.payload ?? true,
        from,
        senders,
        description: text(m.description),
        doc: m,
      }
      messages.push(info)
      role.handles.push(info)
      for (const sender of senders) byName.get(sender)?.sends.push(info)
    }
  }
  const edges = new Map<string, Edge>()
  for (const m of messages) {
    for (const sender of m.senders) {
      if (!byName.has(sender)) continue
      const key = JSON.stringify([sender, m.role])
      let edge = edges.get(key)
      if (!edge) edges.set(key, (edge = { from: sender, to: m.role, messages: [] }))
      edge.messages.push(m)
    }
  }
  const info = isObj(doc.info) ? doc.info : {}
  return {
    title: text(doc.title) ?? text(info.title) ?? network,
    version: String(doc.openws ?? ''),
    network,
    description: text(net.description),
    roles,
    host: roles.find((r) => r.host)?.name,
    messages,
    edges: [...edges.values()],
  }
}

/** The messages `role` may send over a connection to the host (all it may send when there is no host). */
export function sendable(model: Model, role: string): MessageInfo[] {
  return model.messages.filter((m) => m.senders.includes(role) && (model.host === undefined || m.role === model.host))
}

/** Roles that connect to the host: every role but the host. */
export function remoteRoles(model: Model): RoleInfo[] {
  return model.roles.filter((r) => !r.host)
}
