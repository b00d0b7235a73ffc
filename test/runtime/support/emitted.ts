// Attaches the artifact the transformer would emit (generateArtifact) to bindings made by any
// style, so the protocol suite also runs on generated code. Tests only: the generated source is
// evaluated with new Function here, never in src/runtime.
import type { BindingsCore } from '../../../src/runtime/contract/types'
import type { CompiledArtifact } from '../../../src/runtime/artifact/types'
import { generateArtifact, type GeneratedArtifact } from '../../../src/runtime/codegen/artifact'
import { DEFAULT_LIMITS } from '../../../src/runtime/limits'
import { artifactOf } from '../../../src/runtime/contract/compiled'
import { FORMAT_CHECKS } from '../../../src/runtime/validate/formats'
import { EXTRA_HELPERS } from '../../../src/runtime/validate/helpers'

export function withEmittedArtifact<B extends BindingsCore>(binder: B, maxDepth = DEFAULT_LIMITS.maxDepth): B {
  binder.compiled = loadArtifact(generateArtifact({ network: binder.network, hostRole: binder.hostRole, maxDepth }))
  return binder
}

/**
 * Evaluates generated artifact source with only the format checks and extra helpers the generator
 * said it used (what the transformer imports), so a missed one fails the suite.
 */
export function loadArtifact(generated: GeneratedArtifact): CompiledArtifact {
  const formats = Object.fromEntries(generated.formats.map((name) => [name, FORMAT_CHECKS[name]!]))
  const helpers = Object.fromEntries(generated.helpers.map((name) => [name, EXTRA_HELPERS[name]]))
  return artifactOf(new Function(`return ${generated.source}`)(), formats, helpers)
}
