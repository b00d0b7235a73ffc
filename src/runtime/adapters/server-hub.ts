// One hub per mounted network: the runtime, the live connections, the server heartbeat and
// graceful shutdown. Platform files (fastify, ws) only admit requests and hand sockets in.
import { openwsError } from '../openws-error'
import { runtime as createRuntime } from '../session/index'
import type { Runtime } from '../session/types'
import { ServerConnection } from './server-connection'
import type { ResolvedServerOptions } from './server-options'
import type { SocketContext } from './socket'
import type { Refusal } from './admission'

export class ServerHub<Context = unknown> {
  readonly runtime: Runtime
  readonly connections = new Set<ServerConnection<Context>>()
  private closing: Promise<void> | undefined
  /** Live connections per known role, for maxConnectionsPerRole. */
  private readonly perRole = new Map<string, number>()
  private heartbeat: ReturnType<typeof setInterval> | undefined

  constructor(readonly options: ResolvedServerOptions<any, Context>) {
    this.runtime = createRuntime(options.bindings, {
      limits: options.limits,
      roleFromFirstFrame: options.firstFrame,
      host: options.host,
      exposeErrors: options.exposeErrors,
      onInternalError: options.onInternalError,
      groups: options.groups,
    })
    if (options.heartbeatMs > 0) {
      this.heartbeat = setInterval(sweep, options.heartbeatMs, this)
      // A heartbeat alone must not keep the process alive.
      this.heartbeat.unref?.()
    }
  }

  get shuttingDown(): boolean {
    return this.closing !== undefined
  }

  /**
   * Whether one more connection of `role` would pass maxConnections / maxConnectionsPerRole:
   * undefined, or the 503 refusal adapters answer the upgrade with.
   */
  capacityRefusal(role: string | undefined): Refusal | undefined {
    const max = this.options.maxConnections
    if (max > 0 && this.connections.size >= max) {
      return { ok: false, status: 503, code: 'OPENWS_ERR_TOO_MANY_CONNECTIONS', reason: `the server has ${max} connections` }
    }
    const roleMax = role === undefined || role === '' ? undefined : this.options.maxConnectionsPerRole[role]
    if (roleMax !== undefined && (this.perRole.get(role as string) ?? 0) >= roleMax) {
      return { ok: false, status: 503, code: 'OPENWS_ERR_TOO_MANY_CONNECTIONS', reason: `role "${role}" has ${roleMax} connections` }
    }
    return undefined
  }

  /**
   * Takes over an open socket. During shutdown the socket is closed at once with 1001. Over a
   * connection limit (upgrades admitted concurrently can pass the check at the upgrade together)
   * it is closed with 1013 (try again later) OPENWS_ERR_TOO_MANY_CONNECTIONS.
   */
  accept(socket: SocketContext, role: string | undefined, context: Context | undefined): ServerConnection<Context> | undefined {
    if (this.closing) {
      socket.close(1001, openwsError('OPENWS_ERR_SHUTTING_DOWN', 'the server is shutting down').code)
      return undefined
    }
    if (this.capacityRefusal(role) !== undefined) {
      socket.close(1013, 'OPENWS_ERR_TOO_MANY_CONNECTIONS')
      return undefined
    }
    const connection = new ServerConnection(this, socket, role, context)
    this.connections.add(connection)
    if (role !== undefined) this.perRole.set(role, (this.perRole.get(role) ?? 0) + 1)
    connection.start()
    return connection
  }

  /** Called by a connection once its socket closed. */
  forget(connection: ServerConnection<Context>): void {
    if (!this.connections.delete(connection)) return
    const role = connection.admittedRole
    if (role !== undefined) this.perRole.set(role, (this.perRole.get(role) ?? 1) - 1)
  }

  /**
   * Graceful shutdown, bounded whatever the peers and handlers do; `T` = `shutdownTimeoutMs`:
   * 1. stop taking frames and connections; wait up to T for the handlers already running or queued;
   * 2. close every socket with 1001 and every session (`handleClose` runs now); peers get up to T to
   *    complete the closing handshake, then their sockets are terminated (a peer that reads but
   *    never answers cannot hold the HTTP server open for ws's 30 s close timeout);
   * 3. resolve once every `handleClose` ran, or T after step 2 at the latest (a handler that never
   *    settles keeps its session from closing, not the server).
   */
  shutdown(): Promise<void> {
    if (this.closing) return this.closing
    if (this.heartbeat) clearInterval(this.heartbeat)
    const connections = [...this.connections]
    for (const connection of connections) connection.drain()
    const ms = this.options.shutdownTimeoutMs
    this.closing = (async () => {
      await within(ms, Promise.all(connections.map((c) => c.idle())))
      for (const connection of connections) connection.goAway()
      // Not awaited: the HTTP server's own close waits for these sockets; this bounds that wait.
      void within(ms, Promise.all(connections.map((c) => c.socketClosed))).then((closed) => {
        if (!closed) for (const connection of connections) connection.kill()
      })
      await within(ms, Promise.all(connections.map((c) => c.finished)))
      // After every handleClose: their leaves reached the broker; then this instance says goodbye.
      await within(ms, this.runtime.groups.close())
    })()
    return this.closing
  }
}

/** Waits for `promise` at most `ms`; true when it settled in time. The timer never keeps the process alive. */
function within(ms: number, promise: Promise<unknown>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(resolve, ms, false)
    timer.unref?.()
  })
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer))
}

/** Server heartbeat: terminate peers that did not answer the previous ping, ping the rest. */
function sweep(hub: ServerHub<any>): void {
  for (const connection of hub.connections) connection.heartbeat()
}
