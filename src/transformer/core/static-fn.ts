// Single-expression helpers (`const empty = () => S.obj({})`): never run; a call evaluates the
// body expression statically with the arguments bound to the parameters (see Evaluator.callStatic).
import ts from 'typescript'

/**
 * A helper like `const empty = () => S.obj({})`: a function whose body is one expression. It is
 * never run; a call evaluates that expression statically with the arguments bound to its parameters.
 */
export class StaticFn {
  constructor(readonly decl: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration, readonly body: ts.Expression) {}
}

export function staticFn(decl: ts.Node): StaticFn | undefined {
  if (!ts.isArrowFunction(decl) && !ts.isFunctionExpression(decl) && !ts.isFunctionDeclaration(decl)) return undefined
  if (decl.asteriskToken || decl.parameters.some((p) => !ts.isIdentifier(p.name) || p.dotDotDotToken)) return undefined
  const body = decl.body
  if (!body) return undefined
  if (!ts.isBlock(body)) return new StaticFn(decl, body)
  const [only] = body.statements
  if (body.statements.length === 1 && ts.isReturnStatement(only) && only.expression) return new StaticFn(decl, only.expression)
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
