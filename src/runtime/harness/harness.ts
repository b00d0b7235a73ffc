// In-process harness: sessions driven without sockets, every frame going through the real wire
// codec (encodeEnvelope on the way out, session.receive on the way in) and recorded, so tests and
// README examples assert on frames rather than console output.
import type { BindingsCore } from '../contract/types'
import { encodeEnvelope } from '../envelope/codec'
import { ERROR_MESSAGE, REPLY_MESSAGE, type Envelope, type EnvelopeId } from '../envelope/types'
import { runtime } from '../session/runtime'
import type { ServerSession } from '../session/server-session'
import type { Runtime, RuntimeOptions, Session } from '../session/types'

/** A frame the host sent, as the peer decoded it, plus which connection it went to. */
export interface RecordedFrame extends Envelope {
  /** The connection's label: role and a counter, e.g. "client#2". */
  to: string
}

export interface HarnessPeer {
  readonly label: string
  readonly role: string
  readonly session: Session
  /** Frames the host sent to this connection, decoded from the encoded text, in order. */
  readonly frames: Envelope[]
  /** Set once the host closed this connection. */
  readonly closed: { code: number; reason: string } | undefined
  /** Resolves when `open()` finished (false: refused). */
  readonly opened: Promise<boolean>
  /** Sends a frame as this connection's role; resolves when every session is idle again. */
  send(messageName: string, payload: unknown, id?: EnvelopeId): Promise<void>
  /** Sends a frame claiming another role (to test spoofing). */
  sendAs(fromRole: string, messageName: string, payload: unknown, id?: EnvelopeId): Promise<void>
  /**
   * Request/reply: sends `messageName` with a fresh id and resolves to the frame that answers it
   * (`$reply` or `$error` with that id), or undefined when none came.
   */
  request(messageName: string, payload: unknown): Promise<Envelope | undefined>
  /** Answers a request the host sent to this connection (a frame with an `id`) with a `$reply`. */
  reply(id: EnvelopeId, payload: unknown): Promise<void>
  /** Sends raw text or bytes. */
  sendRaw(frame: string | Uint8Array, isBinary?: boolean): Promise<void>
  /** Returns the frames received since the last `take()` and forgets them. */
  take(): Envelope[]
  /** The peer hangs up: `session.close()`. */
  close(): Promise<void>
}

export interface Harness {
  readonly runtime: Runtime
  /** Every frame sent to any connection, in order. */
  readonly frames: RecordedFrame[]
  /** Opens a connection as `role` (pass `{ open: false }` to leave the role unestablished). */
  connect(role: string, options?: { open?: boolean }): HarnessPeer
  /** Resolves when no session has work running or waiting. */
  idle(): Promise<void>
}

export function harness(binder: BindingsCore, options?: RuntimeOptions): Harness {
  const rt = runtime(binder, options)
  const frames: RecordedFrame[] = []
  const sessions: ServerSession[] = []
  const counters = new Map<string, number>()
  let requests = 0

  const idle = async (): Promise<void> => {
    // Handlers may start work on other sessions; settle until a full pass finds nothing pending.
    for (let pass = 0; pass < 1000; pass++) {
      await Promise.all(sessions.map((s) => s.idle()))
      await new Promise<void>((resolve) => setTimeout(resolve, 0))
      if (!sessions.some((s) => s.pending())) return
    }
  }

  const connect = (role: string, connectOptions: { open?: boolean } = {}): HarnessPeer => {
    const n = (counters.get(role) ?? 0) + 1
    counters.set(role, n)
    const label = `${role}#${n}`
    let received: Envelope[] = []
    let closed: { code: number; reason: string } | undefined
    const session = rt.newSession(
      (_fromRole: string, _messageName: string, _payload: unknown, _id: EnvelopeId | undefined, frame: string) => {
        // The frame as a socket would carry it.
        const env = JSON.parse(frame) as Envelope
        received.push(env)
        frames.push({ to: label, ...env })
      },
      (code: number, reason: string) => {
        closed = { code, reason }
      },
    )
    sessions.push(session as ServerSession)
    const opened = connectOptions.open === false ? Promise.resolve(false) : session.open(role)
    const sendRaw = async (frame: string | Uint8Array, isBinary?: boolean): Promise<void> => {
      await opened
      session.receive(frame, isBinary)
      await idle()
    }
    return {
      label,
      role,
      session,
      get frames() {
        return received
      },
      get closed() {
        return closed
      },
      opened,
      send: (messageName, payload, id) => sendRaw(encodeEnvelope(role, messageName, payload, id)),
      async request(messageName, payload) {
        const id = `harness-${++requests}`
        await sendRaw(encodeEnvelope(role, messageName, payload, id))
        return received.find((f) => f.id === id || (f.messageName === ERROR_MESSAGE && (f.payload as { id?: unknown }).id === id))
      },
      reply: (id, payload) => sendRaw(encodeEnvelope(role, REPLY_MESSAGE, payload, id)),
      sendAs: (fromRole, messageName, payload, id) => sendRaw(encodeEnvelope(fromRole, messageName, payload, id)),
      sendRaw,
      take() {
        const out = received
        received = []
        return out
      },
      async close() {
        await session.close()
        await idle()
      },
    }
  }

  return { runtime: rt, frames, connect, idle }
}
