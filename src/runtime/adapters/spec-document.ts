// The document served at `{path}/spec.json`: the bindings' network as an OpenWS document,
// serialised once at mount time (host marks included, so a runtime can be rebuilt from it).
import type { BindingsCore } from '../contract/types'
import { spec } from '../spec/index'

export function specJson(bindings: BindingsCore): string {
  return JSON.stringify(spec('0.0.2', bindings.network.name).network(bindings.network).valueOf())
}
