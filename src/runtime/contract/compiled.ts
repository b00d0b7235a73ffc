// What transformer output calls instead of a style's bindings(...): the bindings of a network
// the transformer already normalised and compiled. Nothing is read from classes, decorators or
// schema builders here; the artifact carries the network literal and the generated code.
import type { CompiledArtifact } from '../artifact/types'
import { envelopeValidator } from '../envelope/validators'
import { validatorHelpers, type ValidatorHelpers } from '../validate/helpers'
import { createCore, emptyRoutes, remoteRoles } from './shared/core'
import { FluentRoleBinder } from './fluent/role-binder'
import type { BindingsCore, HandlerTarget, LifecycleHooks } from './types'

export interface CompiledParts {
  /** 'class' for class-first and decorator styles (routes known), 'fluent' (routes filled by .on()). */
  style: 'class' | 'fluent'
  /** Class styles: messageName -> sender role -> host method name. */
  routes?: Record<string, Record<string, string>>
  hostClass?: new () => object
}

/** What the transformer emits: the artifact without the envelope validator, which is network-independent. */
export type EmittedArtifact = Omit<CompiledArtifact, 'envelope'>

/** The transformer's output: `(h) => artifact`, h = the validator helpers generated code uses. */
export type ArtifactFactory = (h: ValidatorHelpers) => EmittedArtifact

/**
 * Runs the transformer's factory and completes the artifact with the runtime's generated envelope
 * validator (the payload is not descended into, so one validator serves every depth limit).
 */
export function artifactOf(make: ArtifactFactory): CompiledArtifact {
  return { ...make(validatorHelpers), envelope: envelopeValidator() }
}

/**
 * What transformer output calls in place of bindings(...): the only openws export generated code
 * needs (`import * as __openws_rt from 'openws'`).
 */
export function compiledBindings(make: ArtifactFactory, parts: CompiledParts): BindingsCore {
  const artifact = artifactOf(make)
  const { network, hostRole } = artifact
  if (parts.style === 'class') {
    const routes: Record<string, Record<string, HandlerTarget>> = emptyRoutes(network, hostRole)
    for (const [name, bySender] of Object.entries(parts.routes ?? {})) {
      for (const [sender, method] of Object.entries(bySender)) routes[name][sender] = method
    }
    const core = createCore({ network, hostRole, routes, hostClass: parts.hostClass, freezeRoutes: true })
    core.compiled = artifact
    return core
  }
  const routes = emptyRoutes(network, hostRole)
  const lifecycle: Record<string, LifecycleHooks> = Object.create(null)
  const fromRoles: Record<string, FluentRoleBinder> = Object.create(null)
  for (const role of remoteRoles(network, hostRole)) {
    lifecycle[role] = {}
    fromRoles[role] = new FluentRoleBinder({ network, hostRole, role, routes, hooks: lifecycle[role] })
  }
  const core = createCore({ network, hostRole, routes, lifecycle, freezeRoutes: false })
  return { ...core, compiled: artifact, fromRoles: Object.freeze(fromRoles) } as BindingsCore
}
