// The artifact the transformer would emit (generateArtifact: the plan's generated source), evaluated
// here for benches and tests that have no build step: the protocol suite also runs on generated
// code, bench/e2e serves it. Tests and benches only: src/runtime never evaluates code.
import type { BindingsCore } from '../../src/runtime/contract/types'
import type { CompiledArtifact } from '../../src/runtime/artifact/types'
import type { NetworkIR } from '../../src/runtime/ir/types'
import { generateArtifact, type GeneratedArtifact } from '../../src/runtime/codegen/artifact'
import { DEFAULT_LIMITS } from '../../src/runtime/limits'
import { artifactOf, type ArtifactFactory } from '../../src/runtime/contract/compiled'
import { FORMAT_CHECKS } from '../../src/runtime/validate/formats'
import { EXTRA_HELPERS } from '../../src/runtime/validate/helpers'

/** The generated artifact (source plus the helpers and formats it uses), as the transformer gets it. */
export function emitted(network: NetworkIR, hostRole: string, maxDepth = DEFAULT_LIMITS.maxDepth): GeneratedArtifact {
  return generateArtifact({ network, hostRole, maxDepth })
}

/** The artifact factory's source, as the transformer splices it. */
export function emittedSource(network: NetworkIR, hostRole: string, maxDepth = DEFAULT_LIMITS.maxDepth): string {
  return emitted(network, hostRole, maxDepth).source
}

/** Evaluates emitted source into the artifact factory, as a bundle would load it. */
export function evaluateEmitted(source: string): ArtifactFactory {
  return new Function(`return ${source}`)() as ArtifactFactory
}

/**
 * Loads a generated artifact with only the format checks and extra helpers the generator said it
 * used (what the transformer imports), so a missed one fails the suite.
 */
export function loadArtifact(generated: GeneratedArtifact): CompiledArtifact {
  const formats = Object.fromEntries(generated.formats.map((name) => [name, FORMAT_CHECKS[name]!]))
  const helpers = Object.fromEntries(generated.helpers.map((name) => [name, EXTRA_HELPERS[name]]))
  return artifactOf(evaluateEmitted(generated.source), formats, helpers)
}

/** Attaches the emitted artifact to bindings made by any style (what `binder.compiled` is after a build). */
export function withEmittedArtifact<B extends BindingsCore>(binder: B, maxDepth = DEFAULT_LIMITS.maxDepth): B {
  binder.compiled = loadArtifact(emitted(binder.network, binder.hostRole, maxDepth))
  return binder
}
