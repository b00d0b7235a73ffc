// Deciding, at the HTTP upgrade, whether a connection may open and as which role.
// The role is fixed here (path or authenticate) or deferred to the first frame only when the
// application opted in; either way it is fixed once, before any message is dispatched.
import type { ResolvedServerOptions } from './server-options'

/** Why an upgrade is refused: 401/403/404/500 from admission, 503 while shutting down. */
export type Refusal =
  | {
      ok: false
      status: 401 | 403 | 404 | 500
      code: 'OPENWS_ERR_UNAUTHORIZED' | 'OPENWS_ERR_UNKNOWN_ROLE' | 'OPENWS_ERR_INTERNAL'
      reason: string
    }
  | { ok: false; status: 503; code: 'OPENWS_ERR_SHUTTING_DOWN' | 'OPENWS_ERR_TOO_MANY_CONNECTIONS'; reason: string }

export type Admission<Context> = { ok: true; role: string | undefined; context: Context | undefined } | Refusal

function refuse<Context>(
  status: 401 | 403 | 404 | 500,
  code: 'OPENWS_ERR_UNAUTHORIZED' | 'OPENWS_ERR_UNKNOWN_ROLE' | 'OPENWS_ERR_INTERNAL',
  reason: string,
): Admission<Context> {
  return { ok: false, status, code, reason }
}

/** The role a request path names: `{base}/{role}` → role, `{base}` → '' (no role), anything else → undefined. */
export function roleFromPath(pathname: string, base: string): string | undefined {
  if (pathname === base) return ''
  const prefix = base === '/' ? '/' : `${base}/`
  if (!pathname.startsWith(prefix)) return undefined
  const rest = pathname.slice(prefix.length)
  return rest.includes('/') ? undefined : rest
}

/**
 * Runs `authenticate` (if any) and reconciles its grant with the path's role.
 * `pathRole` is '' for the bare base path.
 */
export async function admit<Request, Context>(
  options: ResolvedServerOptions<Request, Context>,
  request: Request,
  pathRole: string,
): Promise<Admission<Context>> {
  if (pathRole === '' && !options.authenticate && !options.firstFrame) {
    // Same answer as fastify gives for the unregistered bare path.
    return refuse(404, 'OPENWS_ERR_UNKNOWN_ROLE', 'connect to {path}/{role}')
  }
  if (pathRole !== '' && !options.remoteRoles.includes(pathRole)) {
    return refuse(404, 'OPENWS_ERR_UNKNOWN_ROLE', `no role "${pathRole}" can connect here`)
  }
  let role: string | undefined = pathRole === '' ? undefined : pathRole
  let context: Context | undefined
  if (options.authenticate) {
    let grant: Awaited<ReturnType<NonNullable<typeof options.authenticate>>>
    try {
      grant = await options.authenticate(request)
    } catch (err) {
      const status = (err as { statusCode?: unknown } | null)?.statusCode
      if (status === 401 || status === 403) return refuse(status, 'OPENWS_ERR_UNAUTHORIZED', String((err as Error).message ?? 'refused'))
      return refuse(500, 'OPENWS_ERR_INTERNAL', 'authenticate failed')
    }
    if (!grant) return refuse(401, 'OPENWS_ERR_UNAUTHORIZED', 'authentication refused the connection')
    if (typeof grant !== 'object') return refuse(500, 'OPENWS_ERR_INTERNAL', 'authenticate must return a grant object or false')
    if (grant.role !== undefined) {
      if (typeof grant.role !== 'string' || !options.remoteRoles.includes(grant.role)) {
        return refuse(403, 'OPENWS_ERR_UNAUTHORIZED', 'the granted role cannot connect here')
      }
      if (role !== undefined && grant.role !== role) {
        return refuse(403, 'OPENWS_ERR_UNAUTHORIZED', `not allowed to connect as "${role}"`)
      }
      role = grant.role
    }
    context = grant.context
  }
  if (role === undefined && !options.firstFrame) {
    return refuse(
      403,
      'OPENWS_ERR_UNAUTHORIZED',
      'the role of this connection is not established (use {path}/{role}, authenticate, or roleFrom: "first-frame")',
    )
  }
  return { ok: true, role, context }
}
