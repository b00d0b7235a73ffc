// runtime(binder, options): picks the artifact (compiled, else interpreted), builds the host once,
// resolves handlers and hooks per remote role once, and hands out sessions and detached peers.
import { isArtifact, type CompiledArtifact } from '../artifact/types'
import type { BindingsCore } from '../contract/types'
import { openwsError } from '../openws-error'
import { DEFAULT_LIMITS, resolveLimits, type Limits } from '../limits'
import type { HandlerFn, RuntimeCore } from './runtime-core'
import { resolveHooks, type RoleHooks } from './hooks'
import { Groups } from '../groups/groups'
import { DetachedSink, SessionSink } from './peer'
import { SessionImpl } from './session'
import { ServerSession } from './server-session'
import type { ClientSession, DisconnectFn, Runtime, RuntimeOptions, SendFn, SessionRuntime } from './types'

/** Artifacts built for a depth (interpreted, or compiled `withDepth`), shared by the runtimes of the same bindings. */
const byBinder = new WeakMap<object, Map<number, CompiledArtifact>>()

function defaultInternalError(error: unknown): void {
  console.error('[openws]', error)
}

/**
 * Creates the runtime of `binder`'s host role. Throws (synchronously, OpenWsError):
 * OPENWS_ERR_INVALID_OPTION for bad options, a `binder.compiled` that is not an artifact of this
 * version, or a `limits.maxDepth` above the depth of compiled validators that cannot take another; OPENWS_ERR_MISSING_HANDLER
 * when a route names a method the host does not have; schema errors from the interpreter.
 */
export function runtime(binder: BindingsCore, options: RuntimeOptions = {}): Runtime {
  checkOptions(binder, options)
  // open() asks for a peer only after checking that the artifact has an outbound API for `role`.
  const { core, rt } = build(binder, options, ServerSession, (role, session) =>
    core.artifact.outbound[role]!(new SessionSink(core, role, session as ServerSession)),
  )
  const groups = (core.groups = new Groups(core, options.groups))
  return Object.defineProperty(rt, 'groups', { value: groups, enumerable: true }) as Runtime
}

/**
 * A client's runtime on the shared loop: one connection forms no group, and it is never drained,
 * rate-limited or opened from a first frame, so its sessions are the plain message loop. The client
 * itself runs its own, smaller loop (adapters/client/loop.ts, for the browser bundle); this one is
 * the reference test/adapters/client-loop.test.ts holds it to, frame by frame.
 * `groupsOf(api)` on its peers throws OPENWS_ERR_INVALID_OPTION; `roleFromFirstFrame` and
 * `limits.maxMessagesPerSecond` have no effect. Its sessions have no peer of their own: `peer(role)`
 * is what their handlers and hooks get (the client's stable `api`), so the requests they send
 * live in that peer's table.
 */
export function sessionRuntime(binder: BindingsCore, options: RuntimeOptions, peer: (role: string) => object): SessionRuntime {
  return build(binder, options, SessionImpl, peer).rt
}

/** runtime()'s arguments come from users; the client's (sessionRuntime) from resolveClientOptions. */
function checkOptions(binder: BindingsCore, options: RuntimeOptions): void {
  if (binder === null || typeof binder !== 'object' || binder.kind !== 'openws.bindings') {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'runtime() needs the result of bindings(...)')
  }
  if (options === null || typeof options !== 'object') throw openwsError('OPENWS_ERR_INVALID_OPTION', 'options must be an object')
  for (const name of ['onInternalError', 'onReplyFrame', 'onErrorFrame'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', `${name} must be a function`)
    }
  }
}

type SessionClass = new (core: RuntimeCore, send: SendFn, disconnect: DisconnectFn | undefined) => ClientSession

function build(
  binder: BindingsCore,
  options: RuntimeOptions,
  Session: SessionClass,
  peerFor: RuntimeCore['peerFor'],
): { core: RuntimeCore; rt: SessionRuntime } {
  const limits = resolveLimits(options.limits)
  const artifact = pickArtifact(binder, limits)
  const host = makeHost(binder, options.host)
  checkMethodRoutes(binder, host)
  const handlers = new Map<string, readonly (HandlerFn | undefined)[]>()
  const hooks = new Map<string, RoleHooks>()
  const core: RuntimeCore = {
    artifact,
    hostRole: artifact.hostRole,
    // Getters: a compiled artifact builds its network literal on first read (error paths only).
    get networkName() {
      return artifact.network.name
    },
    host,
    limits: Object.freeze(limits),
    decodeOptions: {
      maxFrameBytes: limits.maxFrameBytes,
      maxIssues: limits.maxIssues,
      validator: artifact.envelope,
      allowErrorFrames: options.onErrorFrame !== undefined,
    },
    exposeErrors: options.exposeErrors === true,
    roleFromFirstFrame: options.roleFromFirstFrame === true,
    onInternalError: options.onInternalError ?? defaultInternalError,
    onErrorFrame: options.onErrorFrame,
    onReplyFrame: options.onReplyFrame,
    handlersFor(role) {
      let table = handlers.get(role)
      if (table === undefined) handlers.set(role, (table = resolveHandlers(binder, artifact, host, role)))
      return table
    },
    hooksFor(role) {
      let h = hooks.get(role)
      if (h === undefined) hooks.set(role, (h = resolveHooks(binder, host, role)))
      return h
    },
    peerFor,
    groups: undefined, // runtime() sets it: Groups needs the core
  }
  const rt: SessionRuntime = {
    get network() {
      return artifact.network
    },
    hostRole: artifact.hostRole,
    host,
    limits: core.limits,
    artifact,
    newSession(send: SendFn, disconnect?: DisconnectFn): ClientSession {
      if (typeof send !== 'function') throw openwsError('OPENWS_ERR_INVALID_OPTION', 'newSession(send) needs a send function')
      if (disconnect !== undefined && typeof disconnect !== 'function') {
        throw openwsError('OPENWS_ERR_INVALID_OPTION', 'newSession(send, disconnect) needs disconnect to be a function')
      }
      return new Session(core, send, disconnect)
    },
    createPeer(role: string, send: SendFn, disconnect?: DisconnectFn): object {
      const factory = typeof role === 'string' && Object.hasOwn(artifact.outbound, role) ? artifact.outbound[role] : undefined
      if (factory === undefined) {
        throw openwsError('OPENWS_ERR_UNKNOWN_ROLE', `no remote role "${String(role)}" in the network`, { network: core.networkName })
      }
      if (typeof send !== 'function') throw openwsError('OPENWS_ERR_INVALID_OPTION', 'createPeer(role, send) needs a send function')
      return factory(new DetachedSink(core, role, send, disconnect))
    },
  }
  return { core, rt }
}

/**
 * The artifact whose validators descend at least `limits.maxDepth` levels. Validators built deeper
 * serve lower limits: the session checks every inbound payload's nesting against the limit before
 * validating, and outbound methods do when the limit is below the artifact's depth, so compiled and
 * interpreted runtimes decide alike at every limit. Interpreted artifacts are built for
 * max(limit, default) so that both paths use the same mechanism up to the default depth.
 */
export function pickArtifact(binder: BindingsCore, limits: Limits): CompiledArtifact {
  const compiled = binder.compiled
  if (compiled !== undefined) {
    if (!isArtifact(compiled)) {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', 'binder.compiled is no version 1 artifact: rebuild')
    }
    if (compiled.hostRole !== binder.hostRole) {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', `artifact for role "${compiled.hostRole}", bindings for "${binder.hostRole}"`)
    }
    if (limits.maxDepth <= compiled.maxDepth) return compiled
    const deeper = cached(binder, limits.maxDepth, () => compiled.withDepth?.(limits.maxDepth))
    if (deeper !== undefined && deeper.maxDepth >= limits.maxDepth) return deeper
    throw openwsError(
      'OPENWS_ERR_INVALID_OPTION',
      `limits.maxDepth ${limits.maxDepth} is above the depth the compiled validators descend to (${compiled.maxDepth})`,
    )
  }
  // Not imported here: only bindings that were not compiled bring the interpreter along.
  const interpret = binder.interpret
  if (typeof interpret !== 'function') {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'bindings with neither a compiled artifact nor the interpreter')
  }
  const depth = Math.max(limits.maxDepth, DEFAULT_LIMITS.maxDepth)
  return cached(binder, depth, () => interpret(binder.network, binder.hostRole, depth) as CompiledArtifact) as CompiledArtifact
}

function cached(binder: BindingsCore, depth: number, make: () => CompiledArtifact | undefined): CompiledArtifact | undefined {
  let byDepth = byBinder.get(binder)
  if (byDepth === undefined) byBinder.set(binder, (byDepth = new Map()))
  let artifact = byDepth.get(depth)
  if (artifact === undefined) {
    artifact = make()
    if (artifact !== undefined) byDepth.set(depth, artifact)
  }
  return artifact
}

export function makeHost(binder: BindingsCore, given: object | undefined): object | undefined {
  if (given !== undefined) {
    if (given === null || (typeof given !== 'object' && typeof given !== 'function')) {
      throw openwsError('OPENWS_ERR_INVALID_OPTION', 'options.host must be an object')
    }
    return given
  }
  return binder.hostClass !== undefined ? new binder.hostClass() : undefined
}

/**
 * Method-name routes must name functions on the host: a missing method is a definition error.
 * for-in, not Object.entries: on the null-prototype tables of a 1000-message network it is ten
 * times faster at start-up (0.15 vs 1.5-2.5 ms, cold).
 */
export function checkMethodRoutes(binder: BindingsCore, host: object | undefined): void {
  const routes = binder.routes
  for (const message in routes) {
    if (!Object.hasOwn(routes, message)) continue
    const bySender = routes[message]!
    for (const sender in bySender) {
      const target = bySender[sender]
      if (typeof target !== 'string' || !Object.hasOwn(bySender, sender)) continue
      if (host === undefined || typeof (host as Record<string, unknown>)[target] !== 'function') {
        throw openwsError('OPENWS_ERR_MISSING_HANDLER', `the host has no method "${target}" for messages from "${sender}"`, {
          network: binder.network.name,
          role: binder.hostRole,
          message,
        })
      }
    }
  }
}

/** slot -> handler for `role`. Fluent handlers registered after the role's first session are not seen. */
export function resolveHandlers(
  binder: BindingsCore,
  artifact: CompiledArtifact,
  host: object | undefined,
  role: string,
): readonly (HandlerFn | undefined)[] {
  return artifact.inbound.messages.map((message) => {
    const bySender = Object.hasOwn(binder.routes, message) ? binder.routes[message] : undefined
    const target = bySender !== undefined && Object.hasOwn(bySender, role) ? bySender[role] : undefined
    if (typeof target === 'function') return target as HandlerFn
    if (typeof target === 'string' && host !== undefined) {
      const method = (host as Record<string, unknown>)[target]
      if (typeof method === 'function') return method as HandlerFn
    }
    return undefined
  })
}
