// Attaches the artifact the transformer would emit (emitArtifact + generated validators) to
// bindings made by any style, so the protocol suite also runs on generated code. Tests only:
// the generated source is evaluated with new Function here, never in src/runtime.
import type { BindingsCore } from '../../../src/runtime/contract/types'
import { generateValidator } from '../../../src/runtime/codegen/index'
import { DEFAULT_LIMITS } from '../../../src/runtime/limits'
import { emitArtifact } from '../../../src/transformer/core/emit-artifact'
import { artifactOf } from '../../../src/runtime/contract/compiled'
import { FORMAT_CHECKS } from '../../../src/runtime/validate/formats'
import { EXTRA_HELPERS, extraHelpersUsed } from '../../../src/runtime/validate/helpers'

export function withEmittedArtifact<B extends BindingsCore>(binder: B, maxDepth = DEFAULT_LIMITS.maxDepth): B {
  const source = emitArtifact({
    network: binder.network,
    hostRole: binder.hostRole,
    maxDepth,
    validatorSource: (schema, depth) => generateValidator(schema, { maxDepth: depth }).source,
  })
  binder.compiled = artifactOf(new Function(`return ${source}`)(), FORMAT_CHECKS, helpersUsedBy(source))
  return binder
}

/** Only the extra helpers the transformer would import for `source`, so a missed one fails the suite. */
export function helpersUsedBy(source: string): Record<string, unknown> {
  return Object.fromEntries(extraHelpersUsed(source).map((name) => [name, EXTRA_HELPERS[name]]))
}
