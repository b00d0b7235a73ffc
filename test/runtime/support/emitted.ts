// Attaches the artifact the transformer would emit (emitArtifact + generated validators) to
// bindings made by any style, so the protocol suite also runs on generated code. Tests only:
// the generated source is evaluated with new Function here, never in src/runtime.
import type { BindingsCore } from '../../../src/runtime/contract/types'
import { generateValidator } from '../../../src/runtime/codegen/index'
import { ENVELOPE_SCHEMA } from '../../../src/runtime/envelope/schema'
import { DEFAULT_LIMITS } from '../../../src/runtime/limits'
import { validatorHelpers } from '../../../src/runtime/validate/helpers'
import { emitArtifact } from '../../../src/transformer/core/emit-artifact'

export function withEmittedArtifact<B extends BindingsCore>(binder: B, maxDepth = DEFAULT_LIMITS.maxDepth): B {
  const source = emitArtifact({
    network: binder.network,
    hostRole: binder.hostRole,
    maxDepth,
    envelopeSchema: ENVELOPE_SCHEMA,
    validatorSource: (schema, depth) => generateValidator(schema, { maxDepth: depth }).source,
  })
  binder.compiled = new Function(`return ${source}`)()(validatorHelpers)
  return binder
}
