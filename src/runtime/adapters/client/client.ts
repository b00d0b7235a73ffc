// The client runtime: connects to a server role as this bindings' host role, hosts that role's
// handlers (one runtime session per socket), offers a stable typed API to the server that queues
// while disconnected, and reconnects with backoff. Browser-safe: no Node imports here.
import type { ErrorFramePayload } from '../../envelope/index'
import { isErrorCode, openwsError, type OpenWsError } from '../../openws-error'
import type { ClientSession, SessionRuntime } from '../../session/types'
import { ReadyState, clampReason, isSendableCloseCode, type WebSocketLike } from '../socket'
import { backoffDelay } from './backoff'
import { Emitter } from './events'
import { startHeartbeat } from './heartbeat'
import { clientRuntime, clientSink, type ClientSink } from './loop'
import { resolveClientOptions, type ClientOptions, type ResolvedClientOptions } from './options'
import { SendQueue, SentLog } from './send-queue'

export type ClientState = 'connecting' | 'open' | 'reconnecting' | 'closed'

export interface ClientEvents {
  /** The socket is open and the session is established; queued frames were flushed. */
  open: { url: string }
  /** The socket closed. `reconnecting` says whether another attempt is scheduled. */
  close: { code: number; reason: string; reconnecting: boolean }
  /** A retry is scheduled after `delayMs` (attempt counts from 1). */
  reconnecting: { attempt: number; delayMs: number }
  /** A `$error` frame from the server (as an OpenWsError with the server's code) or a transport error. */
  error: OpenWsError | Error
  /** A frame that could not be queued while disconnected (queue full or queueing off). */
  drop: { frame: string }
}

type SocketInstance = InstanceType<ResolvedClientOptions['WebSocket']>

/** The Node stream under a `ws` socket (`_socket`): writes between cork() and uncork() leave in one syscall. */
interface Corkable {
  cork(): void
  uncork(): void
}

/** The socket's underlying stream when it can be corked (Node's `ws`); undefined in browsers. */
function corkable(socket: SocketInstance): Corkable | undefined {
  const raw = (socket as { _socket?: Partial<Corkable> | null })._socket
  return raw != null && typeof raw.cork === 'function' && typeof raw.uncork === 'function' ? (raw as Corkable) : undefined
}

export class OpenWsClient<Api extends object = Record<string, (payload: any) => Promise<void>>> {
  readonly runtime: SessionRuntime
  /** The typed API to the server. Stable across reconnects; sends while disconnected are queued. */
  readonly api: Api
  #options: ResolvedClientOptions
  #events = new Emitter<ClientEvents>()
  #queue: SendQueue
  /** Frames sent on the current socket, for resending what a shutting-down server refused. */
  #sent: SentLog
  /** The stable API's sink: its pending requests are rejected when a socket closes. */
  #apiSink: ClientSink
  /** The server refused this socket's frames from this number on (it is shutting down). */
  #refusedFrom: number | undefined
  /** Named (not #) so tests can reach the raw socket. */
  private socket: SocketInstance | undefined
  #session: ClientSession | undefined
  #stopHeartbeat: (() => void) | undefined
  #retryTimer: ReturnType<typeof setTimeout> | undefined
  #attempt = 0
  #state: ClientState = 'connecting'
  #opened: Promise<void>
  #resolveOpened!: () => void
  /** The stream corked for the frames of this tick, uncorked by a microtask (see write). */
  #corked: Corkable | undefined

  constructor(options: ClientOptions) {
    this.#options = resolveClientOptions(options)
    // The sessions' handlers and hooks get the stable `api` as their peer: one peer, one table of
    // pending requests (rejected when a socket closes), one way out (transmit).
    this.runtime = clientRuntime(
      this.#options.bindings,
      {
        limits: this.#options.limits,
        host: this.#options.host,
        onInternalError: (error) => this.#internalError(error),
        // `$error` frames are the server's answers to our mistakes: surfaced as events, never answered.
        onErrorFrame: (payload) => this.#serverError(payload),
        // Replies to the requests of the stable `api` (the only peer: the sessions send none of their own).
        onReplyFrame: (id, payload) => this.#apiSink.requests.reply(id, payload),
      },
      () => this.api,
    )
    this.#queue = new SendQueue(this.#options.maxQueuedFrames)
    this.#sent = new SentLog(this.#options.maxQueuedFrames)
    // disconnect(api), from a handler or anywhere: closes the client for good (the api is then closed).
    this.api = this.runtime.createPeer(
      this.#options.serverRole,
      (_from, _name, _payload, _id, frame) => this.#transmit(frame),
      (code, reason) => void this.close(code, reason),
    ) as Api
    this.#apiSink = clientSink(this.api)
    this.#opened = new Promise((resolve) => (this.#resolveOpened = resolve))
    this.#dial()
  }

  get state(): ClientState {
    return this.#state
  }

  get role(): string {
    return this.#options.bindings.hostRole
  }

  get serverRole(): string {
    return this.#options.serverRole
  }

  /** Frames waiting for a connection. */
  get queued(): number {
    return this.#queue.size
  }

  /** Resolves when the client is (next) open; never rejects (listen to 'close' for failures). */
  ready(): Promise<void> {
    return this.#opened
  }

  on<K extends keyof ClientEvents>(name: K, listener: (event: ClientEvents[K]) => void): () => void {
    return this.#events.on(name, listener)
  }

  /** Closes for good: no reconnect, queued frames are discarded, the session closes. */
  close(code = 1000, reason = ''): Promise<void> {
    if (this.#state === 'closed') return Promise.resolve()
    this.#state = 'closed'
    if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer)
    this.#queue.clear()
    // Pending requests and any made later (by handleClose, say) reject now rather than wait for a timeout.
    this.#apiSink.refuseRequests('the client closed before the reply')
    const socket = this.socket
    const session = this.#session
    this.#detach()
    if (socket && socket.readyState < ReadyState.closing) socket.close(isSendableCloseCode(code) ? code : 1000, clampReason(reason))
    this.#events.emit('close', { code, reason, reconnecting: false }, this.#listenerError)
    return session ? session.close() : Promise.resolve()
  }

  #dial(): void {
    let url: string
    let socket: SocketInstance
    try {
      url = this.#options.url()
      socket = new this.#options.WebSocket(url, this.#options.protocols)
    } catch (error) {
      this.#emitError(error)
      this.#scheduleRetry(1006, 'connect failed')
      return
    }
    this.socket = socket
    if ('binaryType' in socket) socket.binaryType = 'arraybuffer'
    socket.addEventListener('open', () => this.#onOpen(socket, url))
    socket.addEventListener('message', (event: { data: unknown }) => this.#onMessage(socket, event.data))
    socket.addEventListener('close', (event: { code?: number; reason?: string }) =>
      this.#onClose(socket, event.code ?? 1006, event.reason ?? ''),
    )
    socket.addEventListener('error', (event: { error?: unknown; message?: string }) => {
      if (socket === this.socket) this.#emitError(event.error ?? new Error(event.message ?? 'WebSocket error'))
    })
  }

  #onOpen(socket: SocketInstance, url: string): void {
    if (socket !== this.socket || this.#state === 'closed') return
    this.#attempt = 0
    const session = this.runtime.newSession(
      (_from, _name, _payload, _id, frame) => this.#transmit(frame),
      (code, reason) => socket.close(isSendableCloseCode(code) ? code : 1011, clampReason(reason)),
    )
    this.#session = session
    this.#sent.reset()
    this.#refusedFrom = undefined
    void session.open(this.#options.serverRole)
    if (this.#options.heartbeat) this.#stopHeartbeat = startHeartbeat(socket, this.#options.heartbeat)
    this.#state = 'open'
    for (let frame = this.#queue.shift(); frame !== undefined; frame = this.#queue.shift()) this.#write(socket, frame)
    this.#events.emit('open', { url }, this.#listenerError)
    this.#resolveOpened()
  }

  #onMessage(socket: SocketInstance, data: unknown): void {
    const session = this.#session
    if (socket !== this.socket || !session) return
    const isBinary = typeof data !== 'string'
    const frame = isBinary ? (data instanceof ArrayBuffer || data instanceof Uint8Array ? data : new Uint8Array(0)) : (data as string)
    // The session decodes once; the server's `$error` frames come back through onErrorFrame.
    session.receive(frame, isBinary)
  }

  #onClose(socket: SocketInstance, code: number, reason: string): void {
    if (socket !== this.socket) return
    const session = this.#session
    this.#detach()
    // Requests are never resent: each rejects with OPENWS_ERR_DISCONNECTED, and its frame leaves the queue.
    const requests = new Set(this.#apiSink.requests.rejectAll())
    if (requests.size > 0) this.#queue.remove(requests)
    if (this.#refusedFrom !== undefined) {
      // Everything from the first refused frame on was not handled: first in line for the next socket.
      const refused = this.#sent.from(this.#refusedFrom).filter((frame) => !requests.has(frame))
      for (const frame of this.#queue.requeue(refused)) this.#events.emit('drop', { frame }, this.#listenerError)
      this.#refusedFrom = undefined
    }
    if (session) void session.close()
    if (this.#state === 'closed') return
    this.#scheduleRetry(code, reason)
  }

  #scheduleRetry(code: number, reason: string): void {
    const reconnect = this.#options.reconnect
    const again = reconnect !== undefined && this.#attempt < reconnect.maxAttempts
    this.#events.emit('close', { code, reason, reconnecting: again }, this.#listenerError)
    if (!again) {
      this.#state = 'closed'
      this.#queue.clear()
      return
    }
    if (this.#state === 'open') this.#opened = new Promise((resolve) => (this.#resolveOpened = resolve))
    this.#state = 'reconnecting'
    const delayMs = backoffDelay(this.#attempt++, reconnect)
    this.#events.emit('reconnecting', { attempt: this.#attempt, delayMs }, this.#listenerError)
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined
      if (this.#state !== 'closed') this.#dial()
    }, delayMs)
  }

  #detach(): void {
    this.#stopHeartbeat?.()
    this.#stopHeartbeat = undefined
    this.socket = undefined
    this.#session = undefined
  }

  /** Every outbound frame (the stable API and the session's peer) goes through here. */
  #transmit(frame: string): void {
    const socket = this.socket
    // Once the server refused a frame it is going away: keep frames for the next connection.
    if (this.#state === 'open' && socket && socket.readyState === ReadyState.open && this.#refusedFrom === undefined) {
      this.#write(socket, frame)
      return
    }
    if (this.#state === 'closed') {
      this.#events.emit('drop', { frame }, this.#listenerError)
      return
    }
    const dropped = this.#queue.push(frame)
    if (dropped !== undefined) this.#events.emit('drop', { frame: dropped }, this.#listenerError)
  }

  #write(socket: SocketInstance, frame: string): void {
    this.#sent.add(frame)
    // Frames sent in one tick (replies resolving a batch of awaits, a queue flush) leave in one write
    // syscall instead of one each: the first corks the stream, a microtask uncorks it. Order is kept
    // (one stream), and bufferedAmount still counts corked bytes, so back-pressure sees them.
    if (this.#corked === undefined) {
      const raw = corkable(socket)
      if (raw !== undefined) {
        raw.cork()
        this.#corked = raw
        queueMicrotask(this.#uncork)
      }
    }
    socket.send(frame)
  }

  #uncork = (): void => {
    const raw = this.#corked
    this.#corked = undefined
    raw?.uncork()
  }

  #serverError(payload: ErrorFramePayload): void {
    // The answer to a request of the stable API: rejects exactly that request.
    if (payload.code !== 'OPENWS_ERR_SHUTTING_DOWN' && this.#apiSink.requests.fail(payload)) return
    if (
      payload.code === 'OPENWS_ERR_SHUTTING_DOWN' &&
      typeof payload.seq === 'number' &&
      Number.isSafeInteger(payload.seq) &&
      payload.seq >= 1
    ) {
      // Refused, not failed: the frame is resent on the next connection (see onClose).
      this.#refusedFrom = Math.min(this.#refusedFrom ?? payload.seq, payload.seq)
      return
    }
    // The server's code is ours when it comes from the same table; an unknown one maps to INTERNAL.
    const code = isErrorCode(payload.code) ? payload.code : 'OPENWS_ERR_INTERNAL'
    // With the frame's correlation id, so callers can match the error to what they sent.
    const error = openwsError(code, payload.message, {
      role: this.#options.serverRole,
      message: payload.messageName,
      issues: payload.issues,
      id: payload.id,
    })
    this.#events.emit('error', error, this.#listenerError)
  }

  #emitError(error: unknown): void {
    this.#events.emit('error', error instanceof Error ? error : new Error(String(error)), this.#listenerError)
  }

  #internalError(error: unknown): void {
    if (this.#options.onInternalError) this.#options.onInternalError(error)
    else this.#emitError(error)
  }

  #listenerError = (error: unknown): void => {
    if (this.#options.onInternalError) this.#options.onInternalError(error)
    else console.error(error)
  }
}

/** Connects (asynchronously; see `ready()` and the 'open' event) and returns the client. */
export function connect<Api extends object = Record<string, (payload: any) => Promise<void>>>(options: ClientOptions): OpenWsClient<Api> {
  return new OpenWsClient<Api>(options)
}

// Re-exported so callers can narrow `error` events without importing the errors module.
export type { WebSocketLike }
