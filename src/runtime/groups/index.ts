// Groups: rooms of connections, broadcasts validated and encoded once, direct sends, presence,
// and brokers to reach the connections of other instances. Re-exported by `openws`,
// `openws/decorator` and `openws/fluent`.
import { PEER_SINK } from '../artifact/types'
import { openwsError } from '../openws-error'
import type { RuntimeCore } from '../session/runtime-core'
import type { Groups } from './groups'

export type { Groups } from './groups'
export type { Broker, BrokerEvents, BroadcastOptions, GroupsOptions, GroupStats } from './types'
export { encodeGroup, decodeGroup } from './cluster'

/**
 * The groups of the runtime serving the connection behind `api` (a handler's `api`, a lifecycle
 * hook's peer): `groupsOf(api).join(api, 'room:r1')`. Throws OPENWS_ERR_INVALID_OPTION for
 * anything else.
 */
export function groupsOf(api: object): Groups {
  const sink = api !== null && typeof api === 'object' ? (api as { [PEER_SINK]?: { core?: RuntimeCore } })[PEER_SINK] : undefined
  const groups = sink?.core?.groups
  if (groups === undefined)
    throw openwsError('OPENWS_ERR_INVALID_OPTION', "groupsOf() needs a connection's peer (the `api` a handler or handleOpen receives)")
  return groups
}
