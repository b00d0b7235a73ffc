// An in-memory test peer for `app.openws(...)` routes, in the spirit of @fastify/websocket's
// `injectWS`: no port, the upgrade still runs through routing and `authenticate`.
import type { FastifyInstance } from 'fastify'
import type { WebSocket } from 'ws'
import { encodeEnvelope, type Envelope, type EnvelopeId } from '../../envelope/index'

export interface InjectOptions {
  /** The role this peer claims in its frames. Default: the last path segment. */
  role?: string
  /** Upgrade request headers (e.g. authorization), seen by `authenticate`. */
  headers?: Record<string, string>
}

export interface InjectedPeer {
  readonly socket: WebSocket
  /** Every frame received so far, parsed. */
  readonly received: Envelope[]
  /** Sends one envelope as this peer's role. */
  send(messageName: string, payload: unknown, id?: EnvelopeId): void
  /** Sends raw text (for malformed-input tests). */
  sendRaw(data: string | Buffer): void
  /** The next frame not yet returned by `next()`; rejects after `timeoutMs` (default 2000). */
  next(timeoutMs?: number): Promise<Envelope>
  /** Resolves with the close code and reason once the socket closed. */
  readonly closed: Promise<{ code: number; reason: string }>
  close(): void
}

/** Connects to `path` in memory. Rejects with "Unexpected server response: 401" (etc.) when refused. */
export async function injectOpenWs(app: FastifyInstance, path: string, options: InjectOptions = {}): Promise<InjectedPeer> {
  const role = options.role ?? path.split('?', 1)[0]?.split('/').pop() ?? ''
  const received: Envelope[] = []
  let read = 0
  const waiters: (() => void)[] = []
  let resolveClosed!: (value: { code: number; reason: string }) => void
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (resolveClosed = resolve))
  const socket = await app.injectWS(path, { headers: options.headers } as never, {
    onInit(ws) {
      // Listeners go on before the upgrade completes so no early frame is missed.
      ws.on('message', (data) => {
        received.push(JSON.parse(String(data)) as Envelope)
        waiters.splice(0).forEach((wake) => wake())
      })
      ws.on('close', (code, reason) => {
        resolveClosed({ code, reason: String(reason) })
        waiters.splice(0).forEach((wake) => wake())
      })
      ws.on('error', () => {})
    },
  })
  let isClosed = false
  void closed.then(() => (isClosed = true))
  return {
    socket,
    received,
    send: (messageName, payload, id) => socket.send(encodeEnvelope(role, messageName, payload, id)),
    sendRaw: (data) => socket.send(data),
    async next(timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs
      while (read >= received.length) {
        if (isClosed) throw new Error('the socket closed before another frame arrived')
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`no frame within ${timeoutMs} ms`)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left)
          waiters.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
      return received[read++] as Envelope // read < received.length: the loop above waited for it
    },
    closed,
    close: () => socket.close(),
  }
}
