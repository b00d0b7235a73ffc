// `openws/ws`: mounts a network on a plain `ws` WebSocketServer.
// - A server-mode wss (`{ server }` or `{ port }`): `authenticate` runs in `verifyClient`, so a
//   refusal is an HTTP 401/403 before the socket opens.
// - A `noServer` wss: call the returned `handleUpgrade(req, socket, head)` from your HTTP server's
//   'upgrade' event; it admits, then upgrades.
// Either way the role comes from `{path}/{role}`, `authenticate`, or (opt-in) the first frame.
import type { Groups } from '../../groups/groups'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { admit, roleFromPath, type Admission } from '../admission'
import { openwsError } from '../../openws-error'
import { ServerHub } from '../server-hub'
import { resolveServerOptions, type ServerOptions } from '../server-options'
import { bindWsSocket, checksUtf8 } from './bind-socket'

export type WsOpenWsOptions<Context = unknown> = ServerOptions<IncomingMessage, Context>

export interface WsMount {
  readonly path: string
  readonly connections: number
  /** For `noServer` servers: admit, then upgrade. Answers 401/403/404 itself when refused. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  /** The mount's groups, for code outside handlers; `groups.ready` resolves once the broker is connected. */
  readonly groups: Groups
  /** Graceful shutdown: waits for in-flight handlers, then closes every session with 1001. */
  shutdown(): Promise<void>
}

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

/** Answers a refused upgrade with a plain HTTP response and drops the socket. */
export function refuseUpgrade(socket: Duplex, status: number, body: string): void {
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}

function pathnameOf(request: IncomingMessage): string {
  const url = request.url ?? '/'
  const q = url.indexOf('?')
  return q === -1 ? url : url.slice(0, q)
}

export function attach<Context = unknown>(wss: WebSocketServer, given: WsOpenWsOptions<Context>): WsMount {
  const options = resolveServerOptions(given)
  const hub = new ServerHub<Context>(options)
  const admissions = new WeakMap<IncomingMessage, Admission<Context>>()
  const utf8Checked = checksUtf8(wss)

  function decide(request: IncomingMessage): Promise<Admission<Context>> {
    const pathRole = roleFromPath(pathnameOf(request), options.path)
    if (pathRole === undefined) {
      return Promise.resolve({ ok: false, status: 404, code: 'OPENWS_ERR_UNKNOWN_ROLE', reason: 'no openws route here' })
    }
    if (hub.shuttingDown) {
      return Promise.resolve({ ok: false, status: 503, code: 'OPENWS_ERR_SHUTTING_DOWN', reason: 'the server is shutting down' })
    }
    return admit(options, request, pathRole).then((admission) =>
      admission.ok ? (hub.capacityRefusal(admission.role) ?? admission) : admission,
    )
  }

  if (!wss.options.noServer) {
    if (wss.options.verifyClient)
      throw openwsError('OPENWS_ERR_INVALID_OPTION', 'attach() installs verifyClient itself; use options.authenticate instead')
    // The two-argument form makes ws wait for our asynchronous decision.
    wss.options.verifyClient = (info: { req: IncomingMessage }, done: (ok: boolean, status?: number, message?: string) => void) => {
      decide(info.req).then(
        (admission) => {
          if (admission.ok) {
            admissions.set(info.req, admission)
            done(true)
          } else done(false, admission.status, admission.code)
        },
        () => done(false, 500),
      )
    }
  }

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const admission = admissions.get(request)
    admissions.delete(request)
    if (!admission || !admission.ok) {
      // Upgraded without going through openws (e.g. wss.handleUpgrade called directly): refuse.
      socket.close(1008, 'OPENWS_ERR_UNAUTHORIZED')
      return
    }
    bindWsSocket(hub, socket, admission.role, admission.context, utf8Checked)
  })

  return {
    path: options.path,
    get connections() {
      return hub.connections.size
    },
    handleUpgrade(request, socket, head) {
      socket.on('error', destroySocket)
      decide(request).then(
        (admission) => {
          if (!admission.ok)
            return refuseUpgrade(socket, admission.status, JSON.stringify({ code: admission.code, message: admission.reason }))
          admissions.set(request, admission)
          socket.removeListener('error', destroySocket)
          wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
        },
        () => refuseUpgrade(socket, 500, '{"code":"OPENWS_ERR_INTERNAL"}'),
      )
    },
    groups: hub.runtime.groups,
    shutdown: () => hub.shutdown(),
  }
}

function destroySocket(this: Duplex): void {
  this.destroy()
}
