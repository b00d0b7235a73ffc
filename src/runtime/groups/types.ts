// Public types of groups and brokers. A broker is a transport only (publish, subscribe); presence,
// wire format and failure accounting live in ./cluster.ts, once for every broker.

/**
 * A pub/sub engine shared by several openws instances (Redis, NATS): `openws/redis`,
 * `openws/nats`, or your own. Delivery is at most once; the runtime reports what it knows was lost.
 */
export interface Broker {
  /**
   * Connects. `events.message` receives what arrives on subscribed channels; `events.error` every
   * outage or failed operation (the broker keeps reconnecting by itself); `events.up` every
   * (re)connection, after subscriptions are restored.
   */
  start(events: BrokerEvents): Promise<void>
  /** Starts receiving `channel` (idempotent). Failures go to `events.error`. */
  subscribe(channel: string): void
  /** Stops receiving `channel`. */
  unsubscribe(channel: string): void
  /** Publishes once, fire and forget. A failure (broker down, not connected) must reach `events.error`, never be dropped silently. */
  publish(channel: string, data: string): void
  /** Disconnects; no event after it resolves. */
  close(): Promise<void>
}

export interface BrokerEvents {
  message(channel: string, data: string): void
  error(error: unknown): void
  /** A publish that failed after `publish` returned: the frame is lost (counted as dropped). */
  lost(error: unknown): void
  up(): void
}

export interface GroupsOptions {
  /** Reaches peers on other instances. Without one, groups are local to this runtime. */
  broker?: Broker
  /** Channel prefix shared by the instances of one deployment. Default `openws`. */
  prefix?: string
  /** This instance's id (no `.` or newline); default random. Connection ids are `${instanceId}.${n}`. */
  instanceId?: string
  /** How often presence is announced to the other instances. Default 5000 ms. */
  heartbeatMs?: number
  /** An instance whose announcements stop (a crash) leaves presence after this long. Default 3 × heartbeatMs. */
  presenceTtlMs?: number
  /** Broker outages and lost cross-instance frames (OPENWS_ERR_BROKER). Default: the runtime's onInternalError. */
  onBrokerError?: (error: unknown) => void
}

export interface BroadcastOptions {
  /** Skip this connection: a peer (`api`) or a connection id. */
  except?: object | string
}

/** Counters of the cross-instance path (all zero without a broker). */
export interface GroupStats {
  /** Frames and announcements handed to the broker. */
  published: number
  /** Frames from other instances delivered here. */
  received: number
  /** Broker errors reported (outages, failed publishes, bad frames from the broker). */
  brokerErrors: number
  /** Publishes (frames or presence announcements) known to be lost: they failed. */
  dropped: number
}
