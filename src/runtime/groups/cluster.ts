// The cross-instance path of groups, on any Broker. Channels (prefix `openws` by default):
//   {prefix}.{network}.g.{group}     group frames   "{origin}\n{role}\n{exceptId}\n{frame}"
//   {prefix}.{network}.c.{instance}  direct frames  "{origin}\n{role}\n{connectionId}\n{frame}"
//   {prefix}.{network}.p             presence       JSON {t, i, ...}
// Presence is announce/expire: each instance announces joins and leaves at once and its whole
// membership every heartbeatMs; an instance not heard from for presenceTtlMs (a crash) is dropped.
// Delivery is at most once: a failed publish is counted and reported (OPENWS_ERR_BROKER), never retried.
import { openwsError } from '../openws-error'
import type { RuntimeCore } from '../session/runtime-core'
import { thrownMessage } from '../session/peer'
import type { Groups } from './groups'
import type { GroupTarget } from './sink'
import type { Broker, GroupsOptions, GroupStats } from './types'

interface Remote {
  expires: number
  groups: Map<string, Set<string>>
}

interface Announcement {
  /** hb: whole membership; j/l: join/leave; hello: a new instance asks for hb; bye: clean exit. */
  t: 'hb' | 'j' | 'l' | 'hello' | 'bye'
  i: string
  g?: string
  c?: string
  s?: Record<string, string[]>
}

export class Cluster {
  readonly stats: GroupStats = { published: 0, received: 0, brokerErrors: 0, dropped: 0 }
  private readonly broker: Broker
  private readonly base: string
  private readonly presence: string
  private readonly heartbeatMs: number
  private readonly ttlMs: number
  private readonly onBrokerError: (error: unknown) => void
  private readonly remotes = new Map<string, Remote>()
  private timer: ReturnType<typeof setInterval> | undefined
  private closed = false

  constructor(
    private readonly groups: Groups,
    private readonly core: RuntimeCore,
    options: GroupsOptions,
  ) {
    this.broker = options.broker as Broker
    const prefix = options.prefix ?? 'openws'
    this.base = `${prefix}.${core.networkName}`
    this.presence = `${this.base}.p`
    this.heartbeatMs = options.heartbeatMs ?? 5000
    this.ttlMs = options.presenceTtlMs ?? 3 * this.heartbeatMs
    if (!(this.heartbeatMs > 0) || !(this.ttlMs > this.heartbeatMs)) {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', 'groups.heartbeatMs must be positive and presenceTtlMs above it')
    }
    this.onBrokerError = options.onBrokerError ?? core.onInternalError
  }

  start(): Promise<void> {
    const started = this.broker.start({
      message: (channel, data) => this.message(channel, data),
      error: (error) => this.report(error, 'the broker failed'),
      lost: (error) => this.lost(error),
      up: () => this.announceHello(),
    })
    this.broker.subscribe(this.presence)
    this.broker.subscribe(`${this.base}.c.${this.groups.instanceId}`)
    this.timer = setInterval(() => this.heartbeat(), this.heartbeatMs)
    ;(this.timer as { unref?: () => void }).unref?.()
    return Promise.resolve(started).then(
      () => this.announceHello(),
      (error: unknown) => this.report(error, 'the broker did not start'),
    )
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.timer !== undefined) clearInterval(this.timer)
    this.announce({ t: 'bye', i: this.groups.instanceId })
    try {
      await this.broker.close()
    } catch (error) {
      this.report(error, 'the broker did not close cleanly')
    }
  }

  // ---------------------------------------------------------------- outbound

  firstLocal(group: string): void {
    this.broker.subscribe(this.groupChannel(group))
  }

  lastLocal(group: string): void {
    this.broker.unsubscribe(this.groupChannel(group))
  }

  joined(group: string, id: string): void {
    this.announce({ t: 'j', i: this.groups.instanceId, g: group, c: id })
  }

  left(group: string, id: string): void {
    this.announce({ t: 'l', i: this.groups.instanceId, g: group, c: id })
  }

  publishGroup(target: GroupTarget, frame: string): void {
    this.publish(this.groupChannel(target.name), `${this.groups.instanceId}\n${target.role}\n${target.except ?? ''}\n${frame}`)
  }

  publishDirect(target: GroupTarget, frame: string): void {
    const dot = target.name.lastIndexOf('.')
    if (dot <= 0) return // not a connection id: nobody has it
    const instance = target.name.slice(0, dot)
    this.publish(`${this.base}.c.${instance}`, `${this.groups.instanceId}\n${target.role}\n${target.name}\n${frame}`)
  }

  remoteMembers(group: string): string[] {
    const now = Date.now()
    const out: string[] = []
    for (const [instance, remote] of this.remotes) {
      if (remote.expires <= now) {
        this.remotes.delete(instance)
        continue
      }
      const set = remote.groups.get(group)
      if (set !== undefined) out.push(...set)
    }
    return out
  }

  // ---------------------------------------------------------------- inbound

  private message(channel: string, data: string): void {
    if (this.closed) return
    try {
      if (channel === this.presence) this.presenceMessage(JSON.parse(data) as Announcement)
      else this.frameMessage(channel, data)
    } catch (error) {
      this.report(error, 'a message from the broker could not be read')
    }
  }

  private frameMessage(channel: string, data: string): void {
    const a = data.indexOf('\n')
    const b = data.indexOf('\n', a + 1)
    const c = data.indexOf('\n', b + 1)
    if (a < 0 || b < 0 || c < 0) throw new Error('not an openws broker frame')
    if (data.slice(0, a) === this.groups.instanceId) return // our own broadcast, already delivered
    const role = data.slice(a + 1, b)
    const third = data.slice(b + 1, c)
    const frame = data.slice(c + 1)
    // The broker is inside the trust boundary (groups README, "Trust"): the sending instance
    // validated the payload, so it is not validated again. The envelope is decoded once per broker
    // message, not per recipient, for SendFn's messageName and payload arguments; recipients on `ws`
    // get the frame text as it came.
    const env = JSON.parse(frame) as { messageName: string; payload: unknown }
    this.stats.received++
    const direct = channel.startsWith(`${this.base}.c.`)
    const name = direct ? third : decodeGroup(channel.slice(this.base.length + 3))
    this.groups.deliverLocal(
      { name, direct, role, except: direct || third === '' ? undefined : third },
      env.messageName,
      env.payload,
      frame,
    )
  }

  private presenceMessage(m: Announcement): void {
    if (m.i === this.groups.instanceId) return
    if (m.t === 'hello') {
      this.heartbeat()
      return
    }
    if (m.t === 'bye') {
      this.remotes.delete(m.i)
      return
    }
    let remote = this.remotes.get(m.i)
    if (remote === undefined) this.remotes.set(m.i, (remote = { expires: 0, groups: new Map() }))
    remote.expires = Date.now() + this.ttlMs
    if (m.t === 'hb') {
      remote.groups = new Map(Object.entries(m.s ?? {}).map(([g, ids]) => [g, new Set(ids)]))
    } else if (m.g !== undefined && m.c !== undefined) {
      let set = remote.groups.get(m.g)
      if (m.t === 'j') {
        if (set === undefined) remote.groups.set(m.g, (set = new Set()))
        set.add(m.c)
      } else if (set !== undefined) {
        set.delete(m.c)
        if (set.size === 0) remote.groups.delete(m.g)
      }
    }
  }

  // ---------------------------------------------------------------- plumbing

  private heartbeat(): void {
    if (!this.closed) this.announce({ t: 'hb', i: this.groups.instanceId, s: this.groups.snapshot() })
  }

  /** After a (re)connection: say hello (others answer with their membership) and announce ours. */
  private announceHello(): void {
    if (this.closed) return
    this.announce({ t: 'hello', i: this.groups.instanceId })
    this.heartbeat()
  }

  private announce(m: Announcement): void {
    this.publish(this.presence, JSON.stringify(m))
  }

  private publish(channel: string, data: string): void {
    this.stats.published++
    try {
      this.broker.publish(channel, data)
    } catch (error) {
      this.lost(error)
    }
  }

  /** A publish that failed, now (a throw) or later (the broker's `events.lost`). */
  private lost(error: unknown): void {
    this.stats.dropped++
    this.report(error, 'a frame for other instances was lost')
  }

  private report(error: unknown, what: string): void {
    this.stats.brokerErrors++
    try {
      this.onBrokerError(
        openwsError('OPENWS_ERR_BROKER', `${what}: ${thrownMessage(error)}`, { network: this.core.networkName, cause: error }),
      )
    } catch (hookError) {
      this.core.onInternalError(hookError)
    }
  }

  private groupChannel(group: string): string {
    return `${this.base}.g.${encodeGroup(group)}`
  }
}

/** Group names as one channel/subject token: URI-encoded, plus `.`, `*`, `>` (NATS wildcards). */
export function encodeGroup(group: string): string {
  return encodeURIComponent(group).replace(/[.*>!'()~]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}

export function decodeGroup(token: string): string {
  return decodeURIComponent(token)
}
