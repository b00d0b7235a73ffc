// bindings() for class-first roles (static CONFIG); decorated classes are read too.
import type { BindingsCore } from '../types'
import { classBindings } from '../shared/class-network'
import { definitionGuard } from '../shared/guard'
import { readClassRole } from '../shared/read-class'
import type { NetworkConfig } from './types'
import type { CheckedRoles } from '../shared/api-types'

/**
 * Normalises role classes into one network. The host is the role whose class implements its
 * messages (else the one with `handlers`, else `config.host`). Typed: a handler method whose
 * payload parameter cannot take its schema's payloads is a compile error at the role.
 */
export function bindings<const R extends readonly Function[]>(config: NetworkConfig & { roles: R & CheckedRoles<R> }): BindingsCore {
  return definitionGuard('bindings()', () => classBindings(config, readClassRole))
}
