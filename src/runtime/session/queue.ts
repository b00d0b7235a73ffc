// The per-session inbound queue: messages waiting behind a running handler, in arrival order.
// A flat array of [messageName, payload, id, resolve] from `head`, so queueing allocates nothing
// beyond the array's own growth, and the array is reset (not reallocated) when it drains.
import type { EnvelopeId } from '../envelope/types'

export type Resolve = (() => void) | undefined

export class InboundQueue {
  private readonly items: unknown[] = []
  private head = 0
  // The entry last taken by `take()`.
  name = ''
  payload: unknown = undefined
  id: EnvelopeId | undefined = undefined
  resolve: Resolve = undefined

  get size(): number {
    return (this.items.length - this.head) / 4
  }

  push(name: string, payload: unknown, id: EnvelopeId | undefined, resolve: Resolve): void {
    this.items.push(name, payload, id, resolve)
  }

  /** Moves the oldest entry into `name`/`payload`/`id`/`resolve`; false when empty (and resets). */
  take(): boolean {
    const q = this.items
    const h = this.head
    if (h >= q.length) {
      q.length = 0
      this.head = 0
      return false
    }
    this.name = q[h] as string
    this.payload = q[h + 1]
    this.id = q[h + 2] as EnvelopeId | undefined
    this.resolve = q[h + 3] as Resolve
    q[h + 1] = q[h + 3] = undefined // let the payload be collected
    this.head = h + 4
    return true
  }

  /** Forgets every waiting message, resolving the promises handed out for them. */
  drop(): void {
    const q = this.items
    for (let h = this.head + 3; h < q.length; h += 4) (q[h] as Resolve)?.()
    q.length = 0
    this.head = 0
  }
}
