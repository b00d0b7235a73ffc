// Operators evaluated at build time: only on string and number constants.
import ts from 'typescript'
import { notStatic } from './errors'

type Evaluate = (node: ts.Expression) => unknown

export function prefix(node: ts.PrefixUnaryExpression, evaluate: Evaluate): unknown {
  const v = evaluate(node.operand)
  if (typeof v !== 'number') throw notStatic(node, 'unary operators apply to number constants only')
  if (node.operator === ts.SyntaxKind.MinusToken) return -v
  if (node.operator === ts.SyntaxKind.PlusToken) return v
  throw notStatic(node, 'this operator is not evaluated at build time')
}

export function template(node: ts.TemplateExpression, evaluate: Evaluate): string {
  let out = node.head.text
  for (const span of node.templateSpans) {
    const v = evaluate(span.expression)
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw notStatic(span.expression, 'a template part is not a constant')
    out += String(v) + span.literal.text
  }
  return out
}

export function binary(node: ts.BinaryExpression, evaluate: Evaluate): unknown {
  const op = node.operatorToken.kind
  const l = evaluate(node.left)
  const r = evaluate(node.right)
  const prim = (v: unknown) => typeof v === 'string' || typeof v === 'number'
  if (!prim(l) || !prim(r)) throw notStatic(node, 'only string and number constants are combined at build time')
  const a = l as number
  const b = r as number
  switch (op) {
    case ts.SyntaxKind.PlusToken: return (l as string) + (r as string)
    case ts.SyntaxKind.MinusToken: return a - b
    case ts.SyntaxKind.AsteriskToken: return a * b
    case ts.SyntaxKind.SlashToken: return a / b
    default: throw notStatic(node, 'this operator is not evaluated at build time')
  }
}
