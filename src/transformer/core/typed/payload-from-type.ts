// Types as payloads (typed mode): the JSON Schema of a decorated method's first parameter type,
// through typia's metadata factory and JSON schema programmer, typia tags included
// (`string & tags.MinLength<1>`, `tags.Format<'uuid'>`). The schema then goes into the spec and
// through the same validator code generator as every other payload.
import ts from 'typescript'
import { JsonSchemaProgrammer, JsonSchemasProgrammer, MetadataCollection, MetadataFactory } from '@typia/core'
import type { JsonSchema } from '../../../runtime/ir/types'
import { TransformerError } from '../errors'
import type { TransformSourceOptions } from '../types'
import { toProgramNode } from './program-node'
import { componentsToDefs } from './json-schema'

export type PayloadFromType = (method: ts.MethodDeclaration, kind: 'message' | 'handler') => JsonSchema

export function typedPayloads(options: TransformSourceOptions, _sf: ts.SourceFile): PayloadFromType | undefined {
  const program = options.program ?? options.languageService?.getProgram()
  if (!program) return undefined
  const checker = program.getTypeChecker()
  // typia reads type flags through the `typescript` it imports; another major (e.g. a TS 6 program
  // while typia resolved TS 5.9) numbers them differently and would give wrong schemas.
  const sameTypeScript = checker.getStringType().flags === ts.TypeFlags.String
  return (method, kind) => {
    if (!sameTypeScript) {
      throw new TransformerError('OPENWS_WARN_NEEDS_TYPES', `the payload of ${method.name.getText()} is its parameter type, but the program's TypeScript is not the one typia uses (${ts.version}); give "payload" explicitly or align the versions`, method, 'warning')
    }
    const param = method.parameters[0]
    const label = `${kind === 'handler' ? '@handler' : '@message'} ${method.name.getText()}`
    if (!param) {
      throw new TransformerError('OPENWS_ERR_INVALID_OPTION', `${label} has neither "payload" nor a parameter whose type could be the payload; add one of them`, method)
    }
    const node = toProgramNode(program, param)
    if (!node) throw new TransformerError('OPENWS_WARN_NEEDS_TYPES', `${label}: ${param.getSourceFile().fileName} is not part of the type-checked program`, param, 'warning')
    const type = checker.getTypeAtLocation(node)
    const analyze = (validate: boolean) => {
      const result = MetadataFactory.analyze({
        checker,
        transformer: undefined,
        options: { absorb: validate, constant: true, escape: true, validate: validate ? JsonSchemasProgrammer.validate : undefined },
        components: new MetadataCollection({ replace: MetadataCollection.replace }),
        type,
      })
      if (!result.success) {
        const why = result.errors.flatMap((e) => e.messages.map((m) => `${e.name}: ${m}`)).join('; ')
        throw new TransformerError('OPENWS_ERR_INVALID_SCHEMA', `${label}: the parameter type cannot be a JSON payload (${why}); give "payload" explicitly or change the type`, param)
      }
      return result.data
    }
    analyze(true)
    const unit = JsonSchemaProgrammer.writeSchema({ version: '3.1', metadata: analyze(false) })
    return componentsToDefs(unit.schema as unknown as JsonSchema, (unit.components as { schemas?: Record<string, unknown> }).schemas ?? {})
  }
}
