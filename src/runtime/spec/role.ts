// role(name): a participant of a network — the messages it accepts, its endpoints, the host mark.
import { openwsError } from '../openws-error'
import { HOST_MARK, type EndpointDoc, type RoleDoc } from '../ir/types'
import { FieldsBuilder } from './base'
import { endpointFromDoc, isEndpointBuilder, type EndpointBuilder } from './endpoint'
import { absorb, describe, emit, isBuilder, isPlainObject } from './fields'
import { messageFromDoc, type NoReply } from './message'
import { assertName } from './names'
import type { AnyMessageBuilder, MessageName, MessagePayload, MessageReply, WithEntry } from './types'

export class RoleBuilder<
  Name extends string = string,
  Messages extends Record<string, unknown> = {},
  Host extends boolean = false,
  Replies extends Record<string, unknown> = {},
> extends FieldsBuilder {
  readonly kind = 'openws.role' as const
  declare readonly '~types': { readonly role: Name; readonly messages: Messages; readonly host: Host; readonly replies: Replies }
  readonly name: Name
  /** In insertion order. @internal */
  readonly messages = new Map<string, AnyMessageBuilder>()
  /** @internal */
  readonly endpoints: EndpointBuilder[] = []

  constructor(name: Name, fields: Record<string, unknown> = {}) {
    super(fields)
    assertName('role', name, { role: name })
    this.name = name
  }

  /** Marks this role as the one the host process implements (`x-openws-host: true`). */
  asHost(): RoleBuilder<Name, Messages, true, Replies> {
    this.fields[HOST_MARK] = true
    return this as unknown as RoleBuilder<Name, Messages, true, Replies>
  }

  /** True when the role carries the host mark. */
  get isHost(): boolean {
    return this.fields[HOST_MARK] === true
  }

  /** Adds an endpoint: an `endpoint(...)` builder or a plain `{scheme?, host, port, path}`. */
  endpoint(value: EndpointBuilder | EndpointDoc): this {
    if (isEndpointBuilder(value)) this.endpoints.push(value)
    else if (isPlainObject(value)) this.endpoints.push(endpointFromDoc(value as EndpointDoc))
    else {
      throw openwsError('OPENWS_ERR_INVALID_SPEC', `endpoint must be endpoint(...) or {host, port, path}, got ${describe(value)}`, {
        role: this.name,
      })
    }
    return this
  }

  /** Adds a message this role accepts. A second message with the same name throws OPENWS_ERR_DUPLICATE_MESSAGE. */
  message<M extends AnyMessageBuilder>(
    msg: M,
  ): RoleBuilder<
    Name,
    WithEntry<Messages, MessageName<M>, MessagePayload<M>>,
    Host,
    [MessageReply<M>] extends [NoReply] ? Replies : WithEntry<Replies, MessageName<M>, MessageReply<M>>
  > {
    if (!isBuilder(msg, 'openws.message')) {
      throw openwsError('OPENWS_ERR_INVALID_SPEC', `role.message() takes message(name)..., got ${describe(msg)}`, {
        role: this.name,
      })
    }
    if (this.messages.has(msg.name)) {
      throw openwsError(
        'OPENWS_ERR_DUPLICATE_MESSAGE',
        'this role already has a message with this name; rename one of them or drop the second .message() call',
        { role: this.name, message: msg.name },
      )
    }
    this.messages.set(msg.name, msg)
    return this as never
  }

  override valueOf(): RoleDoc {
    return emit(this.fields, {
      endpoints: { build: () => this.endpoints.map((e) => e.valueOf()), always: this.endpoints.length > 0 },
      messages: { build: () => this.buildMessages(), always: true },
    }) as RoleDoc
  }

  /** @internal */
  buildMessages(): RoleDoc['messages'] {
    const out: RoleDoc['messages'] = {}
    for (const [name, msg] of this.messages) {
      Object.defineProperty(out, name, { value: msg.valueOf(), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
}

/* @__NO_SIDE_EFFECTS__ */
export function role<const Name extends string>(name: Name): RoleBuilder<Name, {}, false> {
  return new RoleBuilder(name)
}

/** Rebuilds a role builder from its document, keeping unknown fields and key order. */
export function roleFromDoc(name: string, doc: RoleDoc, networkName?: string): RoleBuilder<string, Record<string, unknown>, boolean> {
  if (!isPlainObject(doc)) {
    throw openwsError('OPENWS_ERR_INVALID_SPEC', `a role must be an object, got ${describe(doc)}`, { network: networkName, role: name })
  }
  const children = ['messages', ...(Array.isArray(doc.endpoints) ? ['endpoints'] : [])]
  const builder = new RoleBuilder<string, Record<string, unknown>, boolean>(name, absorb(doc, children))
  if (Array.isArray(doc.endpoints)) for (const e of doc.endpoints) builder.endpoints.push(endpointFromDoc(e))
  const messages = isPlainObject(doc.messages) ? doc.messages : {}
  for (const [key, message] of Object.entries(messages))
    builder.messages.set(key, messageFromDoc(key, message, { network: networkName, role: name }))
  return builder
}
