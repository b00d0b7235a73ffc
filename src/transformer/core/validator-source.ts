// The validators' code generator, as the artifact emitter needs it.
import { generateValidator } from '../../runtime/codegen/index'
import type { JsonSchema } from '../../runtime/ir/types'

export function validatorSource(schema: JsonSchema, maxDepth: number): string {
  return generateValidator(schema, { maxDepth }).source
}
