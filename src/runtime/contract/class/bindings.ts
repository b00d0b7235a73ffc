// bindings() for class-first roles (static CONFIG); decorated classes are read too.
import type { BindingsCore } from '../types'
import { classBindings } from '../shared/class-network'
import { definitionGuard } from '../shared/guard'
import { readClassRole } from '../shared/read-class'
import type { NetworkConfig } from './types'

/** Normalises role classes into one network; the class with `handlers` is the host. */
export function bindings(config: NetworkConfig): BindingsCore {
  return definitionGuard('bindings()', () => classBindings(config, readClassRole))
}
