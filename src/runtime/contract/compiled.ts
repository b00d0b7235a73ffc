// What transformer output calls instead of a style's bindings(...): the bindings of a network
// the transformer already normalised and compiled. Nothing is read from classes, decorators or
// schema builders here; the artifact carries the network literal and the generated code.
import type { CompiledArtifact } from '../artifact/types'
import { trapUnknownOutbound } from '../artifact/unknown-outbound'
import { envelopeValidator } from '../envelope/validators'
import { coreHelpers, type ExtraHelpers, type FormatCheck, type ValidatorHelpers } from '../validate/helpers'
import { createCore, routesFor } from './shared/bindings-core'
import { FluentRoleBinder } from './fluent/role-binder'
import type { NetworkIR } from '../ir/types'
import type { BindingsCore, HandlerTarget, LifecycleHooks } from './types'

/** What compiledBindings gets besides the artifact (class-first and decorator styles). */
export interface CompiledParts {
  /** messageName -> sender role -> host method name. */
  routes?: Record<string, Record<string, string>>
  hostClass?: new () => object
  /** The format checks the artifact's validators use, by format name (imported one by one, so unused ones drop out). */
  formats?: Record<string, FormatCheck>
  /** The extra helpers (EXTRA_HELPERS) the artifact's validators call, by `h.` name (imported one by one too). */
  helpers?: Partial<ExtraHelpers>
}

/** What the transformer emits: the artifact without the envelope validator, which is network-independent. */
export type EmittedArtifact = Omit<CompiledArtifact, 'envelope'>

/** The transformer's output: `(h) => artifact`, h = the validator helpers generated code uses. */
export type ArtifactFactory = (h: ValidatorHelpers) => EmittedArtifact

/**
 * Runs the transformer's factory and completes the artifact with the runtime's envelope
 * validator (the payload is not descended into, so one validator serves every depth limit).
 * `formats` and `helpers` must hold every format check and extra helper the artifact's validators use.
 */
export function artifactOf(
  make: ArtifactFactory,
  formats: Record<string, FormatCheck> = {},
  helpers: Partial<ExtraHelpers> = {},
): CompiledArtifact {
  const h = {
    ...coreHelpers,
    ...helpers,
    formats: Object.assign(Object.create(null) as Record<string, FormatCheck>, formats),
  } as ValidatorHelpers
  return complete(make, h)
}

function complete(make: ArtifactFactory, h: ValidatorHelpers): CompiledArtifact {
  const artifact = make(h)
  // Assigned, not spread: spreading would read (and so build) the lazy `network` literal.
  // Unknown names answer OPENWS_ERR_OUTBOUND_UNKNOWN, as the interpreter's APIs do.
  Object.assign(artifact, { envelope: envelopeValidator(), outbound: trapUnknownOutbound(artifact.outbound) })
  // The same factory again with `h.maxDepth`, for a runtime whose limits.maxDepth is above the
  // depth the validators were generated for: emitted validators read `h.maxDepth` (see
  // CompiledArtifact.withDepth) and answer with validators of that depth.
  Object.defineProperty(artifact, 'withDepth', { value: (maxDepth: number) => complete(make, { ...h, maxDepth } as ValidatorHelpers) })
  return artifact as CompiledArtifact
}

/**
 * What transformer output calls in place of a class-first or decorator bindings(...) call: with
 * compiledFluentBindings, the only openws exports generated code needs (`import * as __openws_rt
 * from 'openws'`, plus the format checks). Two functions, not one with a style switch, so a
 * bundle keeps only its style's. The network literal is read lazily (binder.network is a getter),
 * so start-up does not pay for parsing the spec of a large network.
 */
export function compiledBindings(make: ArtifactFactory, parts: CompiledParts): BindingsCore {
  const artifact = artifactOf(make, parts.formats, parts.helpers)
  const routes = routesFor(artifact.inbound.messages)
  for (const [name, bySender] of Object.entries(parts.routes ?? {})) {
    const table = routes[name]
    if (table === undefined) throw new TypeError(`compiledBindings: a route for "${name}", which the artifact does not receive`)
    for (const [sender, method] of Object.entries(bySender)) table[sender] = method
  }
  const core = createCore({
    network: () => artifact.network,
    hostRole: artifact.hostRole,
    routes,
    hostClass: parts.hostClass,
    freezeRoutes: true,
  })
  core.compiled = artifact
  return core
}

/** compiledBindings for the fluent style: routes are filled by `binder.fromRoles[role].on(...)`. */
export function compiledFluentBindings(make: ArtifactFactory, parts: Pick<CompiledParts, 'formats' | 'helpers'> = {}): BindingsCore {
  const artifact = artifactOf(make, parts.formats, parts.helpers)
  const { hostRole } = artifact
  const network = (): NetworkIR => artifact.network
  // Empty: `.on()` adds a message's table when it registers its first handler (the runtime reads
  // missing tables as "no handler"). A table per message up front cost 1.3 ms of start-up on 1000.
  const routes: Record<string, Record<string, HandlerTarget>> = Object.create(null)
  const lifecycle: Record<string, LifecycleHooks> = Object.create(null)
  const fromRoles: Record<string, FluentRoleBinder> = Object.create(null)
  for (const role of artifact.remoteRoles) {
    lifecycle[role] = {}
    // The binder reads `network` when a handler is registered, not before.
    fromRoles[role] = new FluentRoleBinder({
      get network() {
        return network()
      },
      hostRole,
      role,
      routes,
      hooks: lifecycle[role],
    })
  }
  const core = createCore({ network, hostRole, routes, lifecycle, freezeRoutes: false })
  // Assigned, not spread: spreading would read the lazy `network`.
  return Object.assign(core, { compiled: artifact, fromRoles: Object.freeze(fromRoles) })
}
