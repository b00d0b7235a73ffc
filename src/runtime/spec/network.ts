// network(name): a set of roles that talk to each other. `valueOf()` is the NetworkIR every style produces.
import { openwsError } from '../openws-error'
import type { NetworkDoc, NetworkIR } from '../ir/types'
import { FieldsBuilder } from './base'
import { absorb, describe, emit, isBuilder, isPlainObject, setField } from './fields'
import { assertName } from './names'
import { roleFromDoc } from './role'
import type { AnyRoleBuilder, RoleName, WithEntry } from './types'

export class NetworkBuilder<Name extends string = string, Roles extends Record<string, AnyRoleBuilder> = {}> extends FieldsBuilder {
  readonly kind = 'openws.network' as const
  declare readonly '~types': { readonly network: Name; readonly roles: Roles }
  readonly name: Name
  /** In insertion order. @internal */
  readonly roles = new Map<string, AnyRoleBuilder>()

  constructor(name: Name, fields: Record<string, unknown> = {}) {
    super(fields)
    assertName('network', name, { network: name })
    this.name = name
  }

  /** Adds a role. A second role with the same name throws OPENWS_ERR_DUPLICATE_ROLE. */
  role<R extends AnyRoleBuilder>(r: R): NetworkBuilder<Name, WithEntry<Roles, RoleName<R>, R>> {
    if (!isBuilder(r, 'openws.role')) {
      throw openwsError('OPENWS_ERR_INVALID_SPEC', `network.role() takes role(name)..., got ${describe(r)}`, {
        network: this.name,
      })
    }
    if (this.roles.has(r.name)) {
      throw openwsError(
        'OPENWS_ERR_DUPLICATE_ROLE',
        'this network already has a role with this name; rename one of them or drop the second .role() call',
        { network: this.name, role: r.name },
      )
    }
    this.roles.set(r.name, r)
    return this as never
  }

  /** The NetworkIR: `{name, description?, roles, ...extensions}`. */
  override valueOf(): NetworkIR {
    const ir: Record<string, unknown> = { name: this.name }
    const doc = this.toDoc()
    for (const key of Object.keys(doc)) if (key !== 'name') setField(ir, key, doc[key])
    return ir as NetworkIR
  }

  /** The network as it sits in a document's `networks` map (no `name`; the key is the name). */
  toDoc(): NetworkDoc {
    return emit(this.fields, { roles: { build: () => this.buildRoles(), always: true } }) as NetworkDoc
  }

  /** @internal */
  buildRoles(): NetworkDoc['roles'] {
    const out: NetworkDoc['roles'] = {}
    for (const [name, r] of this.roles) setField(out, name, r.valueOf())
    return out
  }
}

/* @__NO_SIDE_EFFECTS__ */
export function network<const Name extends string>(name: Name): NetworkBuilder<Name, {}> {
  return new NetworkBuilder(name)
}

/**
 * Rebuilds a network builder from a document entry (`name` is the key) or from a NetworkIR
 * (`name` taken from the IR and not kept as a field).
 */
export function networkFromDoc(
  name: string,
  doc: NetworkDoc,
  dropNameField = false,
): NetworkBuilder<string, Record<string, AnyRoleBuilder>> {
  if (!isPlainObject(doc)) {
    throw openwsError('OPENWS_ERR_INVALID_SPEC', `a network must be an object, got ${describe(doc)}`, { network: name })
  }
  const fields = absorb(doc, ['roles'])
  if (dropNameField) delete fields.name
  const builder = new NetworkBuilder<string, Record<string, AnyRoleBuilder>>(name, fields)
  const roles = isPlainObject(doc.roles) ? doc.roles : {}
  for (const [key, role] of Object.entries(roles)) builder.roles.set(key, roleFromDoc(key, role, name))
  return builder
}

export function networkFromIR(ir: NetworkIR): NetworkBuilder<string, Record<string, AnyRoleBuilder>> {
  if (!isPlainObject(ir)) {
    throw openwsError('OPENWS_ERR_INVALID_SPEC', `spec.network() takes network(name)... or a NetworkIR, got ${describe(ir)}`)
  }
  return networkFromDoc(ir.name, ir, true)
}
