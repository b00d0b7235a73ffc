// The artifact plan: what one host role of one network needs, worked out once from the IR and read
// by both builders of a CompiledArtifact: the interpreter (./interpreted.ts) and the generator
// (../codegen/artifact.ts). Which messages exist, which sender may send which, what the host may
// send to whom and which schemas to build validators and encoders for are decided here only, so
// the two builders cannot disagree about them; they differ only in how they build each piece.
import { openwsError } from '../openws-error'
import type { JsonSchema, MessageDoc, NetworkIR } from '../ir/types'

/** A host message a remote role may send, by slot (its index in ArtifactPlan.slots). */
export interface InboundSlot {
  readonly name: string
  /** Index of its payload schema in ArtifactPlan.schemas. */
  readonly schema: number
  /** Index of its reply schema (validated and encoded by the host's handler); absent: one-way. */
  readonly reply?: number
}

/** A message the host may send to a remote role. */
export interface OutboundMessage {
  readonly name: string
  /** Index of its payload schema in ArtifactPlan.schemas (validator and encoder). */
  readonly schema: number
  /** Index of the schema of the reply the remote role answers with (validator); absent: one-way. */
  readonly reply?: number
}

export interface OutboundRole {
  readonly role: string
  /** Capability-scoped: only the messages of `role` whose `from` admits the host. */
  readonly messages: readonly OutboundMessage[]
}

export interface ArtifactPlan {
  readonly network: NetworkIR
  readonly hostRole: string
  /** Every role of the network but the host, in network order. */
  readonly remoteRoles: readonly string[]
  /**
   * Distinct payload schemas (equal JSON text: one entry), in order of first use: inbound slots,
   * then each remote role's outbound messages. Validators are built per entry.
   */
  readonly schemas: readonly JsonSchema[]
  /** slot -> host message, in the order of the host role's messages. */
  readonly slots: readonly InboundSlot[]
  /** The sender x slot allow-matrix: `allowed[i][slot]` says whether remoteRoles[i] may send slot. */
  readonly allowed: readonly (readonly boolean[])[]
  /** One entry per remote role, in the order of remoteRoles. */
  readonly outbound: readonly OutboundRole[]
  /** Schema ids an outbound message or a reply encodes (an encoder each), in order of first use. */
  readonly encoded: readonly number[]
  /** Some slot or outbound message declares a reply: the artifact carries a reply table. */
  readonly replies: boolean
}

/** `sender` is in the message's `from` list (no list: every role may send it). */
export function mayFrom(doc: MessageDoc, sender: string): boolean {
  return doc.from === undefined || doc.from.includes(sender)
}

/** Numbers schemas by JSON text; the same object is stringified once. */
function schemaIds(): { schemas: JsonSchema[]; idOf: (schema: JsonSchema) => number } {
  const schemas: JsonSchema[] = []
  const byObject = new Map<JsonSchema, number>()
  const byText = new Map<string, number>()
  const idOf = (schema: JsonSchema): number => {
    let id = byObject.get(schema)
    if (id !== undefined) return id
    const text = JSON.stringify(schema)
    id = byText.get(text)
    if (id === undefined) byText.set(text, (id = schemas.push(schema) - 1))
    byObject.set(schema, id)
    return id
  }
  return { schemas, idOf }
}

export function planArtifact(network: NetworkIR, hostRole: string): ArtifactPlan {
  const roles = network.roles
  if (!Object.hasOwn(roles, hostRole)) {
    throw openwsError('OPENWS_ERR_NO_HOST_ROLE', 'the host role is not in the network', { network: network.name, role: hostRole })
  }
  const { schemas, idOf } = schemaIds()
  const hostMessages = roles[hostRole]!.messages
  const slots = Object.keys(hostMessages).map((name) =>
    withReply({ name, schema: idOf(hostMessages[name]!.payload) }, hostMessages[name]!, idOf),
  )
  const remoteRoles = Object.keys(roles).filter((r) => r !== hostRole)
  const allowed = remoteRoles.map((sender) => slots.map((s) => mayFrom(hostMessages[s.name]!, sender)))
  const encoded = new Set<number>()
  const outbound = remoteRoles.map((role) => {
    const docs = roles[role]!.messages
    const messages = Object.keys(docs)
      .filter((name) => mayFrom(docs[name]!, hostRole))
      .map((name) => withReply({ name, schema: idOf(docs[name]!.payload) }, docs[name]!, idOf))
    for (const m of messages) encoded.add(m.schema)
    return { role, messages }
  })
  for (const s of slots) if (s.reply !== undefined) encoded.add(s.reply)
  const replies = slots.some((s) => s.reply !== undefined) || outbound.some((r) => r.messages.some((m) => m.reply !== undefined))
  return { network, hostRole, remoteRoles, schemas, slots, allowed, outbound, encoded: [...encoded], replies }
}

/** Adds the reply schema's id to a slot or outbound message of a request (after its payload's id). */
function withReply<T extends { name: string; schema: number }>(
  entry: T,
  doc: MessageDoc,
  idOf: (schema: JsonSchema) => number,
): T & { reply?: number } {
  return doc.reply === undefined ? entry : { ...entry, reply: idOf(doc.reply) }
}
