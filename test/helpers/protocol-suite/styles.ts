// The probe network in every authoring style, for the protocol suite.
import * as D from '../../../src/runtime/contract/decorator/index'
import { S } from '../../../src/runtime/schema/index'
import { probeClassBindings } from '../../runtime/fixtures/probe-class'
import { probeFluentBindings } from '../../runtime/fixtures/probe-fluent'
import { loadDecorated, type DecoratorMode } from '../decorators'
import { withEmittedArtifact } from '../../../bench/support/emitted'
import { codeOf, type MakeProbeBindings, type Probe } from './probe'
import type { BindingsCore } from '../../../src/runtime/contract/types'

type DecoratedFixture = (d: typeof D, s: typeof S, probe: Probe, code: typeof codeOf) => BindingsCore

const decorated =
  (mode: DecoratorMode): MakeProbeBindings =>
  async (probe) =>
    (await loadDecorated<DecoratedFixture>('runtime/fixtures/probe-decorated.ts', mode))(D, S, probe, codeOf)

export const PROBE_STYLES: [string, MakeProbeBindings][] = [
  ['class-first', probeClassBindings],
  ['decorator (TC39)', decorated('esbuild-tc39')],
  ['decorator (legacy)', decorated('tsc-legacy')],
  ['fluent', probeFluentBindings],
  // The same bindings running on the artifact the transformer emits instead of the interpreter.
  ['class-first, emitted artifact', (probe) => withEmittedArtifact(probeClassBindings(probe))],
  ['decorator (TC39), emitted artifact', async (probe) => withEmittedArtifact(await decorated('esbuild-tc39')(probe))],
  ['fluent, emitted artifact', (probe) => withEmittedArtifact(probeFluentBindings(probe))],
]
