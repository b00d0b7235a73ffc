// One hub per mounted network: the runtime, the live connections, the server heartbeat and
// graceful shutdown. Platform files (fastify, ws) only admit requests and hand sockets in.
import { openwsError } from '../errors'
import { runtime as createRuntime } from '../session/index'
import type { Runtime } from '../session/types'
import { ServerConnection } from './server-connection'
import type { ResolvedServerOptions } from './server-options'
import type { SocketContext } from './socket'


export class ServerHub<Context = unknown> {
  readonly runtime: Runtime
  readonly connections = new Set<ServerConnection<Context>>()
  private closing: Promise<void> | undefined
  private heartbeat: ReturnType<typeof setInterval> | undefined

  constructor(readonly options: ResolvedServerOptions<any, Context>) {
    this.runtime = createRuntime(options.bindings, {
      limits: options.limits,
      roleFromFirstFrame: options.firstFrame,
      host: options.host,
      exposeErrors: options.exposeErrors,
      onInternalError: options.onInternalError,
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

  /** Takes over an open socket. During shutdown the socket is closed at once with 1001. */
  accept(socket: SocketContext, role: string | undefined, context: Context | undefined): ServerConnection<Context> | undefined {
    if (this.closing) {
      socket.close(1001, openwsError('OPENWS_ERR_SHUTTING_DOWN', 'the server is shutting down').code)
      return undefined
    }
    const connection = new ServerConnection(this, socket, role, context)
    this.connections.add(connection)
    connection.start()
    return connection
  }

  /** Called by a connection once its socket closed. */
  forget(connection: ServerConnection<Context>): void {
    this.connections.delete(connection)
  }

  /**
   * Graceful shutdown: stop taking frames and connections, wait (up to `shutdownTimeoutMs`) for
   * the handlers already running or queued, then close every session with 1001.
   */
  shutdown(): Promise<void> {
    if (this.closing) return this.closing
    if (this.heartbeat) clearInterval(this.heartbeat)
    const connections = [...this.connections]
    for (const connection of connections) connection.drain()
    const idle = Promise.all(connections.map((c) => c.idle()))
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.shutdownTimeoutMs)
    })
    this.closing = Promise.race([idle, timeout]).then(() => {
      clearTimeout(timer)
      for (const connection of connections) connection.goAway()
    })
    return this.closing
  }
}

/** Server heartbeat: terminate peers that did not answer the previous ping, ping the rest. */
function sweep(hub: ServerHub<any>): void {
  for (const connection of hub.connections) connection.heartbeat()
}
