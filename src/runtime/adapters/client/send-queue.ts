// Frames sent while the client is disconnected wait here and are flushed, in order, on reconnect.
// The queue is bounded: past `max` the oldest frame is dropped (newest data wins) and reported.

export class SendQueue {
  #frames: string[] = []
  #head = 0

  constructor(readonly max: number) {}

  get size(): number {
    return this.#frames.length - this.#head
  }

  /** Adds a frame; returns the frame that had to be dropped to make room, if any. */
  push(frame: string): string | undefined {
    if (this.max <= 0) return frame
    let dropped: string | undefined
    if (this.size >= this.max) dropped = this.shift()
    this.#frames.push(frame)
    return dropped
  }

  shift(): string | undefined {
    if (this.#head >= this.#frames.length) return undefined
    const frame = this.#frames[this.#head]
    this.#frames[this.#head++] = ''
    // Compact now and then instead of Array#shift on every call (O(n) each).
    if (this.#head > 64 && this.#head * 2 > this.#frames.length) {
      this.#frames = this.#frames.slice(this.#head)
      this.#head = 0
    }
    return frame
  }

  /** Puts `frames` (in order) ahead of the waiting ones; returns those that had to be dropped. */
  requeue(frames: readonly string[]): string[] {
    if (frames.length === 0) return []
    const all = [...frames, ...this.#frames.slice(this.#head)]
    const keep = Math.max(0, this.max)
    this.#frames = all.slice(Math.max(0, all.length - keep))
    this.#head = 0
    return all.slice(0, Math.max(0, all.length - keep))
  }

  /** Takes these frames out of the queue (requests rejected before they were sent). */
  remove(frames: ReadonlySet<string>): void {
    this.#frames = this.#frames.slice(this.#head).filter((frame) => !frames.has(frame))
    this.#head = 0
  }

  clear(): void {
    this.#frames = []
    this.#head = 0
  }
}

/**
 * The frames sent on the current socket, numbered from 1 like the server counts them, so that the
 * frames a shutting-down server refused (from its `seq` on) can be sent again on the next socket.
 * Keeps the last `max`; older ones are forgotten (and cannot be resent).
 */
export class SentLog {
  #frames: string[] = []
  /** Number of the first frame in `frames`. */
  #first = 1

  constructor(readonly max: number) {}

  add(frame: string): void {
    if (this.max <= 0) {
      this.#first++
      return
    }
    this.#frames.push(frame)
    if (this.#frames.length > this.max * 2) {
      const cut = this.#frames.length - this.max
      this.#frames = this.#frames.slice(cut)
      this.#first += cut
    }
  }

  /** The frames numbered `seq` and later that are still kept. */
  from(seq: number): string[] {
    const start = Math.max(0, seq - this.#first)
    return this.#frames.slice(Math.max(start, this.#frames.length - this.max))
  }

  reset(): void {
    this.#frames = []
    this.#first = 1
  }
}
