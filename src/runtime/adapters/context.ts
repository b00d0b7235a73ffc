// The per-connection context `authenticate` returns, readable from handlers and lifecycle hooks
// with `contextOf(api)`: the `api` (peer) a handler receives identifies its connection.
// A WeakMap rather than a property on the peer, because a peer's keys are its message names and
// any name (`context` included) may be a message.

const contexts = new WeakMap<object, { value: unknown }>()

// The session creates a peer inside `open()` and runs `handleOpen(role, peer)` before `open()`
// returns, i.e. before the adapter can link that peer. While an adapter opens a session it parks
// the context here; the only unlinked peer a hook can meet in that window is the new one.
let opening: { value: unknown } | undefined

/** Runs `open` (a session.open or a first-frame receive) with `context` parked for its hooks. @internal */
export function withOpeningContext<T>(context: unknown, open: () => T): T {
  const previous = opening
  opening = { value: context }
  try {
    return open()
  } finally {
    opening = previous
  }
}

/** Links a session's peer to its connection's context (every peer, even without one). @internal */
export function bindContext(peer: object | undefined, context: unknown): void {
  if (peer !== undefined && !contexts.has(peer)) contexts.set(peer, { value: context })
}

/**
 * The context `authenticate` granted to the connection behind `api` (a handler's second argument
 * or a lifecycle hook's peer, `handleOpen` included); undefined when there is none.
 */
export function contextOf<Context = unknown>(api: object): Context | undefined {
  let entry = contexts.get(api)
  if (entry === undefined && opening !== undefined && api !== null && typeof api === 'object') {
    entry = opening
    contexts.set(api, entry)
  }
  return entry?.value as Context | undefined
}
