// Types for the static CONFIG of class-first roles (optional: CONFIG works untyped in JS).
import type { EndpointDoc } from '../../ir/types'

type RoleClassRef = abstract new (...args: any) => any

/** `from`: sender role classes (or role names). */
export type FromRef = RoleClassRef | string

export interface MessageConfig {
  payload: unknown
  description?: string
  from?: FromRef | readonly FromRef[]
  [extension: `x-${string}`]: unknown
}

export interface HandlerConfig extends MessageConfig {}

export type EndpointLike = EndpointDoc | { readonly kind: 'openws.endpoint'; valueOf(): EndpointDoc }

/** `static CONFIG` of a role class: `messages` for remote roles, `handlers` for the host. */
export interface RoleConfig {
  name?: string
  description?: string
  version?: string
  endpoints?: readonly EndpointLike[]
  messages?: Record<string, MessageConfig>
  handlers?: Record<string, HandlerConfig>
  [extension: `x-${string}`]: unknown
}

/** `bindings({name, description?, roles})`. */
export interface NetworkConfig {
  name: string
  description?: string
  /** Role classes; classes named only in `from` lists are picked up too. */
  roles: readonly Function[]
  /**
   * The role this process implements (a role class or name). Default: the one role whose class
   * implements its messages (e.g. `class ServerImpl extends Server`), else the one with `handlers`.
   */
  host?: Function | string
  [extension: `x-${string}`]: unknown
}
