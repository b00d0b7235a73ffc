// Lifecycle hooks of one remote role, resolved once per runtime: the host's handleOpen/handleClose/
// handleError methods (class and decorator styles) and the fluent onOpen/onClose/onError hooks.
import type { BindingsCore } from '../contract/types'

interface BoundHook {
  fn: (this: unknown, role: string, peer: object, error?: unknown) => unknown
  self: unknown
}

export interface RoleHooks {
  open: BoundHook[]
  close: BoundHook[]
  error: BoundHook[]
}

const NONE: RoleHooks = { open: [], close: [], error: [] }

export function resolveHooks(binder: BindingsCore, host: object | undefined, role: string): RoleHooks {
  const lifecycle = binder.lifecycle !== undefined && Object.hasOwn(binder.lifecycle, role) ? binder.lifecycle[role] : undefined
  const h = host as Record<string, unknown> | undefined
  const pick = (hostMethod: string, fluent: unknown): BoundHook[] => {
    const list: BoundHook[] = []
    if (h !== undefined && typeof h[hostMethod] === 'function') list.push({ fn: h[hostMethod] as BoundHook['fn'], self: h })
    if (typeof fluent === 'function') list.push({ fn: fluent as BoundHook['fn'], self: undefined })
    return list
  }
  const hooks: RoleHooks = {
    open: pick('handleOpen', lifecycle?.onOpen),
    close: pick('handleClose', lifecycle?.onClose),
    error: pick('handleError', lifecycle?.onError),
  }
  return hooks.open.length + hooks.close.length + hooks.error.length === 0 ? NONE : hooks
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  )
}

/**
 * Runs hooks one after another, awaiting each promise. Returns undefined when all ran
 * synchronously, else a promise. A throw propagates (sync) or rejects (async) to the caller.
 */
export function runHooks(list: BoundHook[], role: string, peer: object, error?: unknown, from = 0): unknown {
  for (let i = from; i < list.length; i++) {
    const hook = list[i]! // i < list.length
    const r = hook.fn.call(hook.self, role, peer, error)
    if (isThenable(r)) {
      return i + 1 === list.length ? r : Promise.resolve(r).then(() => runHooks(list, role, peer, error, i + 1))
    }
  }
  return undefined
}
