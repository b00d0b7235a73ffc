// `openws/fastify`: a fastify 5 plugin. Registers @fastify/websocket when missing and decorates
// `app.openws(options)`, which mounts one network: a websocket route per remote role
// (`{path}/{role}`), `{path}` for roles fixed by `authenticate` or the first frame, and
// `GET {path}/spec.json`. Upgrades go through normal routing, so `authenticate` runs in a
// preValidation hook and can refuse with 401/403 before the socket opens.
// The UI at `GET {path}/ui` (option `ui`) is mounted by ./ui.ts.
import type { Groups } from '../../groups/groups'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import websocket, { type WebsocketPluginOptions } from '@fastify/websocket'
import type { WebSocket } from 'ws'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { admit, type Admission } from '../admission'
import { ServerHub } from '../server-hub'
import { resolveServerOptions, type ServerOptions } from '../server-options'
import { specJson } from '../spec-document'
import { uiEnabled, type UiOption } from '../ui-assets'
import { mountFastifyUi } from './ui'
import { DEFAULT_LIMITS } from '../../limits'
import { bindWsSocket, checksUtf8 } from '../ws/bind-socket'

export type FastifyOpenWsOptions<Context = unknown> = ServerOptions<FastifyRequest, Context> & UiOption

export interface OpenWsPluginOptions {
  /** Options for @fastify/websocket when this plugin registers it (ignored when it is already registered). */
  websocket?: WebsocketPluginOptions
}

/** What `app.openws(...)` returns: the mounted network. */
export interface OpenWsMount {
  readonly path: string
  /** Live connections of this mount. */
  readonly connections: number
  /** The mount's groups, for code outside handlers (`groups.to('room:r1', 'client').x(...)`); the app's `ready()`/`listen()` wait for its broker. */
  readonly groups: Groups
  /** Graceful shutdown of this mount alone (fastify's `close()` does it for every mount). */
  shutdown(): Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    openws<Context = unknown>(options: FastifyOpenWsOptions<Context>): OpenWsMount
  }
}

/** Bytes allowed above limits.maxFrameBytes before ws itself refuses a frame. */
const FRAME_SLACK = 1024

// Where a request's admission waits between the preValidation hook and the websocket handler.
const admissions = new WeakMap<FastifyRequest, Admission<unknown>>()

async function openwsPlugin(app: FastifyInstance, options: OpenWsPluginOptions = {}): Promise<void> {
  const hubs = new Set<ServerHub<any>>()
  // Added before @fastify/websocket is registered, so this runs before its preClose closes every
  // client with 1000: in-flight handlers finish, then sessions close with 1001.
  // Waits until every session closed (handleClose ran), so `app.close()` resolves after them and
  // the application's onClose hooks see no live session; bounded by shutdownTimeoutMs (ServerHub).
  app.addHook('preClose', async function drain(this: FastifyInstance) {
    const server = this.server
    server.on('upgrade', endRefusedUpgrade)
    try {
      await Promise.all([...hubs].map((hub) => hub.shutdown()))
    } finally {
      server.off('upgrade', endRefusedUpgrade)
    }
  })
  // When openws registers @fastify/websocket itself, ws's own frame cap follows the mounts' limits
  // (just above the largest maxFrameBytes), so the session reports oversize frames with its code
  // while ws never buffers frames of unbounded size. An application that registered it keeps its cap.
  const ownsWebsocket = !app.hasDecorator('websocketServer')
  if (ownsWebsocket) {
    const given = options.websocket ?? {}
    await app.register(websocket, { ...given, options: { maxPayload: DEFAULT_LIMITS.maxFrameBytes + FRAME_SLACK, ...given.options } })
  }
  const capGiven = options.websocket?.options?.maxPayload !== undefined
  app.decorate('openws', function mount(this: FastifyInstance, given: FastifyOpenWsOptions<any>): OpenWsMount {
    const resolved = resolveServerOptions(given)
    const hub = new ServerHub(resolved)
    const wssOptions = this.websocketServer.options
    if (ownsWebsocket && !capGiven && (wssOptions.maxPayload ?? 0) < resolved.limits.maxFrameBytes + FRAME_SLACK) {
      wssOptions.maxPayload = resolved.limits.maxFrameBytes + FRAME_SLACK
    }
    hubs.add(hub)
    // The encapsulated instance this route set belongs to, for the nested functions below.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- fastify hands it to the decorator as `this`
    const instance = this

    async function authorise(request: FastifyRequest, reply: FastifyReply, pathRole: string): Promise<void> {
      if (hub.shuttingDown) {
        await reply.code(503).send({ code: 'OPENWS_ERR_SHUTTING_DOWN', message: 'the server is shutting down' })
        return
      }
      const admitted = await admit(resolved, request, pathRole)
      const admission = admitted.ok ? (hub.capacityRefusal(admitted.role) ?? admitted) : admitted
      if (!admission.ok) {
        await reply.code(admission.status).send({ code: admission.code, message: admission.reason })
        return
      }
      admissions.set(request, admission)
    }

    function onSocket(socket: WebSocket, request: FastifyRequest): void {
      const admission = admissions.get(request)
      admissions.delete(request)
      if (!admission || !admission.ok) {
        socket.close(1008, 'OPENWS_ERR_UNAUTHORIZED')
        return
      }
      bindWsSocket(hub, socket, admission.role, admission.context, checksUtf8(instance.websocketServer))
    }

    const roles = [...resolved.remoteRoles.map((role) => ({ role, url: join(resolved.path, role) }))]
    if (resolved.authenticate || resolved.firstFrame) roles.push({ role: '', url: resolved.path })
    for (const { role, url } of roles) {
      instance.route({
        method: 'GET',
        url,
        websocket: true,
        preValidation: (request, reply) => authorise(request, reply, role),
        handler: onSocket,
      })
    }
    if (resolved.spec) {
      const body = specJson(resolved.bindings)
      instance.get(join(resolved.path, 'spec.json'), (_request, reply) => {
        reply.type('application/json').send(body)
      })
    }
    if (uiEnabled(given.ui, resolved)) mountFastifyUi(instance, resolved.path)
    // `app.openws(...)` returns synchronously; like `createServer` on ws, the app is ready (and
    // listens) only once the groups' broker is connected, so no one needs to await `groups.ready`.
    instance.addHook('onReady', () => hub.runtime.groups.ready)
    return {
      path: resolved.path,
      get connections() {
        return hub.connections.size
      },
      groups: hub.runtime.groups,
      shutdown: () => hub.shutdown(),
    }
  })
}

/**
 * An upgrade request during shutdown: fastify (its `return503OnClosing`) has already answered 503
 * on the raw socket, synchronously, while routing it (this listener runs after @fastify/websocket's),
 * but nothing ends that socket, and an open socket keeps the HTTP server, so `app.close()`, from
 * closing. End it once the answer is written.
 */
function endRefusedUpgrade(_request: IncomingMessage, socket: Duplex): void {
  if (socket.destroyed || socket.writableEnded) return
  if ((socket as Socket).bytesWritten === 0 && socket.writableLength === 0) return // still routing: our preValidation answers 503
  socket.once('finish', () => socket.destroy())
  socket.end()
}

function join(base: string, leaf: string): string {
  return base === '/' ? `/${leaf}` : `${base}/${leaf}`
}

// What fastify-plugin does: share the decorator with the parent scope, name the plugin, and let
// fastify check the version range.
const marked = openwsPlugin as typeof openwsPlugin & Record<symbol, unknown>
marked[Symbol.for('skip-override')] = true
marked[Symbol.for('fastify.display-name')] = 'openws'
marked[Symbol.for('plugin-meta')] = { name: 'openws', fastify: '5.x' }

export const openws = openwsPlugin
export default openwsPlugin
