// `openws/nats`: a groups broker on NATS core subjects (`@nats-io/transport-node`, an optional
// peer): one subject per group, per instance and for presence. While disconnected, publishes are
// refused and reported as lost (rather than buffered and sent late), so the guarantee is the same
// at-most-once with reports as on Redis; the client resubscribes by itself after reconnecting.
import { connect, type ConnectionOptions, type NatsConnection, type Subscription } from '@nats-io/transport-node'
import type { Broker, BrokerEvents } from '../../groups/types'

export interface NatsBrokerOptions {
  /** `nats://host:port` (or several). Default the client's default (localhost:4222). */
  servers?: string | string[]
  /** More connection options; openws sets reconnect for ever unless you set maxReconnectAttempts. */
  connection?: ConnectionOptions
}

/** A broker on NATS; pass it as `groups: { broker: natsBroker({ servers }) }`. */
export function natsBroker(options: NatsBrokerOptions = {}): Broker {
  let nc: NatsConnection | undefined
  let events: BrokerEvents | undefined
  let connected = false
  let closing = false
  const subs = new Map<string, Subscription>()

  const report = (error: unknown) => {
    if (!closing) events?.error(error)
  }
  const open = (channel: string) => {
    if (nc === undefined || subs.has(channel)) return
    try {
      subs.set(channel, nc.subscribe(channel, { callback: (err, msg) => (err ? report(err) : events?.message(channel, msg.string())) }))
    } catch (error) {
      report(error)
    }
  }
  const pending = new Set<string>()

  async function watch(conn: NatsConnection): Promise<void> {
    for await (const status of conn.status()) {
      if (status.type === 'disconnect') {
        connected = false
        report(new Error(`disconnected from NATS ${status.server}`))
      } else if (status.type === 'reconnect') {
        connected = true
        if (!closing) events?.up()
      } else if (status.type === 'error') {
        report(status.error)
      }
    }
  }

  return {
    async start(e) {
      events = e
      nc = await connect({
        maxReconnectAttempts: -1,
        reconnectTimeWait: 250,
        ...options.connection,
        ...(options.servers !== undefined ? { servers: options.servers } : {}),
      })
      connected = true
      void watch(nc).catch(report)
      void nc.closed().then((error) => error && report(error))
      for (const channel of pending) open(channel)
      pending.clear()
    },
    subscribe(channel) {
      if (nc === undefined) pending.add(channel)
      else open(channel)
    },
    unsubscribe(channel) {
      pending.delete(channel)
      const sub = subs.get(channel)
      if (sub === undefined) return
      subs.delete(channel)
      try {
        sub.unsubscribe()
      } catch (error) {
        report(error)
      }
    },
    publish(channel, data) {
      if (nc === undefined || !connected) {
        events?.lost(new Error('not connected to NATS'))
        return
      }
      try {
        nc.publish(channel, data)
      } catch (error) {
        events?.lost(error)
      }
    },
    async close() {
      if (nc === undefined) return
      // The goodbye was published just before: flush it, then stop.
      if (connected) await nc.flush().catch(() => undefined)
      closing = true
      await nc.close()
    },
  }
}

export type { Broker, BrokerEvents } from '../../groups/types'
