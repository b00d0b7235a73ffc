// Client heartbeat. Where the socket can ping (Node's `ws`), the client pings every `intervalMs`
// and drops a connection whose pong did not come within `timeoutMs`, which triggers a reconnect.
// Browsers expose no ping API: there the server's pings (answered by the browser itself) keep the
// link alive and a dead link surfaces as a close event.
import { openwsError } from '../../openws-error'

export interface HeartbeatOptions {
  /** Default 25 000 ms. */
  intervalMs?: number
  /** Default 10 000 ms. */
  timeoutMs?: number
}

export type ResolvedHeartbeat = Required<HeartbeatOptions>

export function resolveHeartbeat(options: HeartbeatOptions | boolean | undefined): ResolvedHeartbeat | undefined {
  if (options === false) return undefined
  const merged = { intervalMs: 25_000, timeoutMs: 10_000, ...(typeof options === 'object' ? options : {}) }
  if (!(merged.intervalMs > 0) || !(merged.timeoutMs > 0)) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'heartbeat.intervalMs and heartbeat.timeoutMs must be > 0')
  }
  return merged
}

/** The pieces of Node's `ws` socket the heartbeat uses. */
interface PingableSocket {
  ping(): void
  on(event: 'pong', listener: () => void): unknown
  off(event: 'pong', listener: () => void): unknown
  terminate(): void
}

function isPingable(socket: unknown): socket is PingableSocket {
  const s = socket as Partial<PingableSocket> | null
  return (
    !!s && typeof s.ping === 'function' && typeof s.on === 'function' && typeof s.off === 'function' && typeof s.terminate === 'function'
  )
}

/** Starts pinging `socket` if it can be pinged; returns the stop function. */
export function startHeartbeat(socket: unknown, options: ResolvedHeartbeat): () => void {
  if (!isPingable(socket)) return () => {}
  let deadline: ReturnType<typeof setTimeout> | undefined
  const onPong = (): void => {
    if (deadline !== undefined) clearTimeout(deadline)
    deadline = undefined
  }
  socket.on('pong', onPong)
  const interval = setInterval(() => {
    if (deadline !== undefined) return
    try {
      socket.ping()
    } catch {
      return
    }
    deadline = setTimeout(() => socket.terminate(), options.timeoutMs)
  }, options.intervalMs)
  return () => {
    clearInterval(interval)
    if (deadline !== undefined) clearTimeout(deadline)
    socket.off('pong', onPong)
  }
}
