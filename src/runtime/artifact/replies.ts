// The reply table of an interpreted artifact (request/reply): the same shape the transformer
// emits (src/transformer/core/emit-replies.ts), built with the interpreter's validators and encoders.
import type { JsonSchema, NetworkIR } from '../ir/types'
import type { Validator } from '../validate/types'
import type { ReplyCodec, ReplyTable } from './types'

/** undefined when no message of the network declares a reply (the artifact then has none). */
export function interpretReplies(
  network: NetworkIR,
  hostRole: string,
  hostMessages: readonly string[],
  validatorOf: (schema: JsonSchema) => Validator,
  encoderOf: (schema: JsonSchema) => (value: unknown) => string | undefined,
): ReplyTable | undefined {
  const roles = network.roles
  let any = false
  const inbound = hostMessages.map((name): ReplyCodec | undefined => {
    const reply = roles[hostRole].messages[name].reply
    if (reply === undefined) return undefined
    any = true
    return { validator: validatorOf(reply), encode: encoderOf(reply) }
  })
  const outbound: Record<string, Record<string, Validator>> = Object.create(null)
  for (const role of Object.keys(roles)) {
    if (role === hostRole) continue
    const table: Record<string, Validator> = Object.create(null)
    for (const [name, doc] of Object.entries(roles[role].messages)) {
      if (doc.reply === undefined) continue
      any = true
      table[name] = validatorOf(doc.reply)
    }
    outbound[role] = table
  }
  return any ? { inbound, outbound } : undefined
}
