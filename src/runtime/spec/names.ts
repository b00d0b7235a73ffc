// Name rules shared by the builders (eager checks) and assertNetwork (checks on plain IR).
import { openwsError, type OpenWsErrorDetails } from '../openws-error'
import { KEY_PATTERN } from '../ir/types'
import { describe } from './fields'

export type NameKind = 'network' | 'role' | 'message'

/** Throws OPENWS_ERR_RESERVED_NAME / OPENWS_ERR_INVALID_NAME, naming where and what to change. */
export function assertName(kind: NameKind, name: unknown, where: OpenWsErrorDetails = {}): asserts name is string {
  if (kind === 'message' && typeof name === 'string' && name.startsWith('$')) {
    throw openwsError(
      'OPENWS_ERR_RESERVED_NAME',
      `message name ${describe(name)} starts with "$", which is reserved for protocol messages such as $error; rename it`,
      where,
    )
  }
  if (typeof name !== 'string' || !KEY_PATTERN.test(name)) {
    throw openwsError(
      'OPENWS_ERR_INVALID_NAME',
      `${kind} name ${describe(name)} is invalid: use a letter first, then letters, digits, "_" or "-", not ending in "_" or "-" (${KEY_PATTERN})`,
      where,
    )
  }
}
