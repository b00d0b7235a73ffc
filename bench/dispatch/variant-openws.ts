// This runtime, fed frames through session.receive() exactly as an adapter does. "interpreted":
// no transformer (artifact built by the interpreter). "compiled": the artifact the transformer
// emits (the source compile-bindings.ts splices, from generateArtifact), evaluated here because
// the bench has no build step, and loaded as a build loads it: with exactly the helpers and format
// checks the generator reported (bench/support/emitted.ts).
import type { BindingsCore, HandlerTarget } from '../../src/runtime/contract/types'
import { runtime } from '../../src/runtime/session/index'
import { emitted, loadArtifact } from '../support/emitted'
import { interpretArtifact } from '../../src/runtime/artifact/interpreted'
import { DEFAULT_LIMITS } from '../../src/runtime/limits'
import type { Workload } from './networks'

/** Counts the UTF-8 bytes written, as a socket would: that also flattens concatenated text. */
export type Sink = { bytes: number }

export function bindingsFor(w: Workload, compiled: boolean, asyncHandlers: boolean): BindingsCore {
  const routes: Record<string, Record<string, HandlerTarget>> = {}
  for (const [name, handler] of Object.entries(w.handlers)) {
    // A fluent-style handler. A sync one lets the session dispatch the next frame at once; an
    // async one (the README's style) costs a promise turn per frame.
    routes[name] = {
      [w.sender]: asyncHandlers
        ? async (payload: any, api: any) => {
            await handler(payload, api)
          }
        : (payload: any, api: any) => {
            handler(payload, api)
          },
    }
  }
  const binder: BindingsCore = {
    kind: 'openws.bindings',
    network: w.network,
    hostRole: w.hostRole,
    routes,
    lifecycle: {},
    interpret: interpretArtifact,
  }
  if (compiled) binder.compiled = loadArtifact(emitted(w.network, w.hostRole, DEFAULT_LIMITS.maxDepth))
  return binder
}

export interface OpenwsVariant {
  handle: (frame: string) => void
  /** Resolves once every received frame has been handled (async handlers). */
  idle: () => Promise<void>
}

/** A session fed like an adapter feeds it; with async handlers the queue holds a whole batch. */
export function openwsVariant(w: Workload, compiled: boolean, sink: Sink, asyncHandlers = false): OpenwsVariant {
  const rt = runtime(bindingsFor(w, compiled, asyncHandlers), { limits: { maxQueuedMessages: w.frames.length } })
  const session = rt.newSession(
    (_fromRole, _messageName, _payload, _id, frame) => {
      // What an adapter does (src/runtime/adapters/server-connection.ts).
      sink.bytes += Buffer.byteLength(frame)
    },
    (code, reason) => {
      throw new Error(`bench session closed: ${code} ${reason}`)
    },
  )
  void session.open(w.sender)
  return { handle: (frame) => session.receive(frame), idle: () => session.idle() }
}
