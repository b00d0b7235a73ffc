// Groups of one runtime: which connection is in which group, typed broadcasts validated and
// encoded once, direct sends by connection id, presence. With a broker (./cluster.ts) the same
// calls reach the connections of every instance.
import { PEER_SINK } from '../artifact/types'
import { openwsError, type OpenWsError } from '../openws-error'
import type { RuntimeCore } from '../session/runtime-core'
import { RESOLVED } from '../session/peer'
import { Cluster } from './cluster'
import { Member, type MemberTarget } from './member'
import { GroupSink, type FrameRouter, type GroupTarget } from './sink'
import type { BroadcastOptions, GroupsOptions, GroupStats } from './types'

/** How a peer object leads to its session: the session sink exposes it as `target`. */
interface TargetHolder {
  readonly target?: unknown
}

const NO_MEMBERS: ReadonlySet<Member> = new Set()

export class Groups implements FrameRouter {
  /** Given, or drawn on first read: `globalThis.crypto` loads Node's webcrypto (~2 ms), which start-up without a broker need not pay. */
  private id: string | undefined
  /** Resolves once the broker is connected (at once without one). Never rejects: failures are reported. */
  readonly ready: Promise<void>
  private readonly byGroup = new Map<string, Set<Member>>()
  private readonly byId = new Map<string, Member>()
  private readonly bySession = new WeakMap<MemberTarget, Member>()
  private next = 0
  private readonly cluster: Cluster | undefined

  constructor(
    private readonly core: RuntimeCore,
    options: GroupsOptions = {},
  ) {
    const id = options.instanceId
    if (id !== undefined && (typeof id !== 'string' || id === '' || /[.\n\s*>]/.test(id))) {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', 'groups.instanceId must be a non-empty string without ".", "*", ">" or white space')
    }
    this.id = id
    this.cluster = options.broker === undefined ? undefined : new Cluster(this, core, options)
    this.ready = this.cluster === undefined ? RESOLVED : this.cluster.start()
  }

  /** This instance's id (GroupsOptions.instanceId, default random). */
  get instanceId(): string {
    return (this.id ??= randomId())
  }

  // ---------------------------------------------------------------- membership

  /** Adds the connection behind `api` to `group` (idempotent). Throws OPENWS_ERR_INVALID_OPTION for a non-session peer. */
  join(api: object, group: string): void {
    checkGroup(group)
    const member = this.memberOf(api)
    if (member === undefined || member.groups.has(group)) return
    member.groups.add(group)
    let set = this.byGroup.get(group)
    if (set === undefined) {
      this.byGroup.set(group, (set = new Set()))
      this.cluster?.firstLocal(group)
    }
    set.add(member)
    this.cluster?.joined(group, member.id)
  }

  /** Removes the connection behind `api` from `group` (nothing when it was not in it). */
  leave(api: object, group: string): void {
    const member = this.memberOf(api)
    if (member !== undefined) this.remove(member, group)
  }

  /** The groups the connection behind `api` is in. */
  groupsOf(api: object): string[] {
    return [...(this.memberOf(api)?.groups ?? [])]
  }

  /** The connection's id, unique across instances: what `toConnection`/`sendTo` and `members` use. */
  idOf(api: object): string {
    const member = this.memberOf(api)
    if (member === undefined) throw openwsError('OPENWS_ERR_SESSION_CLOSED', 'the connection is closed')
    return member.id
  }

  /** Ids of the members of `group` on every instance (others as last announced, see presenceTtlMs). */
  members(group: string): Promise<string[]> {
    const ids = [...(this.byGroup.get(group) ?? NO_MEMBERS)].map((m) => m.id)
    if (this.cluster !== undefined) ids.push(...this.cluster.remoteMembers(group))
    return Promise.resolve(ids)
  }

  count(group: string): Promise<number> {
    return this.members(group).then((ids) => ids.length)
  }

  /** Counters of the cross-instance path. */
  get stats(): Readonly<GroupStats> {
    return this.cluster?.stats ?? { published: 0, received: 0, brokerErrors: 0, dropped: 0 }
  }

  // ---------------------------------------------------------------- sending

  /**
   * The outbound API of `role` for every member of `group` with that role (on every instance),
   * except `options.except`. Each call validates and encodes once; invalid payloads reject with
   * OPENWS_ERR_OUTBOUND_INVALID and nothing is sent. Throws OPENWS_ERR_UNKNOWN_ROLE for a role
   * the host cannot send to.
   */
  to<A extends object = Record<string, (payload: unknown) => Promise<void>>>(
    group: string,
    role: string,
    options: BroadcastOptions = {},
  ): A {
    checkGroup(group)
    return this.api(role, { name: group, direct: false, role, except: this.exceptId(options.except) }) as A
  }

  /** The outbound API of `role` for one connection by id (any instance). A member of another role, or gone, gets nothing. */
  toConnection<A extends object = Record<string, (payload: unknown) => Promise<void>>>(id: string, role: string): A {
    return this.api(role, { name: String(id), direct: true, role, except: undefined }) as A
  }

  /**
   * `to(group, role, options)[messageName](payload)` by name, for code without the types. Rejects
   * (never throws) with OPENWS_ERR_UNKNOWN_ROLE, OPENWS_ERR_OUTBOUND_UNKNOWN (the role does not
   * accept that message from the host), OPENWS_ERR_OUTBOUND_INVALID.
   */
  broadcast(group: string, role: string, messageName: string, payload: unknown, options: BroadcastOptions = {}): Promise<void> {
    return this.byName(role, messageName, () => this.to(group, role, options), payload)
  }

  /** `toConnection(id, role)[messageName](payload)` by name; rejects like `broadcast`. */
  sendTo(id: string, role: string, messageName: string, payload: unknown): Promise<void> {
    return this.byName(role, messageName, () => this.toConnection(id, role), payload)
  }

  /** Leaves the broker (announcing that this instance's members are gone). Local groups keep working. */
  close(): Promise<void> {
    return this.cluster?.close() ?? RESOLVED
  }

  // ---------------------------------------------------------------- internals

  /** FrameRouter: one encoded frame to the local recipients, then once to the broker. */
  route(target: GroupTarget, messageName: string, payload: unknown, frame: string): void {
    this.deliverLocal(target, messageName, payload, frame)
    if (this.cluster === undefined) return
    if (!target.direct) this.cluster.publishGroup(target, frame)
    else if (!this.byId.has(target.name)) this.cluster.publishDirect(target, frame)
  }

  /** Writes `frame` to the local connections `target` names. */
  deliverLocal(target: GroupTarget, messageName: string, payload: unknown, frame: string): void {
    if (target.direct) {
      const member = this.byId.get(target.name)
      if (member !== undefined && member.role === target.role) void member.target.deliver(messageName, payload, frame)
      return
    }
    const set = this.byGroup.get(target.name)
    if (set === undefined) return
    for (const member of set) {
      if (member.role === target.role && member.id !== target.except) void member.target.deliver(messageName, payload, frame)
    }
  }

  /** The session closed: it leaves every group. Called by the session. */
  forget(session: MemberTarget): void {
    const member = this.bySession.get(session)
    if (member === undefined) return
    this.bySession.delete(session)
    this.byId.delete(member.id)
    for (const group of [...member.groups]) this.remove(member, group)
  }

  /** Every local group with its member ids (presence announcements). */
  snapshot(): Record<string, string[]> {
    const out: Record<string, string[]> = {}
    for (const [group, set] of this.byGroup) out[group] = [...set].map((m) => m.id)
    return out
  }

  private remove(member: Member, group: string): void {
    if (!member.groups.delete(group)) return
    const set = this.byGroup.get(group)
    if (set === undefined) return
    set.delete(member)
    this.cluster?.left(group, member.id)
    if (set.size === 0) {
      this.byGroup.delete(group)
      this.cluster?.lastLocal(group)
    }
  }

  private api(role: string, target: GroupTarget): object {
    const factory = Object.hasOwn(this.core.artifact.outbound, role) ? this.core.artifact.outbound[role] : undefined
    if (factory === undefined) {
      throw openwsError('OPENWS_ERR_UNKNOWN_ROLE', `no remote role "${String(role)}" in the network`, { network: this.core.networkName })
    }
    return factory(new GroupSink(this.core, this, target))
  }

  private byName(role: string, messageName: string, make: () => object, payload: unknown): Promise<void> {
    let error: OpenWsError | undefined
    if (!Object.hasOwn(this.core.artifact.outbound, role)) {
      error = openwsError('OPENWS_ERR_UNKNOWN_ROLE', `no remote role "${String(role)}" in the network`, { network: this.core.networkName })
    } else if (!this.accepts(role, messageName)) {
      error = openwsError(
        'OPENWS_ERR_OUTBOUND_UNKNOWN',
        `role "${role}" accepts no message "${String(messageName)}" from "${this.core.hostRole}"`,
        {
          network: this.core.networkName,
          message: String(messageName),
        },
      )
    }
    if (error !== undefined) return Promise.reject(error)
    try {
      const api = make() as Record<string, (p: unknown) => Promise<void>>
      return api[messageName]!(payload) // accepts() checked that the role receives messageName
    } catch (thrown) {
      return Promise.reject(thrown)
    }
  }

  /** Whether the host may send `messageName` to `role` (per the network: the message exists and its `from` allows the host). */
  private accepts(role: string, messageName: string): boolean {
    const roles = this.core.artifact.network.roles
    const messages = Object.hasOwn(roles, role) ? roles[role]?.messages : undefined
    const message =
      messages !== undefined && typeof messageName === 'string' && Object.hasOwn(messages, messageName) ? messages[messageName] : undefined
    return message !== undefined && (message.from === undefined || message.from.includes(this.core.hostRole))
  }

  private exceptId(except: object | string | undefined): string | undefined {
    if (except === undefined || typeof except === 'string') return except
    return this.memberOf(except)?.id
  }

  /** The member record of the session behind `api`, created on first use; undefined once it closed. */
  private memberOf(api: object): Member | undefined {
    const sink = api !== null && typeof api === 'object' ? (api as { [PEER_SINK]?: TargetHolder })[PEER_SINK] : undefined
    const session = sink?.target as MemberTarget | undefined
    if (session === undefined || typeof session.deliver !== 'function') {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', "groups need a connection's peer (the `api` a handler or handleOpen receives)")
    }
    let member = this.bySession.get(session)
    if (member !== undefined) return member
    if (session.state !== 'open' || session.role === undefined) return undefined
    member = new Member(`${this.instanceId}.${++this.next}`, session.role, session)
    this.bySession.set(session, member)
    this.byId.set(member.id, member)
    return member
  }
}

function checkGroup(group: string): void {
  if (typeof group !== 'string' || group === '' || group.length > 256) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'a group name is a string of 1 to 256 characters')
  }
}

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto
  if (c?.randomUUID) return c.randomUUID().replace(/-/g, '').slice(0, 16)
  return Math.random().toString(36).slice(2) + Date.now().toString(36)
}
