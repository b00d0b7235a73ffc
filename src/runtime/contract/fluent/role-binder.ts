// binder.fromRoles[role]: register what the host does when that remote role sends a message,
// and its lifecycle hooks. The message's `from` list is enforced here, at definition time.
import { openwsError } from '../../openws-error'
import type { NetworkIR } from '../../ir/types'
import { allowedSenders, roleDoc } from '../shared/bindings-core'
import { show } from '../shared/show'
import type { HandlerTarget, LifecycleHooks } from '../types'

export interface RoleBinderParts {
  network: NetworkIR
  hostRole: string
  role: string
  routes: Record<string, Record<string, HandlerTarget>>
  hooks: LifecycleHooks
}

/** The runtime shape; fluent/types.ts gives it its typed face. */
export class FluentRoleBinder {
  readonly role: string
  readonly #parts: RoleBinderParts

  constructor(parts: RoleBinderParts) {
    this.role = parts.role
    this.#parts = parts
  }

  /** Handles `messageName` when this role sends it. Throws at once for unknown or disallowed messages. */
  on(messageName: string, handler: (payload: any, api: any) => unknown): this {
    const { network, hostRole, role, routes } = this.#parts
    const where = { network: network.name, role: hostRole, message: typeof messageName === 'string' ? messageName : undefined }
    const messages = roleDoc(network, hostRole).messages
    if (typeof messageName !== 'string' || !Object.prototype.hasOwnProperty.call(messages, messageName)) {
      throw openwsError(
        'OPENWS_ERR_UNKNOWN_MESSAGE',
        `host role "${hostRole}" has no message ${show(messageName)} (messages: ${Object.keys(messages).join(', ') || 'none'}); add it to the host role or fix the name`,
        where,
      )
    }
    if (typeof handler !== 'function') {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', `the handler for role "${role}" must be a function, got ${show(handler)}`, where)
    }
    const allowed = allowedSenders(network, hostRole, messageName)
    if (!allowed.includes(role)) {
      throw openwsError(
        'OPENWS_ERR_HANDLER_NOT_ALLOWED',
        `role "${role}" may not send this message (from: ${allowed.join(', ') || 'nobody'}); register the handler on an allowed role or add "${role}" to its from list`,
        where,
      )
    }
    const table = (routes[messageName] ??= Object.create(null) as Record<string, HandlerTarget>)
    if (table[role] !== undefined) {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', `a handler for this message from role "${role}" is already registered`, where)
    }
    table[role] = handler
    return this
  }

  /** Called when a connection of this role opens. */
  onOpen(fn: NonNullable<LifecycleHooks['onOpen']>): this {
    return this.#hook('onOpen', fn)
  }

  /** Called when a connection of this role closes. */
  onClose(fn: NonNullable<LifecycleHooks['onClose']>): this {
    return this.#hook('onClose', fn)
  }

  /** Called when a connection of this role fails. */
  onError(fn: NonNullable<LifecycleHooks['onError']>): this {
    return this.#hook('onError', fn)
  }

  #hook(name: keyof LifecycleHooks, fn: unknown): this {
    const { network, role, hooks } = this.#parts
    const where = { network: network.name, role }
    if (typeof fn !== 'function') throw openwsError('OPENWS_ERR_INVALID_OPTION', `${name} needs a function, got ${show(fn)}`, where)
    if (hooks[name] !== undefined) throw openwsError('OPENWS_ERR_INVALID_OPTION', `${name} is already set for this role`, where)
    ;(hooks as Record<string, unknown>)[name] = fn
    return this
  }
}
