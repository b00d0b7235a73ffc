// Emits the artifact's reply table (request/reply; see ReplyTable in src/runtime/artifact/types.ts)
// from the validators and encoders emitArtifact already declares per distinct schema, so a reply
// schema equal to a payload schema shares its generated code. The interpreted twin:
// src/runtime/artifact/replies.ts.
import type { JsonSchema, NetworkIR } from '../../runtime/ir/types'
import { lit } from './js'

/** The identifier of a declared validator / encoder for `schema` (emitArtifact's per-schema caches). */
type Declared = (schema: JsonSchema, role: string, messageName: string) => string

/** The `replies` property's value, or undefined when no message declares a reply. */
export function emitReplies(network: NetworkIR, hostRole: string, hostNames: readonly string[], validatorFor: Declared, encoderFor: Declared): string | undefined {
  const roles = network.roles
  let any = false
  const inbound = hostNames.map((name) => {
    const reply = roles[hostRole].messages[name].reply
    if (reply === undefined) return 'undefined'
    any = true
    return `{ validator: ${validatorFor(reply, hostRole, name)}, encode: ${encoderFor(reply, hostRole, name)} }`
  })
  const outbound = Object.keys(roles)
    .filter((role) => role !== hostRole)
    .map((role) => {
      const entries = Object.entries(roles[role].messages)
        .filter(([, doc]) => doc.reply !== undefined)
        .map(([name, doc]) => `[${lit(name)}]: ${validatorFor(doc.reply as JsonSchema, role, name)}`)
      if (entries.length > 0) any = true
      // Computed keys: a quoted "__proto__" key in a literal would set the prototype instead.
      return `[${lit(role)}]: { __proto__: null${entries.map((e) => `, ${e}`).join('')} }`
    })
  if (!any) return undefined
  return `{ inbound: [${inbound.join(', ')}], outbound: { __proto__: null, ${outbound.join(', ')} } }`
}
