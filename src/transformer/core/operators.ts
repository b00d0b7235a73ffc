// Literals and operators evaluated at build time: operators only on string and number constants.
import type { Node } from './ast'
import { notStatic } from './errors'

type Evaluate = (node: Node) => unknown

/** Strings, numbers, booleans and null; a regular expression or bigint is not a static value. */
export function literal(node: Node): unknown {
  if (node.regex || (node.bigint !== undefined && node.bigint !== null))
    throw notStatic(node, `${node.regex ? 'RegularExpressionLiteral' : 'BigIntLiteral'} is not a static value`)
  return node.value
}

/** `-x`, `+x` (other unary operators are not evaluated). */
export function prefix(node: Node, evaluate: Evaluate): unknown {
  const v = evaluate(node.argument)
  if (typeof v !== 'number') throw notStatic(node, 'unary operators apply to number constants only')
  if (node.operator === '-') return -v
  if (node.operator === '+') return v
  throw notStatic(node, 'this operator is not evaluated at build time')
}

export function template(node: Node, evaluate: Evaluate): string {
  const quasis = node.quasis as Node[]
  let out = quasis[0]!.value.cooked as string
  ;(node.expressions as Node[]).forEach((expr, i) => {
    const v = evaluate(expr)
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw notStatic(expr, 'a template part is not a constant')
    out += String(v) + (quasis[i + 1]!.value.cooked as string)
  })
  return out
}

/** Binary, logical and assignment expressions: both sides are evaluated, then only + - * / apply. */
export function binary(node: Node, evaluate: Evaluate): unknown {
  const op = node.operator as string
  const l = evaluate(node.left)
  const r = evaluate(node.right)
  const prim = (v: unknown) => typeof v === 'string' || typeof v === 'number'
  if (!prim(l) || !prim(r)) throw notStatic(node, 'only string and number constants are combined at build time')
  const a = l as number
  const b = r as number
  switch (node.type === 'BinaryExpression' ? op : '') {
    case '+':
      return (l as string) + (r as string)
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      return a / b
    default:
      throw notStatic(node, 'this operator is not evaluated at build time')
  }
}
