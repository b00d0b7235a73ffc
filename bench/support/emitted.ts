// The artifact the transformer would emit (emitArtifact + generated validators), evaluated here,
// for benches and tests that have no build step: the protocol suite also runs on generated code,
// bench/e2e serves it. Tests and benches only: src/runtime never evaluates code (no new Function).
import type { BindingsCore } from '../../src/runtime/contract/types'
import type { NetworkIR } from '../../src/runtime/ir/types'
import { generateValidator } from '../../src/runtime/codegen/index'
import { DEFAULT_LIMITS } from '../../src/runtime/limits'
import { emitArtifact } from '../../src/transformer/core/emit-artifact'
import { artifactOf, type ArtifactFactory } from '../../src/runtime/contract/compiled'
import { FORMAT_CHECKS } from '../../src/runtime/validate/formats'
import { EXTRA_HELPERS, extraHelpersUsed } from '../../src/runtime/validate/helpers'

/** The artifact factory's source, as the transformer emits it. */
export function emittedSource(network: NetworkIR, hostRole: string, maxDepth = DEFAULT_LIMITS.maxDepth): string {
  return emitArtifact({ network, hostRole, maxDepth, validatorSource: (schema, depth) => generateValidator(schema, { maxDepth: depth }).source })
}

/** Evaluates emitted source into the artifact factory, as a bundle would load it. */
export function evaluateEmitted(source: string): ArtifactFactory {
  return new Function(`return ${source}`)() as ArtifactFactory
}

/** Attaches the emitted artifact to bindings made by any style (what `binder.compiled` is after a build). */
export function withEmittedArtifact<B extends BindingsCore>(binder: B, maxDepth = DEFAULT_LIMITS.maxDepth): B {
  const source = emittedSource(binder.network, binder.hostRole, maxDepth)
  binder.compiled = artifactOf(evaluateEmitted(source), FORMAT_CHECKS, helpersUsedBy(source))
  return binder
}

/** Only the extra helpers the transformer would import for `source`, so a missed one fails the suite. */
export function helpersUsedBy(source: string): Record<string, unknown> {
  return Object.fromEntries(extraHelpersUsed(source).map((name) => [name, EXTRA_HELPERS[name]]))
}
