// Breaking-change report between two OpenWS documents, for a deployed host whose peers were
// built from the old one. Breaking:
//   - a network or role removed, the host mark moved;
//   - a message removed, or its `from` list narrowed;
//   - a message the host receives now accepts less (its payload is stricter): old peers send
//     values the new host rejects;
//   - a message the host sends now allows more (its payload is looser): the new host may send
//     values old peers reject.
// Everything else that changed is listed as non-breaking. Without a host mark, every message is
// taken as received by its owner role.
import { HOST_MARK, type MessageDoc, type NetworkDoc, type OpenWsDocument } from '../../runtime/ir/types'
import { compareSchemas, type Direction } from './schema-diff'

export type ChangeKind =
  | 'network-removed'
  | 'network-added'
  | 'role-removed'
  | 'role-added'
  | 'host-changed'
  | 'message-removed'
  | 'message-added'
  | 'from-narrowed'
  | 'from-widened'
  | 'payload-stricter'
  | 'payload-looser'
  | 'description-changed'

export interface Change {
  kind: ChangeKind
  breaking: boolean
  network: string
  role?: string
  message?: string
  /** JSON Pointer into the payload, for payload changes. */
  path?: string
  detail: string
}

export interface DiffReport {
  breaking: Change[]
  nonBreaking: Change[]
}

export function diffDocuments(before: OpenWsDocument, after: OpenWsDocument): DiffReport {
  const changes: Change[] = []
  for (const [network, a] of Object.entries(before.networks)) {
    const b = Object.hasOwn(after.networks, network) ? after.networks[network] : undefined
    if (b === undefined) {
      changes.push({ kind: 'network-removed', breaking: true, network, detail: `network "${network}" removed` })
    } else {
      diffNetwork(network, a, b, changes)
    }
  }
  for (const network of Object.keys(after.networks)) {
    if (!Object.hasOwn(before.networks, network))
      changes.push({ kind: 'network-added', breaking: false, network, detail: `network "${network}" added` })
  }
  return { breaking: changes.filter((c) => c.breaking), nonBreaking: changes.filter((c) => !c.breaking) }
}

function hostOf(net: NetworkDoc): string | undefined {
  return Object.entries(net.roles).find(([, role]) => role[HOST_MARK] === true)?.[0]
}

function senders(net: NetworkDoc, owner: string, msg: MessageDoc): string[] {
  return msg.from ?? Object.keys(net.roles).filter((r) => r !== owner)
}

function diffNetwork(network: string, a: NetworkDoc, b: NetworkDoc, out: Change[]): void {
  const hostA = hostOf(a)
  const hostB = hostOf(b)
  if (hostA !== hostB) {
    out.push({ kind: 'host-changed', breaking: true, network, detail: `host role changed: ${hostA ?? '(none)'} -> ${hostB ?? '(none)'}` })
  }
  for (const [role, roleA] of Object.entries(a.roles)) {
    const roleB = Object.hasOwn(b.roles, role) ? b.roles[role] : undefined
    if (roleB === undefined) {
      out.push({ kind: 'role-removed', breaking: true, network, role, detail: `role "${role}" removed` })
      continue
    }
    // The host receives its own messages; it sends the other roles' messages.
    const received = hostA === undefined || role === hostA
    const ma = roleA.messages
    const mb = roleB.messages
    for (const [message, msgA] of Object.entries(ma)) {
      const where = { network, role, message }
      const msgB = Object.hasOwn(mb, message) ? mb[message] : undefined
      if (msgB === undefined) {
        out.push({ kind: 'message-removed', breaking: true, ...where, detail: `message "${role}.${message}" removed` })
        continue
      }
      const fa = senders(a, role, msgA)
      const fb = senders(b, role, msgB)
      const lost = fa.filter((r) => !fb.includes(r))
      const gained = fb.filter((r) => !fa.includes(r))
      if (lost.length > 0)
        out.push({ kind: 'from-narrowed', breaking: true, ...where, detail: `no longer accepted from ${lost.join(', ')}` })
      if (gained.length > 0)
        out.push({ kind: 'from-widened', breaking: false, ...where, detail: `now also accepted from ${gained.join(', ')}` })
      // Breaking: stricter where the host receives, looser where it sends.
      const breakingDirection: Direction = received ? 'stricter' : 'looser'
      const reported = new Set<string>()
      for (const change of compareSchemas(msgA.payload, msgB.payload)) {
        const key = `${change.direction}\u0000${change.path}\u0000${change.detail}`
        if (reported.has(key)) continue
        reported.add(key)
        const kind = change.direction === 'stricter' ? 'payload-stricter' : 'payload-looser'
        const why = received ? `received by ${role}` : `sent by ${hostA} to ${role}`
        out.push({
          kind,
          breaking: change.direction === breakingDirection,
          ...where,
          path: change.path,
          detail: `${change.detail} (${why})`,
        })
      }
      if (msgA.description !== msgB.description) {
        out.push({ kind: 'description-changed', breaking: false, ...where, detail: 'description changed' })
      }
    }
    for (const message of Object.keys(mb)) {
      if (!Object.hasOwn(ma, message)) {
        const note = received ? '' : ` (peers built from the old spec answer it with $error until they update)`
        out.push({ kind: 'message-added', breaking: false, network, role, message, detail: `message "${role}.${message}" added${note}` })
      }
    }
  }
  for (const role of Object.keys(b.roles)) {
    if (!Object.hasOwn(a.roles, role)) out.push({ kind: 'role-added', breaking: false, network, role, detail: `role "${role}" added` })
  }
}

/** The report as text, one change a line, breaking ones first. */
export function formatReport(report: DiffReport): string {
  const line = (c: Change) => {
    const at = [c.network, c.role, c.message].filter((x) => x !== undefined).join('.')
    const path = c.path !== undefined ? ` at ${c.path === '' ? '(payload root)' : c.path}` : ''
    return `  ${at}${path}: ${c.detail} [${c.kind}]`
  }
  const parts: string[] = []
  parts.push(report.breaking.length === 0 ? 'No breaking changes.' : `Breaking changes (${report.breaking.length}):`)
  parts.push(...report.breaking.map(line))
  if (report.nonBreaking.length > 0) {
    parts.push(`Non-breaking changes (${report.nonBreaking.length}):`)
    parts.push(...report.nonBreaking.map(line))
  }
  return `${parts.join('\n')}\n`
}
