// The same network seen from another role: the client binds the server's network with the host
// mark moved to its own role, so one description (one set of role classes, or one spec.json)
// serves both sides.
import { HOST_MARK, type NetworkIR } from '../../ir/types'
import { openwsError } from '../../openws-error'

/** A copy of `network` whose host role is `role` (plain JSON; the input is not changed). */
export function hostedBy(network: NetworkIR, role: string): NetworkIR {
  if (!network || typeof network !== 'object' || !network.roles || !Object.hasOwn(network.roles, role)) {
    throw openwsError('OPENWS_ERR_UNKNOWN_ROLE', `no role "${String(role)}" in the network`, { network: network?.name })
  }
  const roles: NetworkIR['roles'] = {}
  for (const [name, doc] of Object.entries(network.roles)) {
    const { [HOST_MARK]: _mark, ...rest } = doc
    roles[name] = name === role ? { ...rest, [HOST_MARK]: true } : rest
  }
  return { ...network, roles }
}
