import { natsBroker } from '../../src/runtime/brokers/nats/index'
import { redisBroker } from '../../src/runtime/brokers/redis/index'
import type { Broker } from '../../src/runtime/groups/types'
import type { BrokerKind } from '../../bench/support/broker-servers'

export function makeBroker(kind: BrokerKind, url: string): Broker {
  return kind === 'redis'
    ? redisBroker({ url, reconnectDelayMs: () => 50 })
    : natsBroker({ servers: url, connection: { reconnectTimeWait: 50 } })
}
