// The probe network: one host behaviour, written in each authoring style (fixtures/probe-*.ts),
// that the protocol suite drives. Every handler and hook records into a Probe, so tests assert on
// what ran and in which order.
//
// host `server` accepts:
//   echo {text}        from client  -> log 'echo:<text>', api.echoed({text})
//   slow {tag}         from client  -> log 'slow:start:<tag>', await probe.gate(tag), log 'slow:end:<tag>', api.done({tag})
//   fast {tag}         from client  -> log 'fast:<tag>', api.done({tag})
//   boom {}            from client  -> throws Error('secret detail')
//   boomAsync {}       from client  -> rejects with Error('secret async detail')
//   badReply {}        from client  -> api.echoed({text: 42}) caught into probe.outbound, then api.done({tag: 'after-bad'})
//   stats {}           from admin   -> api.done({tag: 'stats'})
//   ping {}            (no from)    -> api.done({tag: 'pong'})
//   bye {}             from client  -> log 'bye:<disconnect(api, 4000, 'bye')>:<disconnect(api)>'
// remote `client` accepts echoed {text}, done {tag};
// remote `admin` accepts done {tag}.
// Hooks for client and admin: open -> log 'open:<role>' (awaiting probe.openGate when set),
// close -> log 'close:<role>', error -> log 'error:<role>:<code>' and probe.errors.push(error).
import type { BindingsCore } from '../../../src/runtime/contract/types'
export { codeOf } from '../errors'

export interface Probe {
  log: string[]
  errors: unknown[]
  outbound: unknown[]
  /** Peers given to open hooks and handlers, in order. */
  peers: object[]
  openGate: Promise<void> | undefined
  gate(tag: string): Promise<void>
  release(tag: string): void
  disconnect(peer: object, code?: number, reason?: string): boolean
}

/** Builds the probe network's bindings in one style (or from compiled output). */
export type MakeProbeBindings = (probe: Probe) => BindingsCore | Promise<BindingsCore>

export function newProbe(disconnect: Probe['disconnect']): Probe {
  const gates = new Map<string, { promise: Promise<void>; resolve: () => void }>()
  const entry = (tag: string) => {
    let g = gates.get(tag)
    if (g === undefined) {
      let resolve!: () => void
      const promise = new Promise<void>((r) => (resolve = r))
      gates.set(tag, (g = { promise, resolve }))
    }
    return g
  }
  return {
    log: [],
    errors: [],
    outbound: [],
    peers: [],
    openGate: undefined,
    gate: (tag) => entry(tag).promise,
    release: (tag) => entry(tag).resolve(),
    disconnect,
  }
}
