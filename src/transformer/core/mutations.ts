// Fluent builders are mutable: `server.message(...)` as a statement changes `server` after its
// declaration. Build-time evaluation only sees declarations, so such a call (one we did not
// evaluate, on a const holding a mutable openws object) makes the definition not static —
// never silently compiled without the change.
import ts from 'typescript'
import { notStatic } from './errors'
import type { Evaluator } from './evaluate'
import { lookup } from './scope'

function rootIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let cur = expr
  for (;;) {
    if (ts.isIdentifier(cur)) return cur
    if (ts.isPropertyAccessExpression(cur) || ts.isElementAccessExpression(cur) || ts.isParenthesizedExpression(cur) || ts.isNonNullExpression(cur)) cur = cur.expression
    else if (ts.isCallExpression(cur)) cur = cur.expression
    else return undefined
  }
}

/** Builder methods that only read (spec export). */
const READ_ONLY = new Set(['valueOf', 'toJson', 'toJSON', 'toString', 'assertValid'])

export function checkNoLaterMutation(ev: Evaluator, files: readonly ts.SourceFile[]): void {
  if (ev.mutableConsts.size === 0) return
  for (const sf of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && !ev.evaluatedCalls.has(node) && ts.isPropertyAccessExpression(node.expression) &&
          !READ_ONLY.has(node.expression.name.text)) {
        const root = rootIdentifier(node.expression.expression)
        const binding = root ? lookup(root) : undefined
        if (binding?.kind === 'const' && ev.mutableConsts.has(binding.decl)) {
          throw notStatic(node, `"${root!.text}" is changed after its declaration by this call`)
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
}
