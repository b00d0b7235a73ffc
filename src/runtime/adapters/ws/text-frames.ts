// How the server writes text frames to `ws` sockets. A group broadcast hands the same frame text to
// every member, one after the other: the WebSocket frame (header + UTF-8 bytes) is built once for
// that text and the same Buffer is written to each socket (socket.io's `wsPreEncodedFrame`).
// Writes of one tick are batched per socket: the first write in a tick corks the socket and a
// single process.nextTick uncorks them all, so N frames to one peer become one writev.
//
// The direct write bypasses `ws`'s Sender, which only queues while it compresses (permessage-deflate)
// or reads a Blob. Sockets with an extension negotiated, or whose Sender is busy, or a `ws` without
// the internals relied on here, go through `ws.send` (same bytes, same order). Back-pressure is
// unchanged: `bufferedAmount` counts the corked bytes (they sit in the socket's writable buffer).
import type { WebSocket } from 'ws'
import { clampReason, isSendableCloseCode, ReadyState, type SocketContext } from '../socket'

/** The `ws` internals the direct path uses (ws 8). */
interface WsInternals {
  readonly extensions: string
  _socket?: { write(chunk: Buffer): boolean; cork(): void; uncork(): void }
  _sender?: { _state?: number }
}

// A frame built for a text is kept until the next text: the members of a broadcast get the same
// bytes. Only frames up to this size are kept (a large one is rebuilt per member instead).
const KEEP_BYTES = 64 * 1024
let lastText: string | undefined
let lastFrame: Buffer | undefined

/** One unmasked, final text frame carrying `text` (RFC 6455 §5.2), as one Buffer. */
export function textFrame(text: string): Buffer {
  if (text === lastText && lastFrame !== undefined) return lastFrame
  const length = Buffer.byteLength(text)
  const offset = length < 126 ? 2 : length < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(offset + length)
  frame[0] = 0x81 // FIN + opcode 1 (text)
  if (offset === 2) {
    frame[1] = length
  } else if (offset === 4) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeUInt32BE(Math.floor(length / 0x100000000), 2)
    frame.writeUInt32BE(length >>> 0, 6)
  }
  frame.write(text, offset, 'utf8')
  if (length <= KEEP_BYTES) {
    lastText = text
    lastFrame = frame
  } else {
    lastText = lastFrame = undefined
  }
  return frame
}

/** Contexts whose socket was corked this tick. */
const corked: WsContext[] = []

function uncorkAll(): void {
  // A write from inside uncork() (a callback) corks again and schedules its own tick.
  const list = corked.splice(0)
  for (const context of list) {
    context.corked = false
    context.socket?.uncork()
  }
}

class WsContext implements SocketContext {
  corked = false
  /** The raw socket when frames may be written to it directly (no extension: they are negotiated once, at the upgrade). */
  readonly socket: WsInternals['_socket']
  private readonly sender: WsInternals['_sender']

  constructor(readonly raw: WebSocket) {
    const internals = raw as unknown as WsInternals
    this.socket = internals.extensions === '' ? internals._socket : undefined
    this.sender = internals._sender
  }

  send(data: string): void {
    const ws = this.raw
    if (ws.readyState !== ReadyState.open) return
    const socket = this.socket
    if (socket === undefined || this.sender?._state !== 0) {
      ws.send(data)
      return
    }
    if (!this.corked) {
      this.corked = true
      socket.cork()
      if (corked.push(this) === 1) process.nextTick(uncorkAll)
    }
    socket.write(textFrame(data))
  }

  close(code: number, reason: string): void {
    const state = this.raw.readyState
    if (state === ReadyState.closing || state === ReadyState.closed) return
    this.raw.close(isSendableCloseCode(code) ? code : 1011, clampReason(reason))
  }

  ping(): void {
    this.raw.ping()
  }

  terminate(): void {
    this.raw.terminate()
  }

  get bufferedAmount(): number {
    return this.raw.bufferedAmount
  }

  get readyState(): number {
    return this.raw.readyState
  }
}

/** The platform-neutral context of a server-side `ws` socket. */
export function wsContext(ws: WebSocket): SocketContext {
  return new WsContext(ws)
}
