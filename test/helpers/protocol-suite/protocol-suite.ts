// The protocol suite: every rule the session enforces, run against bindings made by a factory,
// so the same tests run on each authoring style and on the transformer's compiled output:
//   protocolSuite('compiled class', (probe) => compiledProbeBindings(probe))
// The probe network and what each handler does: ./probe.ts.
import { describe } from 'vitest'
import { harness } from '../../../src/runtime/harness/index'
import { disconnect } from '../../../src/runtime/session/index'
import { codes, type SuiteContext } from './context'
import { frameTests } from './frames'
import { handlerTests } from './handlers'
import { inboundTests } from './inbound'
import { lifecycleTests } from './lifecycle'
import { newProbe, type MakeProbeBindings } from './probe'
import { roleTests } from './roles'
import { runtimeApiTests } from './runtime-api'
import { transportTests } from './transport'

export function protocolSuite(style: string, make: MakeProbeBindings): void {
  const ctx: SuiteContext = {
    async setup(options = {}) {
      const probe = newProbe(disconnect)
      const binder = await make(probe)
      const h = harness(binder, { onInternalError: () => {}, ...options })
      return { h, probe }
    },
    make,
    codes,
  }
  describe(`protocol (${style})`, () => {
    lifecycleTests(ctx)
    roleTests(ctx)
    inboundTests(ctx)
    frameTests(ctx)
    handlerTests(ctx)
    transportTests(ctx)
    runtimeApiTests(ctx)
  })
}
