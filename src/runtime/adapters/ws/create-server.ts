// `createServer(options)`: an HTTP server with one openws network on `ws`, listening.
// Plain GETs of `{path}/spec.json` get the spec (unless `spec: false`), `{path}/ui` the UI (see
// ../ui-assets.ts); everything else is 404.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { WebSocketServer, type ServerOptions as WsServerOptions } from 'ws'
import { specJson } from '../spec-document'
import { uiEnabled, uiHandler, uiPathOf, type UiOption } from '../ui-assets'
import { resolveServerOptions } from '../server-options'
import { attach, type WsMount, type WsOpenWsOptions } from './attach'

export interface CreateServerOptions<Context = unknown> extends WsOpenWsOptions<Context>, UiOption {
  /** Default 0 (any free port). */
  port?: number
  /** Interface to listen on. Default '127.0.0.1'. */
  hostname?: string
  /** Extra `ws` options (noServer and path are set by openws). `maxPayload` defaults to limits.maxFrameBytes + 1 KiB. */
  ws?: Omit<WsServerOptions, 'noServer' | 'server' | 'port' | 'host' | 'path'>
}

export interface OpenWsServer extends WsMount {
  readonly http: Server
  readonly wss: WebSocketServer
  /** The port actually bound. */
  readonly port: number
  readonly url: string
  /** Graceful: in-flight handlers finish, sessions close with 1001, then the HTTP server closes. */
  close(): Promise<void>
}

export async function createServer<Context = unknown>(options: CreateServerOptions<Context>): Promise<OpenWsServer> {
  const maxFrameBytes = options.limits?.maxFrameBytes ?? 1024 * 1024
  // ws's own cap sits just above ours, so the session (not ws) reports oversize frames with its
  // documented code, while ws still refuses to buffer frames of unbounded size.
  const wss = new WebSocketServer({ maxPayload: maxFrameBytes + 1024, ...options.ws, noServer: true })
  const mount = attach(wss, options)
  const specPath = `${mount.path === '/' ? '' : mount.path}/spec.json`
  const spec = options.spec === false ? undefined : specJson(options.bindings)
  const uiPath = uiPathOf(mount.path)
  const ui = uiEnabled(options.ui, { spec: spec !== undefined, remoteRoles: resolveServerOptions(options).remoteRoles })
    ? uiHandler(mount.path)
    : undefined

  const http = createHttpServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]
    if (spec !== undefined && request.method === 'GET' && path === specPath) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(spec)
    } else if (
      ui !== undefined &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      (path === uiPath || path!.startsWith(`${uiPath}/`))
    ) {
      const answer = ui(path!.slice(uiPath.length))
      response.writeHead(answer.status, answer.headers).end(request.method === 'HEAD' ? undefined : answer.body)
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NOT_FOUND"}')
    }
  })
  http.on('upgrade', mount.handleUpgrade)
  // With a broker: listen once it is connected (a failure is reported, local groups work anyway).
  await mount.groups.ready

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, options.hostname ?? '127.0.0.1', () => {
      http.off('error', reject)
      resolve()
    })
  })
  const address = http.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const host = options.hostname ?? '127.0.0.1'

  let closing: Promise<void> | undefined
  return {
    http,
    wss,
    port,
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}${mount.path === '/' ? '' : mount.path}`,
    path: mount.path,
    groups: mount.groups,
    get connections() {
      return mount.connections
    },
    handleUpgrade: mount.handleUpgrade,
    shutdown: mount.shutdown,
    close() {
      closing ??= (async () => {
        const grace = resolvedShutdownMs(options)
        // Stop accepting now; resolves once every HTTP connection ended. Idle keep-alive
        // connections go at once; busy or incomplete ones (a request whose headers never end:
        // slowloris) get the grace time, then every one left is closed.
        const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()))
        http.closeIdleConnections()
        const force = setTimeout(() => http.closeAllConnections(), grace)
        force.unref()
        await mount.shutdown() // meanwhile upgrades are refused with 503 OPENWS_ERR_SHUTTING_DOWN
        http.off('upgrade', mount.handleUpgrade)
        // Sockets still in their closing handshake (shutdown terminates its own after the grace
        // time; this also covers sockets ws upgraded but openws never admitted).
        await closingHandshakes(wss, grace)
        for (const client of wss.clients) client.terminate()
        await new Promise<void>((resolve) => wss.close(() => resolve()))
        http.closeIdleConnections()
        await httpClosed
        clearTimeout(force)
      })()
      return closing
    },
  }
}

/** Gives peers up to `ms` to answer our close frames (so they see 1001) before sockets are dropped. */
function closingHandshakes(wss: WebSocketServer, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = Date.now() + ms
    const check = (): void => {
      if (wss.clients.size === 0 || Date.now() >= deadline) resolve()
      else setTimeout(check, 10)
    }
    check()
  })
}

function resolvedShutdownMs(options: { shutdownTimeoutMs?: number }): number {
  return options.shutdownTimeoutMs ?? 10_000
}
