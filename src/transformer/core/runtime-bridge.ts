// The build-time view of openws: the REAL builders and bindings() of each public module, so a
// statically evaluated definition is normalised by exactly the code the runtime uses.
// (Only definition-time exports; the session loop is never needed at build time.)
import * as schema from '../../runtime/schema/index'
import * as classStyle from '../../runtime/contract/class/index'
import * as decoratorStyle from '../../runtime/contract/decorator/index'
import * as fluentStyle from '../../runtime/contract/fluent/index'
import { spec, network, role, message, endpoint } from '../../runtime/spec/index'
import { DEFAULT_LIMITS } from '../../runtime/limits'
import type { OpenwsModule } from './imports'

const EXPORTS: Record<OpenwsModule, Record<string, unknown>> = {
  openws: { ...schema, ...classStyle },
  'openws/decorator': { ...schema, ...decoratorStyle },
  'openws/fluent': { ...schema, spec, network, role, message, endpoint, ...fluentStyle },
  'openws/schema': { ...schema },
}

export function openwsExport(module: OpenwsModule, name: string): unknown {
  const table = EXPORTS[module]
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined
}

export const BUILD_DEFAULTS = {
  maxDepth: DEFAULT_LIMITS.maxDepth,
}
