// The platform-neutral socket context every adapter maps its native socket onto (hono's pattern):
// the connection glue, the server adapters and the client runtime only ever see this shape,
// so one file per platform is all it takes to support another socket library.

/** WebSocket readyState values (the same numbers in browsers, `ws` and undici). */
export const ReadyState = {
  connecting: 0,
  open: 1,
  closing: 2,
  closed: 3,
} as const

export interface SocketContext {
  /** Sends one text frame. Callers check `readyState` first; a send on a closed socket is dropped. */
  send(data: string): void
  /** Starts the closing handshake. Idempotent. */
  close(code: number, reason: string): void
  /** Bytes queued by the platform but not yet written to the network (backpressure signal). */
  readonly bufferedAmount: number
  readonly readyState: number
  /** The native socket, for escape hatches. */
  readonly raw: unknown
  /** Protocol-level ping, where the platform can send one (`ws`; browsers cannot). */
  ping?(): void
  /** Drops the connection without a closing handshake (dead peers). Falls back to `close`. */
  terminate?(): void
}

/**
 * The subset of the DOM `WebSocket` (browsers, Node 22's global, undici) and the `ws` package's
 * `WebSocket` that a context needs; both implement it with the same semantics.
 */
export interface WebSocketLike {
  send(data: string): void
  close(code?: number, reason?: string): void
  readonly bufferedAmount: number
  readonly readyState: number
}

// Close reasons are limited to 123 UTF-8 bytes by RFC 6455; longer ones make `close()` throw.
const MAX_REASON_BYTES = 123

/** Truncates a close reason to what the protocol allows, on a character boundary. */
export function clampReason(reason: string): string {
  if (reason.length <= MAX_REASON_BYTES / 3) return reason
  const bytes = new TextEncoder().encode(reason)
  if (bytes.length <= MAX_REASON_BYTES) return reason
  let out = ''
  let used = 0
  for (const ch of reason) {
    const size = new TextEncoder().encode(ch).length
    if (used + size > MAX_REASON_BYTES) break
    out += ch
    used += size
  }
  return out
}

// Codes an application may put on the wire: 1000 and 3000-4999, plus the 1001-1014 codes
// the protocol allows endpoints to send (1004-1006 and 1015 are reserved for local use).
export function isSendableCloseCode(code: number): boolean {
  return (
    code === 1000 || (code >= 1001 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999)
  )
}

class WebSocketContext implements SocketContext {
  constructor(readonly raw: WebSocketLike) {}

  send(data: string): void {
    if (this.raw.readyState === ReadyState.open) this.raw.send(data)
  }

  close(code: number, reason: string): void {
    const state = this.raw.readyState
    if (state === ReadyState.closing || state === ReadyState.closed) return
    this.raw.close(isSendableCloseCode(code) ? code : 1011, clampReason(reason))
  }

  get bufferedAmount(): number {
    return this.raw.bufferedAmount
  }

  get readyState(): number {
    return this.raw.readyState
  }
}

/** Wraps a DOM-style or `ws` socket. */
export function socketContext(socket: WebSocketLike): SocketContext {
  return new WebSocketContext(socket)
}
