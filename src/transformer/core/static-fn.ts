// Single-expression helpers (`const empty = () => S.obj({})`): never run; a call evaluates the
// body expression statically with the arguments bound to the parameters (build-time-calls.ts).
import type { Node } from './ast'

/**
 * A helper like `const empty = () => S.obj({})`: a function whose body is one expression. It is
 * never run; a call evaluates that expression statically with the arguments bound to its
 * parameters (`decl.params`: identifiers, or `x = default` assignment patterns).
 */
export class StaticFn {
  constructor(
    readonly decl: Node,
    readonly body: Node,
  ) {}
}

const simpleParam = (p: Node) => p.type === 'Identifier' || (p.type === 'AssignmentPattern' && p.left.type === 'Identifier')

export function staticFn(decl: Node): StaticFn | undefined {
  if (decl.type !== 'ArrowFunctionExpression' && decl.type !== 'FunctionExpression' && decl.type !== 'FunctionDeclaration') return undefined
  if (decl.generator || !(decl.params as Node[]).every(simpleParam)) return undefined
  const body = decl.body as Node | null
  if (!body) return undefined
  if (body.type !== 'BlockStatement') return new StaticFn(decl, body)
  const [only] = body.body as Node[]
  if (body.body.length === 1 && only!.type === 'ReturnStatement' && only!.argument) return new StaticFn(decl, only!.argument)
  return undefined
}

export function containsStaticFn(value: unknown, seen = new Set<unknown>()): boolean {
  if (value instanceof StaticFn) return true
  if (typeof value !== 'object' || value === null || seen.has(value)) return false
  seen.add(value)
  if (Array.isArray(value)) return value.some((v) => containsStaticFn(v, seen))
  if (Object.getPrototypeOf(value) !== Object.prototype) return false
  return Object.values(value).some((v) => containsStaticFn(v, seen))
}
