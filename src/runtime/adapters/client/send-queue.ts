// Frames sent while the client is disconnected wait here and are flushed, in order, on reconnect.
// The queue is bounded: past `max` the oldest frame is dropped (newest data wins) and reported.

export class SendQueue {
  private frames: string[] = []
  private head = 0

  constructor(readonly max: number) {}

  get size(): number {
    return this.frames.length - this.head
  }

  /** Adds a frame; returns the frame that had to be dropped to make room, if any. */
  push(frame: string): string | undefined {
    if (this.max <= 0) return frame
    let dropped: string | undefined
    if (this.size >= this.max) dropped = this.shift()
    this.frames.push(frame)
    return dropped
  }

  shift(): string | undefined {
    if (this.head >= this.frames.length) return undefined
    const frame = this.frames[this.head]
    this.frames[this.head++] = ''
    // Compact now and then instead of Array#shift on every call (O(n) each).
    if (this.head > 64 && this.head * 2 > this.frames.length) {
      this.frames = this.frames.slice(this.head)
      this.head = 0
    }
    return frame
  }

  clear(): void {
    this.frames = []
    this.head = 0
  }
}
