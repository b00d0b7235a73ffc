// What every part of the protocol suite receives.
import type { Harness } from '../../../src/runtime/harness/index'
import type { RuntimeOptions } from '../../../src/runtime/session/types'
import type { MakeProbeBindings, Probe } from './probe'

export interface SuiteContext {
  /** A harness over fresh probe bindings (internal errors collected, not printed). */
  setup(options?: RuntimeOptions): Promise<{ h: Harness; probe: Probe }>
  /** The factory under test, for tests that need a runtime without the harness. */
  make: MakeProbeBindings
  /** Frames as short strings: `$error:<code>` or `<message>:<payload JSON>`. */
  codes(frames: { messageName: string; payload: unknown }[]): string[]
}

export const codes: SuiteContext['codes'] = (frames) =>
  frames.map((f) =>
    f.messageName === '$error' ? `$error:${(f.payload as { code: string }).code}` : `${f.messageName}:${JSON.stringify(f.payload)}`,
  )
