// What every authoring style's `bindings(...)` produces and the runtime consumes.
// Shared contract between src/runtime/contract/* (producers) and src/runtime/session (consumer).
import type { NetworkIR } from '../ir/types'

/**
 * How one host message is handled for one sender role:
 * a method name on the host object (class-first, decorators) or a function (fluent).
 */
export type HandlerTarget = string | ((payload: any, api: any) => unknown)

/** Fluent lifecycle hooks for one remote role (class hosts use handleOpen/handleClose/handleError methods). */
export interface LifecycleHooks {
  onOpen?: (fromRole: string, peer: any) => unknown
  onClose?: (fromRole: string, peer: any) => unknown
  onError?: (fromRole: string, peer: any, error: unknown) => unknown
}

export interface BindingsCore {
  /** Brand, so tools can recognise bindings without instanceof. */
  readonly kind: 'openws.bindings'
  /** The normalised network: plain JSON, host role marked with `x-openws-host: true`. */
  readonly network: NetworkIR
  readonly hostRole: string
  /** messageName -> sender role -> handler. Fluent bindings fill it through fromRoles[role].on(). */
  readonly routes: Record<string, Record<string, HandlerTarget>>
  /** Class-first and decorator styles: the host class, constructed once per runtime unless an instance is given. */
  readonly hostClass?: new () => object
  /** Fluent style: lifecycle hooks per remote role. */
  readonly lifecycle: Record<string, LifecycleHooks>
  /** Precompiled artifact attached by the transformer; absent on the interpreted path. */
  compiled?: unknown
  /**
   * Builds the artifact with the eval-free interpreter, for bindings the transformer did not
   * compile. Set by every style's bindings(); compiled bindings leave it out, so a bundle of
   * transformed code never contains the interpreter.
   */
  readonly interpret?: InterpretArtifact
}

/** `(network, hostRole, maxDepth) => artifact`: the interpreter's entry, carried by the bindings. */
export type InterpretArtifact = (network: NetworkIR, hostRole: string, maxDepth: number) => unknown
