// `openws/redis`: a groups broker on Redis pub/sub (the `redis` 5 client, an optional peer).
// Two connections: one publishes (no offline queue: a publish while Redis is unreachable fails
// at once and is reported as lost instead of being sent late), one subscribes (node-redis
// restores its subscriptions after every reconnection).
import { createClient, type RedisClientOptions } from 'redis'
import type { Broker, BrokerEvents } from '../../groups/types'

export interface RedisBrokerOptions {
  /** `redis://host:port`. Default the client's default (localhost:6379). */
  url?: string
  /** More client options (socket, TLS, auth); `url` and `disableOfflineQueue` are set by openws. */
  client?: RedisClientOptions
  /** Delay before reconnection attempt n: default min(50 · 2^n, 2000) ms, for ever. */
  reconnectDelayMs?: (attempt: number) => number
}

type Client = ReturnType<typeof createClient>

/** A broker on Redis pub/sub; pass it as `groups: { broker: redisBroker({ url }) }`. */
export function redisBroker(options: RedisBrokerOptions = {}): Broker {
  const delay = options.reconnectDelayMs ?? ((attempt: number) => Math.min(50 * 2 ** attempt, 2000))
  const make = (offlineQueue: boolean): Client =>
    createClient({
      ...options.client,
      ...(options.url !== undefined ? { url: options.url } : {}),
      disableOfflineQueue: !offlineQueue,
      socket: { ...options.client?.socket, reconnectStrategy: (attempt: number) => delay(attempt) },
    } as RedisClientOptions) as Client
  const pub = make(false)
  const sub = make(true)
  const channels = new Set<string>()
  let events: BrokerEvents | undefined
  let started = false
  let closing = false

  const listener = (message: string, channel: string) => events?.message(channel, message)
  const report = (error: unknown) => {
    if (!closing) events?.error(error)
  }
  const ready = () => {
    if (started && !closing && pub.isReady && sub.isReady) events?.up()
  }
  for (const client of [pub, sub]) {
    client.on('error', report)
    client.on('ready', ready)
  }

  return {
    async start(e) {
      events = e
      await Promise.all([pub.connect(), sub.connect()])
      for (const channel of channels) void sub.subscribe(channel, listener).catch(report)
      started = true
    },
    subscribe(channel) {
      if (channels.has(channel)) return
      channels.add(channel)
      if (sub.isOpen) void sub.subscribe(channel, listener).catch(report)
    },
    unsubscribe(channel) {
      if (!channels.delete(channel)) return
      if (sub.isOpen) void sub.unsubscribe(channel, listener).catch(report)
    },
    publish(channel, data) {
      pub.publish(channel, data).catch((error: unknown) => events?.lost(error))
    },
    async close() {
      // The goodbye was published just before: let it leave, then stop.
      if (pub.isReady) await pub.ping().catch(() => undefined)
      closing = true
      await Promise.all([pub, sub].map((c) => (c.isOpen ? c.close() : undefined)))
    },
  }
}

export type { Broker, BrokerEvents } from '../../groups/types'
