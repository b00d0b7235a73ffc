// The eval-free validator: the schema is prepared once into a tree of closures. Same semantics,
// same issues, same order as the generated code (../codegen); a differential test holds them equal.
import type { JsonSchema } from '../ir/types'
import type { Issue, Validator, ValidatorOptions } from '../validate/types'
import { prepareSchema } from '../validate/prepare'
import { issueLimit } from '../validate/helpers'
import { type Collector, FULL } from './check'
import { compileRoot } from './compile'
import { depthBoundOf, depthBoundValue } from '../validate/depth-bound'

/**
 * Prepares `schema` (throws OPENWS_ERR_UNSUPPORTED_KEYWORD / OPENWS_ERR_INVALID_SCHEMA naming the
 * keyword and its schema path) and returns an eval-free validator.
 */
export function interpret(schema: JsonSchema, options?: ValidatorOptions): Validator {
  const prepared = prepareSchema(schema, options)
  const check = compileRoot(prepared)
  return {
    is(value: unknown): boolean {
      return check(value, 0, '', null)
    },
    explain(value: unknown, maxIssues: number): Issue[] {
      const c: Collector = { issues: [], max: issueLimit(maxIssues) }
      try {
        check(value, 0, '', c)
      } catch (e) {
        if (e !== FULL) throw e
      }
      return c.issues
    },
    depthBound: depthBoundValue(depthBoundOf(prepared.root), prepared.maxDepth),
  }
}
