// spec(openwsVersion, title?): the whole OpenWS document — one or more networks plus document info.
import type { BindingsCore } from '../contract/types'
import { openwsError } from '../openws-error'
import type { NetworkIR, OpenWsDocument, OpenWsVersion } from '../ir/types'
import { assertNetwork } from './assert-network'
import { FieldsBuilder } from './base'
import { absorb, describe, emit, isBuilder, setField } from './fields'
import { networkFromDoc, networkFromIR } from './network'
import type { AnyNetworkBuilder, NetworkName, WithEntry } from './types'
import { validate } from './validate'

export class SpecBuilder<Networks extends Record<string, AnyNetworkBuilder> = {}> extends FieldsBuilder {
  readonly kind = 'openws.spec' as const
  declare readonly '~types': { readonly networks: Networks }
  /** In insertion order. @internal */
  readonly networks = new Map<string, AnyNetworkBuilder>()

  /** Sets the document's `version` (of the described API, not of OpenWS). */
  version(v: string): this {
    this.fields.version = v
    return this
  }

  title(t: string): this {
    this.fields.title = t
    return this
  }

  /**
   * Adds a network: a `network(...)` builder, a plain NetworkIR such as `binder.network`, or the
   * bindings themselves (plain input is copied, so later changes to it do not leak in).
   */
  network<N extends AnyNetworkBuilder>(n: N): SpecBuilder<WithEntry<Networks, NetworkName<N>, N>>
  network(n: NetworkIR | BindingsCore): SpecBuilder<WithEntry<Networks, string, AnyNetworkBuilder>>
  network(n: AnyNetworkBuilder | NetworkIR | BindingsCore): SpecBuilder<any> {
    const builder = isBuilder(n, 'openws.network')
      ? (n as AnyNetworkBuilder)
      : networkFromIR((n as Partial<BindingsCore>)?.kind === 'openws.bindings' ? (n as BindingsCore).network : (n as NetworkIR))
    if (this.networks.has(builder.name)) {
      throw openwsError(
        'OPENWS_ERR_INVALID_SPEC',
        'this document already has a network with this name; rename one of them or drop the second .network() call',
        { network: builder.name },
      )
    }
    this.networks.set(builder.name, builder)
    return this
  }

  override valueOf(): OpenWsDocument {
    return emit(this.fields, { networks: { build: () => this.buildNetworks(), always: true } }) as OpenWsDocument
  }

  /**
   * Checks the document against the OpenWS document schema, then each network's semantics
   * (from lists, names, payload schemas). Host marks are optional here. Throws OpenWsError.
   */
  assertValid(): this {
    validate(this.valueOf())
    for (const [name, n] of this.networks) assertNetwork(n.valueOf(), { requireHost: false, networkName: name })
    return this
  }

  /** @internal */
  buildNetworks(): OpenWsDocument['networks'] {
    const out: OpenWsDocument['networks'] = {}
    for (const [name, n] of this.networks) setField(out, name, n.toDoc())
    return out
  }
}

const VERSIONS: readonly OpenWsVersion[] = ['0.0.1', '0.0.2']

/* @__NO_SIDE_EFFECTS__ */
export function spec(openwsVersion: OpenWsVersion, title?: string): SpecBuilder<{}> {
  if (!VERSIONS.includes(openwsVersion)) {
    throw openwsError('OPENWS_ERR_INVALID_SPEC', `openws version must be one of ${VERSIONS.join(', ')}, got ${describe(openwsVersion)}`)
  }
  const fields: Record<string, unknown> = { openws: openwsVersion }
  if (title !== undefined) fields.title = title
  return new SpecBuilder(fields)
}

/** Rebuilds a spec builder from an already validated document (see fromJson). @internal */
export function specFromValidDoc(doc: OpenWsDocument): SpecBuilder<Record<string, AnyNetworkBuilder>> {
  const builder = new SpecBuilder<Record<string, AnyNetworkBuilder>>(absorb(doc, ['networks']))
  for (const [name, network] of Object.entries(doc.networks)) builder.networks.set(name, networkFromDoc(name, network))
  return builder
}
