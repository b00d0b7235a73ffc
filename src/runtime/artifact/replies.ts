// The reply table of an interpreted artifact (request/reply), read from the plan's reply schema ids
// (./plan.ts); the generator builds the same table as code (../codegen/artifact.ts).
import type { Validator } from '../validate/types'
import type { ArtifactPlan } from './plan'
import type { ReplyTable } from './types'

type Encoder = (value: unknown) => string | undefined

/** undefined when no message of the plan declares a reply (the artifact then has none). */
export function interpretReplies(
  plan: ArtifactPlan,
  validators: readonly Validator[],
  encoders: readonly Encoder[],
): ReplyTable | undefined {
  if (!plan.replies) return undefined
  const inbound = plan.slots.map((s) =>
    s.reply === undefined ? undefined : { validator: validators[s.reply]!, encode: encoders[s.reply]! },
  )
  const outbound: Record<string, Record<string, Validator>> = Object.create(null)
  for (const { role, messages } of plan.outbound) {
    const table: Record<string, Validator> = Object.create(null)
    for (const m of messages) if (m.reply !== undefined) table[m.name] = validators[m.reply]!
    outbound[role] = table
  }
  return { inbound, outbound }
}
