// Client options, checked up front and merged over documented defaults.
import type { BindingsCore } from '../../contract/types'
import { openwsError } from '../../openws-error'
import type { Limits } from '../../limits'
import { resolveReconnect, type ReconnectOptions, type ResolvedReconnect } from './backoff'
import { resolveHeartbeat, type HeartbeatOptions, type ResolvedHeartbeat } from './heartbeat'
import type { WebSocketLike } from '../socket'

/** A DOM-style WebSocket constructor: the browser's, Node 22's global, or `ws`'s `WebSocket`. */
export interface WebSocketConstructor {
  new (
    url: string,
    protocols?: string | string[],
  ): WebSocketLike & {
    addEventListener(type: string, listener: (event: any) => void): void
    binaryType?: string
  }
}

export interface ClientOptions {
  /** Bindings whose host role is this client's role (the same role classes as the server's). */
  bindings: BindingsCore
  /**
   * The server endpoint. Default: the server role's first endpoint in the spec, with the path
   * extended by `/{clientRole}` (the adapters' per-role route).
   */
  url?: string | (() => string)
  /** The role on the other side. Default: the one role this client's role may send messages to. */
  serverRole?: string
  /** Default `globalThis.WebSocket`. On Node 20 pass `ws`'s WebSocket (or import `openws/client/node`). */
  WebSocket?: WebSocketConstructor
  protocols?: string | string[]
  /** Exponential backoff with jitter; `false` turns reconnecting off. Default on. */
  reconnect?: ReconnectOptions | boolean
  /** Ping/pong liveness check where the socket supports it; `false` turns it off. */
  heartbeat?: HeartbeatOptions | boolean
  /** Frames kept while disconnected (oldest dropped first, reported as 'drop'). 0: none. Default 1000. */
  maxQueuedFrames?: number
  limits?: Partial<Limits>
  /** Use this host object instead of constructing the bindings' host class. */
  host?: object
  onInternalError?: (error: unknown) => void
}

export interface ResolvedClientOptions {
  bindings: BindingsCore
  url: () => string
  serverRole: string
  WebSocket: WebSocketConstructor
  protocols: string | string[] | undefined
  reconnect: ResolvedReconnect | undefined
  heartbeat: ResolvedHeartbeat | undefined
  maxQueuedFrames: number
  limits: Partial<Limits> | undefined
  host: object | undefined
  onInternalError: ((error: unknown) => void) | undefined
}

function bad(what: string): Error {
  return openwsError('OPENWS_ERR_INVALID_OPTION', what)
}

/**
 * The server role a client of `hostRole` talks to: the one role with a message that names the
 * client in its `from` list; failing that, the one role it may send anything to.
 */
function inferServerRole(bindings: BindingsCore): string[] {
  const me = bindings.hostRole
  const others = Object.entries(bindings.network.roles).filter(([name]) => name !== me)
  const explicit = others.filter(([, role]) => Object.values(role.messages ?? {}).some((m) => m.from?.includes(me))).map(([name]) => name)
  if (explicit.length > 0) return explicit
  return others.filter(([, role]) => Object.values(role.messages ?? {}).some((m) => m.from === undefined)).map(([name]) => name)
}

/**
 * The roles other than the host. A compiled artifact lists them, so a client given its server role
 * does not read `bindings.network` (a compiled network is a literal parsed on first read).
 */
function otherRoles(bindings: BindingsCore): readonly unknown[] {
  const listed = (bindings.compiled as { remoteRoles?: unknown } | undefined)?.remoteRoles
  return Array.isArray(listed) ? listed : Object.keys(bindings.network.roles).filter((name) => name !== bindings.hostRole)
}

function defaultUrl(bindings: BindingsCore, serverRole: string): string | undefined {
  const endpoint = bindings.network.roles[serverRole]?.endpoints?.[0]
  if (!endpoint) return undefined
  const scheme = endpoint.scheme ?? 'ws'
  const path = endpoint.path.endsWith('/') ? endpoint.path.slice(0, -1) : endpoint.path
  return `${scheme}://${endpoint.host}:${endpoint.port}${path}/${bindings.hostRole}`
}

export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  if (options === null || typeof options !== 'object') throw bad('options must be an object')
  const bindings = options.bindings
  if (!bindings || bindings.kind !== 'openws.bindings') throw bad('options.bindings must come from bindings(...)')
  let serverRole = options.serverRole
  if (serverRole === undefined) {
    const candidates = inferServerRole(bindings)
    serverRole = candidates[0]
    if (serverRole === undefined || candidates.length !== 1) {
      throw bad(
        `options.serverRole is needed: role "${bindings.hostRole}" can send to ${candidates.length ? candidates.join(', ') : 'no role'}`,
      )
    }
  } else if (!otherRoles(bindings).includes(serverRole)) {
    throw bad(`options.serverRole "${serverRole}" is not another role of network "${bindings.network.name}"`)
  }
  const given = options.url ?? defaultUrl(bindings, serverRole)
  if (given === undefined) throw bad(`options.url is needed: role "${serverRole}" declares no endpoint`)
  const url = typeof given === 'function' ? given : () => given
  const WebSocketCtor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket
  if (typeof WebSocketCtor !== 'function') {
    throw bad('no WebSocket: pass options.WebSocket (or import "openws/client/node")')
  }
  const maxQueuedFrames = options.maxQueuedFrames ?? 1000
  if (!Number.isInteger(maxQueuedFrames) || maxQueuedFrames < 0) throw bad('options.maxQueuedFrames must be an integer >= 0')
  return {
    bindings,
    url,
    serverRole,
    WebSocket: WebSocketCtor,
    protocols: options.protocols,
    reconnect: resolveReconnect(options.reconnect),
    heartbeat: resolveHeartbeat(options.heartbeat),
    maxQueuedFrames,
    limits: options.limits,
    host: options.host,
    onInternalError: options.onInternalError,
  }
}
