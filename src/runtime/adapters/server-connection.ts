// One server-side connection: binds a socket context to a runtime session. Transport only —
// decoding, size limits, the role check, validation and dispatch all happen in the session.
import type { ServerHub } from './server-hub'
import { ReadyState, type SocketContext } from './socket'
import { bindContext, withOpeningContext } from './context'

type Session = ReturnType<ServerHub['runtime']['newSession']>

export class ServerConnection<Context = unknown> {
  readonly session: Session
  /** Set once: at admission, or from the first frame when the application opted in. */
  role: string | undefined
  /** The role known at the upgrade (counted for maxConnectionsPerRole); undefined for first-frame roles. */
  readonly admittedRole: string | undefined
  private alive = true
  private closed = false
  private resolveFinished!: () => void
  private resolveSocketClosed!: () => void
  /** Resolves once the session closed (its `handleClose` ran). */
  readonly finished = new Promise<void>((resolve) => (this.resolveFinished = resolve))
  /** Resolves once the socket closed (or was dropped by `kill()`). */
  readonly socketClosed = new Promise<void>((resolve) => (this.resolveSocketClosed = resolve))

  constructor(
    readonly hub: ServerHub<Context>,
    readonly socket: SocketContext,
    role: string | undefined,
    readonly context: Context | undefined,
  ) {
    this.role = role
    this.admittedRole = role
    this.session = hub.runtime.newSession(
      (_fromRole: string, _messageName: string, _payload: unknown, _id: string | number | undefined, frame: string) => this.send(frame),
      (code: number, reason: string) => this.socket.close(code, reason),
    )
  }

  /** Opens the session when the role is already known (path or authenticate). */
  start(): void {
    if (this.role === undefined) return
    const role = this.role
    void withOpeningContext(this.context, () => this.session.open(role))
    bindContext(this.session.peer, this.context)
  }

  /** A frame from the socket: the session decodes, checks and dispatches it, in order. */
  receive(data: string | Uint8Array, isBinary: boolean): void {
    if (this.closed) return
    if (this.role !== undefined) {
      this.session.receive(data, isBinary)
      return
    }
    withOpeningContext(this.context, () => this.session.receive(data, isBinary))
    // roleFrom: 'first-frame' — the session fixed the role from this frame; link the context to its peer.
    if (this.session.role !== undefined) {
      this.role = this.session.role
      bindContext(this.session.peer, this.context)
    }
  }

  /** The session's outbound path: respect backpressure, write. */
  private send(frame: string): void {
    const socket = this.socket
    // A peer that just went away: its close event is on its way, and nobody could act on an error.
    if (this.closed || socket.readyState !== ReadyState.open) return
    const options = this.hub.options
    if (options.maxBufferedBytes > 0 && socket.bufferedAmount > options.maxBufferedBytes) {
      // Slow consumer: the peer is not reading. Never let its buffer grow without bound.
      if (options.slowConsumer === 'drop') return
      socket.close(1008, 'OPENWS_ERR_SLOW_CONSUMER')
      return
    }
    socket.send(frame)
  }

  /** Resolves once every frame received so far has been handled (the session runs them in order). */
  idle(): Promise<void> {
    return this.session.idle()
  }

  /** Shutdown began: frames arriving from now on are refused (`$error` OPENWS_ERR_SHUTTING_DOWN). */
  drain(): void {
    this.session.drain()
  }

  /** Shutdown finished waiting for handlers: close the socket with 1001 and the session now. */
  goAway(): void {
    this.socket.close(1001, 'OPENWS_ERR_SHUTTING_DOWN')
    void this.session.close().then(this.resolveFinished)
  }

  /** Shutdown waited long enough for the closing handshake: drop the socket. */
  kill(): void {
    if (this.closed) return
    if (this.socket.terminate) this.socket.terminate()
    this.onClose()
  }

  /** The socket closed (either side). */
  onClose(): void {
    if (this.closed) return
    this.closed = true
    this.resolveSocketClosed()
    this.hub.forget(this)
    void this.session.close().then(this.resolveFinished)
  }

  onError(error: unknown): void {
    if (this.closed) return
    this.session.error(error)
  }

  onPong(): void {
    this.alive = true
  }

  /** One heartbeat tick: a peer that did not answer the last ping is gone. */
  heartbeat(): void {
    if (!this.socket.ping) return
    if (!this.alive) {
      if (this.socket.terminate) this.socket.terminate()
      else this.socket.close(1001, 'heartbeat timeout')
      return
    }
    this.alive = false
    this.socket.ping()
  }
}
