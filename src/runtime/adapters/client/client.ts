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
import { clientRuntime, clientSink } from './loop'
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
  /** Named (not #) so tests can reach the raw socket. */
  private socket: SocketInstance | undefined
  readonly #options: ResolvedClientOptions
  readonly #events = new Emitter<ClientEvents>()
  readonly #queue: SendQueue
  // The rest of the client lives in closures made by the constructor: a minifier renames their
  // names, where every `this.name` would cost its bytes in each use.
  readonly #state: () => ClientState
  readonly #ready: () => Promise<void>
  readonly #close: (code: number, reason: string) => Promise<void>

  constructor(options: ClientOptions) {
    const o = (this.#options = resolveClientOptions(options))
    const events = this.#events
    const queue = (this.#queue = new SendQueue(o.maxQueuedFrames))
    /** Frames sent on the current socket, for resending what a shutting-down server refused. */
    const sent = new SentLog(o.maxQueuedFrames)
    let state: ClientState = 'connecting'
    /** The server refused this socket's frames from this number on (it is shutting down). */
    let refusedFrom: number | undefined
    let session: ClientSession | undefined
    let stopHeartbeat: (() => void) | undefined
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let attempt = 0
    let resolveOpened!: () => void
    const waitOpen = (): Promise<void> => new Promise((resolve) => (resolveOpened = resolve))
    let opened = waitOpen()
    /** The stream corked for the frames of this tick, uncorked by a microtask (see write). */
    let corked: Corkable | undefined

    const listenerError = (error: unknown): void => {
      if (o.onInternalError) o.onInternalError(error)
      else console.error(error)
    }
    const emit = <K extends keyof ClientEvents>(name: K, event: ClientEvents[K]): void => events.emit(name, event, listenerError)
    const emitError = (error: unknown): void => emit('error', error instanceof Error ? error : new Error(String(error)))
    const drop = (frame: string): void => emit('drop', { frame })

    // The sessions' handlers and hooks get the stable `api` as their peer: one peer, one table of
    // pending requests (rejected when a socket closes), one way out (transmit).
    const runtime = (this.runtime = clientRuntime(
      o.bindings,
      {
        limits: o.limits,
        host: o.host,
        onInternalError: (error) => (o.onInternalError ? o.onInternalError(error) : emitError(error)),
        // `$error` frames are the server's answers to our mistakes: surfaced as events, never answered.
        onErrorFrame: (payload) => serverError(payload),
        // Replies to the requests of the stable `api` (the only peer: the sessions send none of their own).
        onReplyFrame: (id, payload) => requests.reply(id, payload),
      },
      () => this.api,
    ))

    /** Every outbound frame (the stable API and the session's peer) goes through here. */
    const transmit = (frame: string): void => {
      const socket = this.socket
      // Once the server refused a frame it is going away: keep frames for the next connection.
      if (state === 'open' && socket && socket.readyState === ReadyState.open && refusedFrom === undefined) return write(socket, frame)
      if (state === 'closed') return drop(frame)
      const dropped = queue.push(frame)
      if (dropped !== undefined) drop(dropped)
    }

    const write = (socket: SocketInstance, frame: string): void => {
      sent.add(frame)
      // Frames sent in one tick (replies resolving a batch of awaits, a queue flush) leave in one write
      // syscall instead of one each: the first corks the stream, a microtask uncorks it. Order is kept
      // (one stream), and bufferedAmount still counts corked bytes, so back-pressure sees them.
      if (corked === undefined) {
        const raw = corkable(socket)
        if (raw !== undefined) {
          raw.cork()
          corked = raw
          queueMicrotask(() => {
            corked = undefined
            raw.uncork()
          })
        }
      }
      socket.send(frame)
    }

    // disconnect(api), from a handler or anywhere: closes the client for good (the api is then closed).
    const api = (this.api = runtime.createPeer(
      o.serverRole,
      (_from, _name, _payload, _id, frame) => transmit(frame),
      (code, reason) => void close(code, reason),
    ) as Api)
    const apiSink = clientSink(api)
    const requests = apiSink.requests

    const detach = (): void => {
      stopHeartbeat?.()
      stopHeartbeat = undefined
      this.socket = undefined
      session = undefined
    }

    /** Closes for good: no reconnect, queued frames are discarded, the session closes. */
    const close = (code: number, reason: string): Promise<void> => {
      if (state === 'closed') return Promise.resolve()
      state = 'closed'
      clearTimeout(retryTimer)
      queue.clear()
      // Pending requests and any made later (by handleClose, say) reject now rather than wait for a timeout.
      apiSink.refuseRequests('the client closed before the reply')
      const socket = this.socket
      const current = session
      detach()
      if (socket && socket.readyState < ReadyState.closing) socket.close(isSendableCloseCode(code) ? code : 1000, clampReason(reason))
      emit('close', { code, reason, reconnecting: false })
      return current ? current.close() : Promise.resolve()
    }

    const dial = (): void => {
      let url: string
      let socket: SocketInstance
      try {
        url = o.url()
        socket = new o.WebSocket(url, o.protocols)
      } catch (error) {
        emitError(error)
        return scheduleRetry(1006, 'connect failed')
      }
      this.socket = socket
      if ('binaryType' in socket) socket.binaryType = 'arraybuffer'
      socket.addEventListener('open', () => onOpen(socket, url))
      socket.addEventListener('message', ({ data }: { data: unknown }) => {
        // The session decodes once; the server's `$error` frames come back through onErrorFrame.
        if (socket !== this.socket || !session) return
        const isBinary = typeof data !== 'string'
        session.receive(isBinary ? (data instanceof ArrayBuffer || data instanceof Uint8Array ? data : new Uint8Array(0)) : data, isBinary)
      })
      socket.addEventListener('close', (event: { code?: number; reason?: string }) =>
        onClose(socket, event.code ?? 1006, event.reason ?? ''),
      )
      socket.addEventListener('error', (event: { error?: unknown; message?: string }) => {
        if (socket === this.socket) emitError(event.error ?? new Error(event.message ?? 'WebSocket error'))
      })
    }

    const onOpen = (socket: SocketInstance, url: string): void => {
      if (socket !== this.socket || state === 'closed') return
      attempt = 0
      session = runtime.newSession(
        (_from, _name, _payload, _id, frame) => transmit(frame),
        (code, reason) => socket.close(isSendableCloseCode(code) ? code : 1011, clampReason(reason)),
      )
      sent.reset()
      refusedFrom = undefined
      void session.open(o.serverRole)
      // A synchronous handleOpen may have closed the client (disconnect(api)): it stays closed.
      if (socket !== this.socket) return
      if (o.heartbeat) stopHeartbeat = startHeartbeat(socket, o.heartbeat)
      state = 'open'
      for (let frame = queue.shift(); frame !== undefined; frame = queue.shift()) write(socket, frame)
      emit('open', { url })
      resolveOpened()
    }

    const onClose = (socket: SocketInstance, code: number, reason: string): void => {
      if (socket !== this.socket) return
      const current = session
      detach()
      // Requests are never resent: each rejects with OPENWS_ERR_DISCONNECTED, and its frame leaves the queue.
      const rejected = new Set(requests.rejectAll())
      if (rejected.size > 0) queue.remove(rejected)
      if (refusedFrom !== undefined) {
        // Everything from the first refused frame on was not handled: first in line for the next socket.
        for (const frame of queue.requeue(sent.from(refusedFrom).filter((frame) => !rejected.has(frame)))) drop(frame)
        refusedFrom = undefined
      }
      void current?.close()
      if (state !== 'closed') scheduleRetry(code, reason)
    }

    const scheduleRetry = (code: number, reason: string): void => {
      const reconnect = o.reconnect
      const again = reconnect !== undefined && attempt < reconnect.maxAttempts
      emit('close', { code, reason, reconnecting: again })
      if (!again) {
        state = 'closed'
        return queue.clear()
      }
      if (state === 'open') opened = waitOpen()
      state = 'reconnecting'
      const delayMs = backoffDelay(attempt++, reconnect)
      emit('reconnecting', { attempt, delayMs })
      retryTimer = setTimeout(() => {
        retryTimer = undefined
        if (state !== 'closed') dial()
      }, delayMs)
    }

    const serverError = (payload: ErrorFramePayload): void => {
      const { code, seq } = payload
      if (code === 'OPENWS_ERR_SHUTTING_DOWN') {
        if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 1) {
          // Refused, not failed: the frame is resent on the next connection (see onClose).
          refusedFrom = Math.min(refusedFrom ?? seq, seq)
          return
        }
        // The answer to a request of the stable API: rejects exactly that request.
      } else if (requests.fail(payload)) return
      // The server's code is ours when it comes from the same table; an unknown one maps to INTERNAL.
      // With the frame's correlation id, so callers can match the error to what they sent.
      emit(
        'error',
        openwsError(isErrorCode(code) ? code : 'OPENWS_ERR_INTERNAL', payload.message, {
          role: o.serverRole,
          message: payload.messageName,
          issues: payload.issues,
          id: payload.id,
        }),
      )
    }

    this.#state = () => state
    this.#ready = () => opened
    this.#close = close
    dial()
  }

  get state(): ClientState {
    return this.#state()
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
    return this.#ready()
  }

  on<K extends keyof ClientEvents>(name: K, listener: (event: ClientEvents[K]) => void): () => void {
    return this.#events.on(name, listener)
  }

  /** Closes for good: no reconnect, queued frames are discarded, the session closes. */
  close(code = 1000, reason = ''): Promise<void> {
    return this.#close(code, reason)
  }
}

/** Connects (asynchronously; see `ready()` and the 'open' event) and returns the client. */
export function connect<Api extends object = Record<string, (payload: any) => Promise<void>>>(options: ClientOptions): OpenWsClient<Api> {
  return new OpenWsClient<Api>(options)
}

// Re-exported so callers can narrow `error` events without importing the errors module.
export type { WebSocketLike }
