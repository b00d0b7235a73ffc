// Options shared by the server adapters (fastify, ws): checked once, up front, merged over
// documented defaults in one object literal; contradictions throw OPENWS_ERR_INVALID_OPTION.
import type { GroupsOptions } from '../groups/types'
import type { BindingsCore } from '../contract/types'
import { openwsError } from '../openws-error'
import { KEY_PATTERN } from '../ir/types'
import { resolveLimits, type Limits } from '../limits'

/** What `authenticate` grants: the remote role (optional when the path names it) and a context for handlers. */
export interface Grant<Context = unknown> {
  role?: string
  context?: Context
}

/**
 * Runs during the HTTP upgrade, before the socket opens. Return a grant to accept, `false` to
 * refuse with 401. Throw an error carrying `statusCode` 401 or 403 to choose the status; a grant
 * naming a role the connection may not take (unknown, the host role, or another path's role) is 403.
 */
export type Authenticate<Request, Context = unknown> = (
  request: Request,
) => Grant<Context> | false | null | undefined | Promise<Grant<Context> | false | null | undefined>

/** What happens to a peer whose outbound buffer passed `maxBufferedBytes`. */
export type SlowConsumerPolicy = 'close' | 'drop'

export interface ServerOptions<Request, Context = unknown> {
  bindings: BindingsCore
  /** Base path. Each remote role gets `{path}/{role}`; `{path}` itself accepts connections whose role comes from `authenticate` or the first frame. */
  path?: string
  authenticate?: Authenticate<Request, Context>
  /** Opt in to taking the role from the first frame's `fromRole` on `{path}` (when authenticate did not fix it). */
  roleFrom?: 'first-frame'
  /** Limits passed to the runtime (frame size, depth, queue...). See src/runtime/limits.ts. */
  limits?: Partial<Limits>
  /** Outbound backpressure bound per connection, checked against `bufferedAmount`. Default 4 MiB. */
  maxBufferedBytes?: number
  /** Default 'close': the slow peer is closed with 1008 (OPENWS_ERR_SLOW_CONSUMER). 'drop': frames are dropped while over the bound. */
  slowConsumer?: SlowConsumerPolicy
  /** Serve the spec at `GET {path}/spec.json` (fastify) or answer plain HTTP GETs for it (ws createServer). Default true. */
  spec?: boolean
  /** Server pings every `heartbeatMs`; a peer that missed a whole interval is terminated. 0 turns it off. Default 30 000. */
  heartbeatMs?: number
  /** Use this host object instead of constructing the bindings' host class. */
  host?: object
  /** Put a handler exception's text into the HANDLER_FAILED `$error` frame. Default false. */
  exposeErrors?: boolean
  /** Errors nobody else can receive (see the runtime's option). Default `console.error`. */
  onInternalError?: (error: unknown) => void
  /**
   * Graceful shutdown: how long to wait for in-flight handlers before closing anyway, and then for
   * peers to complete the closing handshake before terminating them. Default 10 000.
   */
  shutdownTimeoutMs?: number
  /** Most live connections of this mount; one more is refused at the upgrade with HTTP 503 OPENWS_ERR_TOO_MANY_CONNECTIONS. Default 0: no limit. */
  maxConnections?: number
  /**
   * Most live connections per remote role (one number for every role, or per role name), checked
   * like maxConnections once the upgrade knows the role (path or authenticate; a role taken from
   * the first frame counts toward maxConnections only). Default: no limit.
   */
  maxConnectionsPerRole?: number | Record<string, number>
  /**
   * Groups across instances: `{ broker }` (e.g. `redisBroker(...)` from `openws/redis`) and presence
   * timing; see src/runtime/groups/README.md. The broker is closed by the server's graceful shutdown.
   */
  groups?: GroupsOptions
}

export interface ResolvedServerOptions<Request, Context> {
  bindings: BindingsCore
  path: string
  authenticate: Authenticate<Request, Context> | undefined
  firstFrame: boolean
  limits: Limits
  maxBufferedBytes: number
  slowConsumer: SlowConsumerPolicy
  spec: boolean
  heartbeatMs: number
  shutdownTimeoutMs: number
  /** 0: no limit. */
  maxConnections: number
  /** role -> limit (roles without one: no limit). */
  maxConnectionsPerRole: Record<string, number>
  host: object | undefined
  exposeErrors: boolean
  onInternalError: ((error: unknown) => void) | undefined
  groups: GroupsOptions | undefined
  /** Roles that may connect: every role of the network except the host role. */
  remoteRoles: string[]
}

function bad(what: string): Error {
  return openwsError('OPENWS_ERR_INVALID_OPTION', what)
}

function nonNegative(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !(value >= 0)) throw bad(`${name} must be a number >= 0`)
  return value
}

function count(name: string, value: unknown): number {
  if (value === undefined) return 0
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw bad(`${name} must be an integer >= 0 (0: no limit)`)
  return value
}

function perRole(value: unknown, roles: string[]): Record<string, number> {
  const out: Record<string, number> = Object.create(null)
  if (value === undefined) return out
  if (typeof value === 'number') {
    const n = count('maxConnectionsPerRole', value)
    if (n > 0) for (const role of roles) out[role] = n
    return out
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw bad('maxConnectionsPerRole must be a number or an object of role -> number')
  for (const [role, n] of Object.entries(value)) {
    if (!roles.includes(role))
      throw bad(`maxConnectionsPerRole names "${role}", which is not a role that can connect (${roles.join(', ')})`)
    const limit = count(`maxConnectionsPerRole.${role}`, n)
    if (limit > 0) out[role] = limit
  }
  return out
}

export function resolveServerOptions<Request, Context>(options: ServerOptions<Request, Context>): ResolvedServerOptions<Request, Context> {
  if (options === null || typeof options !== 'object') throw bad('options must be an object')
  const bindings = options.bindings
  if (!bindings || bindings.kind !== 'openws.bindings') throw bad('options.bindings must come from bindings(...)')
  const path = options.path ?? `/${bindings.network.name}`
  if (typeof path !== 'string' || !path.startsWith('/') || (path.length > 1 && path.endsWith('/'))) {
    throw bad('options.path must start with "/" and not end with "/"')
  }
  if (options.authenticate !== undefined && typeof options.authenticate !== 'function') throw bad('options.authenticate must be a function')
  if (options.roleFrom !== undefined && options.roleFrom !== 'first-frame') throw bad('options.roleFrom must be "first-frame" when given')
  const slowConsumer = options.slowConsumer ?? 'close'
  if (slowConsumer !== 'close' && slowConsumer !== 'drop') throw bad('options.slowConsumer must be "close" or "drop"')
  const remoteRoles = Object.keys(bindings.network.roles).filter((role) => role !== bindings.hostRole && KEY_PATTERN.test(role))
  if (remoteRoles.length === 0) throw bad(`network "${bindings.network.name}" has no role that can connect to "${bindings.hostRole}"`)
  return {
    bindings,
    path,
    authenticate: options.authenticate,
    firstFrame: options.roleFrom === 'first-frame',
    limits: resolveLimits(options.limits),
    maxBufferedBytes: nonNegative('maxBufferedBytes', options.maxBufferedBytes, 4 * 1024 * 1024),
    slowConsumer,
    spec: options.spec ?? true,
    heartbeatMs: nonNegative('heartbeatMs', options.heartbeatMs, 30_000),
    shutdownTimeoutMs: nonNegative('shutdownTimeoutMs', options.shutdownTimeoutMs, 10_000),
    maxConnections: count('maxConnections', options.maxConnections),
    maxConnectionsPerRole: perRole(options.maxConnectionsPerRole, remoteRoles),
    host: options.host,
    exposeErrors: options.exposeErrors === true,
    onInternalError: options.onInternalError,
    groups: options.groups,
    remoteRoles,
  }
}
