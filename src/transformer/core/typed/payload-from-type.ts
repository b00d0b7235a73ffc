// Types as payloads and replies (typed mode): the JSON Schema of a decorated method's first
// parameter type (the payload) and of its return type (the reply, what the promise resolves to),
// through typia's metadata factory and JSON schema programmer, typia tags included
// (`string & tags.MinLength<1>`, `tags.Format<'uuid'>`). The schema then goes into the spec and
// through the same validator code generator as every other payload. typia is loaded on the first
// type payload (load-peer.ts), never by syntax mode.
import type ts from 'typescript'
import type { JsonSchema } from '../../../runtime/ir/types'
import { fileOf, textOf, type Node } from '../ast'
import { TransformerError } from '../errors'
import type { TransformSourceOptions } from '../types'
import { loadTypia, type Typia } from './load-peer'
import { programMethod } from './program-node'
import { componentsToDefs } from './json-schema'
import { strictObjects } from './strict-objects'

/** `method`: the oxc MethodDefinition whose first parameter type is the payload. */
export type PayloadFromType = (method: Node, kind: 'message' | 'handler') => JsonSchema

/**
 * `method`: the oxc MethodDefinition whose return type is the reply (what its promise resolves
 * to). `undefined`: no reply (`void`, `undefined`, `never`, no return), the message stays one-way.
 */
export type ReplyFromType = (method: Node, kind: 'message' | 'handler') => JsonSchema | undefined

export interface TypedSchemas {
  payloadFromType: PayloadFromType
  replyFromType: ReplyFromType
}

/** Types as payloads (the first parameter's type) and as replies (the return type). */
export function typedSchemas(options: TransformSourceOptions): TypedSchemas | undefined {
  const program: ts.Program | undefined = options.program ?? options.languageService?.getProgram()
  if (!program) return undefined
  const checker = program.getTypeChecker()
  let typia: Typia | undefined
  const labelOf = (method: Node, kind: 'message' | 'handler') => `${kind === 'handler' ? '@handler' : '@message'} ${textOf(method.key)}`
  /** typia, once the program's TypeScript numbers type flags as typia's does. */
  const peer = (method: Node, what: string): Typia => {
    typia ??= loadTypia(program.getCurrentDirectory())
    // typia reads type flags through the `typescript` it imports; another major (e.g. a TS 6 program
    // while typia resolved TS 5.9) numbers them differently and would give wrong schemas.
    if (checker.getStringType().flags !== typia.ts.TypeFlags.String) {
      throw new TransformerError(
        'OPENWS_WARN_NEEDS_TYPES',
        `the ${what} of ${textOf(method.key)} is its ${what === 'payload' ? 'parameter' : 'return'} type, but the program's TypeScript is not the one typia uses (${typia.ts.version}); give "${what}" explicitly or align the versions`,
        method,
        'warning',
      )
    }
    return typia
  }
  /** The JSON Schema of `type` through typia; objects strict like S.obj. */
  const schemaOf = (type: ts.Type, core: Typia['core'], fail: (why: string) => TransformerError): JsonSchema => {
    const { JsonSchemaProgrammer, JsonSchemasProgrammer, MetadataCollection, MetadataFactory } = core
    const analyze = (validate: boolean) => {
      const result = MetadataFactory.analyze({
        checker,
        transformer: undefined,
        options: { absorb: validate, constant: true, escape: true, validate: validate ? JsonSchemasProgrammer.validate : undefined },
        components: new MetadataCollection({ replace: MetadataCollection.replace }),
        type,
      })
      if (!result.success) throw fail(result.errors.flatMap((e) => e.messages.map((m) => `${e.name}: ${m}`)).join('; '))
      return result.data
    }
    analyze(true)
    const unit = JsonSchemaProgrammer.writeSchema({ version: '3.1', metadata: analyze(false) })
    // Strict like S.obj: an index signature is how a type allows other keys (strict-objects.ts).
    return strictObjects(
      componentsToDefs(unit.schema as unknown as JsonSchema, (unit.components as { schemas?: Record<string, unknown> }).schemas ?? {}),
    )
  }

  const payloadFromType: PayloadFromType = (method, kind) => {
    const { core, ts: typiaTs } = peer(method, 'payload')
    const param = method.value.params[0] as Node | undefined
    const label = labelOf(method, kind)
    if (!param) {
      throw new TransformerError(
        'OPENWS_ERR_INVALID_OPTION',
        `${label} has neither "payload" nor a parameter whose type could be the payload; add one of them`,
        method,
      )
    }
    const node = programMethod(program, method)?.parameters[0]
    if (!node)
      throw new TransformerError(
        'OPENWS_WARN_NEEDS_TYPES',
        `${label}: ${fileOf(method).fileName} is not part of the type-checked program`,
        param,
        'warning',
      )
    const type = checker.getTypeAtLocation(node)
    refuseOpenType(type, typiaTs, checker, label, param)
    return schemaOf(
      type,
      core,
      (why) =>
        new TransformerError(
          'OPENWS_ERR_INVALID_SCHEMA',
          `${label}: the parameter type cannot be a JSON payload (${why}); give "payload" explicitly or change the type`,
          param,
        ),
    )
  }

  const replyFromType: ReplyFromType = (method, kind) => {
    const { core, ts: typiaTs } = peer(method, 'reply')
    const label = labelOf(method, kind)
    // The return type's annotation when there is one, else the method's name.
    const at = (method.value.returnType as Node | null | undefined) ?? (method.key as Node)
    const decl = programMethod(program, method)
    if (!decl)
      throw new TransformerError(
        'OPENWS_WARN_NEEDS_TYPES',
        `${label}: ${fileOf(method).fileName} is not part of the type-checked program`,
        method,
        'warning',
      )
    const signature = checker.getSignatureFromDeclaration(decl)
    if (!signature) return undefined
    // What the promise resolves to: `Promise<R>` and `R` both reply R.
    const returned = checker.getReturnTypeOfSignature(signature)
    const type = checker.getAwaitedType(returned) ?? returned
    const F = typiaTs.TypeFlags
    if (type.flags & (F.Void | F.Undefined | F.Never)) return undefined
    if (type.flags & (F.Any | F.Unknown)) {
      const what = type.flags & F.Any ? 'any' : 'unknown'
      throw new TransformerError(
        'OPENWS_ERR_INVALID_OPTION',
        `${label}: the return type is \`${what}\`, which would accept every reply; annotate the return type (e.g. \`Promise<{ roomId: string }>\`, or \`Promise<void>\` for a one-way message), or give "reply" explicitly`,
        at,
      )
    }
    return schemaOf(
      type,
      core,
      (why) =>
        new TransformerError(
          'OPENWS_ERR_INVALID_SCHEMA',
          `${label}: the return type cannot be a JSON reply (${why}); give "reply" explicitly, or return nothing (\`Promise<void>\`) for a one-way message`,
          at,
        ),
    )
  }

  return { payloadFromType, replyFromType }
}

/**
 * A parameter type that cannot be a payload contract: `any`/`unknown` (they would accept every
 * payload) or an outbound API (`Api<typeof X>`: every member a function, i.e. the `api` argument
 * written first). Each error says what to write instead.
 */
function refuseOpenType(type: ts.Type, typiaTs: Typia['ts'], checker: ts.TypeChecker, label: string, param: Node): void {
  const example = 'e.g. `(payload: { roomId: string }, api: Api<typeof Client>)`, or give "payload" explicitly'
  if (type.flags & (typiaTs.TypeFlags.Any | typiaTs.TypeFlags.Unknown)) {
    const what = type.flags & typiaTs.TypeFlags.Any ? 'any' : 'unknown'
    throw new TransformerError(
      'OPENWS_ERR_INVALID_OPTION',
      `${label}: the payload type is \`${what}\`, which would accept every payload; write the payload's type as the first parameter, ${example}`,
      param,
    )
  }
  const props = type.getProperties()
  if (props.length > 0 && props.every((p) => checker.getTypeOfSymbol(p).getCallSignatures().length > 0)) {
    throw new TransformerError(
      'OPENWS_ERR_INVALID_OPTION',
      `${label}: the first parameter's type is an outbound API (only functions), not a payload; the payload comes first and the api second, ${example}`,
      param,
    )
  }
}
