// A tiny typed event emitter for client lifecycle events (no Node `events` import: browser-safe).

export type Listener<T> = (event: T) => void

export class Emitter<Events extends { [K in keyof Events]: unknown }> {
  #listeners: { [K in keyof Events]?: Set<Listener<Events[K]>> } = {}

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
    const set = (this.#listeners[name] ??= new Set())
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }

  /** Calls every listener; a listener that throws is reported through `onListenerError`, the others still run. */
  emit<K extends keyof Events>(name: K, event: Events[K], onListenerError: (error: unknown) => void): void {
    const set = this.#listeners[name]
    if (!set) return
    for (const listener of [...set]) {
      try {
        listener(event)
      } catch (error) {
        onListenerError(error)
      }
    }
  }

  clear(): void {
    this.#listeners = {}
  }
}
