// Payload positions (`payload: <expr>` and `.payload(<expr>)`) whose value is an S builder become
// the builder's JSON Schema, so no schema builder runs in the output. Every style accepts plain
// JSON Schema there, so an uncompiled bindings() elsewhere still reads the same definition.
import ts from 'typescript'
import { isSchemaBuilder } from '../../runtime/schema/core'
import { isTransformerError } from './errors'
import type { Evaluator } from './evaluate'
import { jsonValue } from './js'
import type { Replacement } from './plan'
import { resolveOpenwsRef, type OpenwsImports } from './imports'

/** Inside `static CONFIG = {...}` of a class: a class-first role definition. */
function inStaticConfig(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isPropertyDeclaration(n)) {
      return ts.isIdentifier(n.name) && n.name.text === 'CONFIG' && (ts.getCombinedModifierFlags(n) & ts.ModifierFlags.Static) !== 0
    }
    if (ts.isFunctionLike(n) || ts.isClassLike(n) || ts.isSourceFile(n)) return false
  }
  return false
}

/** `message('x')...payload(<here>)` where `message` is openws's: a fluent message definition. */
function onOpenwsMessage(call: ts.CallExpression, imports: OpenwsImports): boolean {
  let cur: ts.Expression = (call.expression as ts.PropertyAccessExpression).expression
  while (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression)) {
    const ref = resolveOpenwsRef(cur.expression, imports)
    if (ref) return ref.name === 'message'
    cur = cur.expression.expression
  }
  if (!ts.isCallExpression(cur)) return false
  return resolveOpenwsRef(cur.expression, imports)?.name === 'message'
}

/** Payload positions of openws definitions only: a `payload` elsewhere is the user's own data. */
function payloadExpressions(sf: ts.SourceFile, imports: OpenwsImports): ts.Expression[] {
  const out: ts.Expression[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'payload' && inStaticConfig(node)) out.push(node.initializer)
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'payload' &&
        node.arguments.length === 1 && onOpenwsMessage(node, imports)) {
      out.push(node.arguments[0] as ts.Expression)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

function inside(node: ts.Node, outer: readonly ts.Node[]): boolean {
  return outer.some((o) => node.pos >= o.pos && node.end <= o.end)
}

export function payloadLiterals(sf: ts.SourceFile, ev: Evaluator, skip: readonly ts.Node[], imports: OpenwsImports): Replacement[] {
  const out: Replacement[] = []
  for (const expr of payloadExpressions(sf, imports)) {
    if (ts.isObjectLiteralExpression(expr) || inside(expr, skip)) continue
    let value: unknown
    try {
      value = ev.evaluate(expr)
    } catch (e) {
      // Not static: reported where it matters (the bindings call). Too deep: left as written.
      if (isTransformerError(e) || e instanceof RangeError) continue
      throw e
    }
    if (isSchemaBuilder(value)) out.push({ node: expr, text: jsonValue(value.json) })
  }
  return out
}
