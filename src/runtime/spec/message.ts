// message(name): one message a role accepts — its payload schema and the roles allowed to send it.
import { openwsError, type OpenWsErrorDetails } from '../openws-error'
import type { JsonSchema, MessageDoc } from '../ir/types'
import { isSchemaBuilder, toJsonSchema, type PayloadType, type SchemaLike } from '../schema/index'
import { FieldsBuilder } from './base'
import { absorb, describe, emit, isPlainObject } from './fields'
import { assertName } from './names'

/** Anything `.from()` accepts for a role: its name or its builder. */
export type RoleRef = string | { readonly kind: 'openws.role'; readonly name: string }

/** The reply type of a message without `.reply()` (a one-way message). Type-level only. */
export interface NoReply {
  readonly '~openws': 'no reply'
}

export class MessageBuilder<Name extends string = string, Payload = unknown, Reply = NoReply> extends FieldsBuilder {
  readonly kind = 'openws.message' as const
  /** Type-level only (never set): lets helpers read the name, payload and reply types back. */
  declare readonly '~types': { readonly name: Name; readonly payload: Payload; readonly reply: Reply }
  readonly name: Name
  /** The sender allow-list; `undefined` when the message has none (any other role may send). @internal */
  fromRoles: string[] | undefined

  constructor(name: Name, fields: Record<string, unknown> = {}, from?: string[]) {
    super(fields)
    assertName('message', name, { message: name })
    this.name = name
    this.fromRoles = from
  }

  /**
   * Sets the payload: an `S` builder (its type becomes the payload type) or plain JSON Schema.
   * Stored as plain JSON Schema right away, so later changes to the argument do not leak in.
   */
  payload<const P extends SchemaLike>(schema: P): MessageBuilder<Name, PayloadType<P>, Reply> {
    this.fields.payload = toPayloadSchema(schema, this.name)
    return this as unknown as MessageBuilder<Name, PayloadType<P>, Reply>
  }

  /**
   * Sets the reply schema: the message becomes a request, its handler's return value the reply
   * and `api.x()` resolves to it. An `S` builder or plain JSON Schema.
   */
  reply<const R extends SchemaLike>(schema: R): MessageBuilder<Name, Payload, PayloadType<R>> {
    this.fields.reply = toPayloadSchema(schema, this.name, 'reply')
    return this as unknown as MessageBuilder<Name, Payload, PayloadType<R>>
  }

  /** Adds roles allowed to send this message (names or role builders); repeats are ignored. */
  from(...roles: RoleRef[]): this {
    const list = this.fromRoles ?? []
    for (const ref of roles) {
      const roleName = typeof ref === 'string' ? ref : (ref as { name?: unknown } | null)?.name
      assertName('role', roleName, { message: this.name })
      if (!list.includes(roleName)) list.push(roleName)
    }
    this.fromRoles = list
    return this
  }

  override valueOf(): MessageDoc {
    const from = this.fromRoles
    return emit(this.fields, { from: { build: () => [...(from ?? [])], always: from !== undefined } }) as MessageDoc
  }
}

/* @__NO_SIDE_EFFECTS__ */
export function message<const Name extends string>(name: Name): MessageBuilder<Name, unknown> {
  return new MessageBuilder(name)
}

/** Rebuilds a message builder from its document, keeping unknown fields and key order. */
export function messageFromDoc(name: string, doc: MessageDoc, where: OpenWsErrorDetails = {}): MessageBuilder<string, unknown> {
  if (!isPlainObject(doc)) {
    throw openwsError('OPENWS_ERR_INVALID_SPEC', `a message must be an object, got ${describe(doc)}`, { ...where, message: name })
  }
  const from = Array.isArray(doc.from) ? doc.from.map(String) : undefined
  // A non-array `from` (only possible in unvalidated input) stays a plain field.
  const fields = absorb(doc, from ? ['from'] : [])
  return new MessageBuilder(name, fields, from)
}

function toPayloadSchema(schema: unknown, messageName: string, field: 'payload' | 'reply' = 'payload'): JsonSchema {
  if (isSchemaBuilder(schema) || typeof schema === 'boolean' || isPlainObject(schema)) {
    try {
      return toJsonSchema(schema as SchemaLike)
    } catch (cause) {
      throw openwsError('OPENWS_ERR_INVALID_SCHEMA', `${field} is not plain JSON Schema data: ${(cause as Error)?.message}`, {
        message: messageName,
        cause,
      })
    }
  }
  throw openwsError(
    'OPENWS_ERR_INVALID_SCHEMA',
    `${field} must be an S builder, a JSON Schema object or a boolean, got ${describe(schema)}`,
    { message: messageName },
  )
}
