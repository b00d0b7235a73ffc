// TEST ONLY: turns generated validator source into a Validator. src/runtime never does this.
import { generateValidator } from '../../src/runtime/codegen/index'
import { validatorHelpers } from '../../src/runtime/validate/helpers'
import type { JsonSchema } from '../../src/runtime/ir/types'
import type { Validator, ValidatorOptions } from '../../src/runtime/validate/types'

export function compileGenerated(schema: JsonSchema, options?: ValidatorOptions): Validator {
  const { source } = generateValidator(schema, options)
  return new Function('h', `return ${source}`)(validatorHelpers) as Validator
}
