// Once bindings(...) is compiled, the builder chains that only fed it are dead code that would
// still run at start-up (a 1000-message fluent network is ~1000 builder calls). Top-level,
// non-exported consts whose value was evaluated at build time (pure openws builder calls) and
// whose every reference lies in replaced or removed code are removed.
import ts from 'typescript'
import type { Evaluator } from './evaluate'

function isExported(stmt: ts.VariableStatement): boolean {
  return (ts.getModifiers(stmt) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
}

function within(node: ts.Node, ranges: readonly ts.Node[]): boolean {
  return ranges.some((r) => node.pos >= r.pos && node.end <= r.end)
}

export function deadDefinitions(sf: ts.SourceFile, ev: Evaluator, replaced: readonly ts.Node[]): ts.VariableStatement[] {
  const candidates = new Map<string, ts.VariableStatement>()
  for (const stmt of sf.statements) {
    if (!ts.isVariableStatement(stmt) || isExported(stmt) || stmt.declarationList.declarations.length !== 1) continue
    const decl = stmt.declarationList.declarations[0]
    if (!ts.isIdentifier(decl.name) || !ev.wasEvaluated(decl)) continue
    if (!decl.initializer || !ts.isCallExpression(skipOuter(decl.initializer))) continue // only builder calls
    candidates.set(decl.name.text, stmt)
  }
  // Identifier references per name, outside the declaration's own name.
  const refs = new Map<string, ts.Identifier[]>()
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && candidates.has(n.text)) {
      const stmt = candidates.get(n.text)!
      if (n !== stmt.declarationList.declarations[0].name) (refs.get(n.text) ?? refs.set(n.text, []).get(n.text)!).push(n)
    }
    ts.forEachChild(n, visit)
  }
  visit(sf)
  const removed = new Set<ts.VariableStatement>()
  for (let changed = true; changed; ) {
    changed = false
    const dead = [...replaced, ...removed]
    for (const [name, stmt] of candidates) {
      if (removed.has(stmt)) continue
      if ((refs.get(name) ?? []).every((r) => within(r, dead) || isTypePosition(r))) {
        removed.add(stmt)
        changed = true
      }
    }
  }
  return [...removed]
}

function skipOuter(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression
  return e
}

/** `typeof network` in a type: erased, so it does not keep the const alive. */
function isTypePosition(id: ts.Identifier): boolean {
  for (let n: ts.Node = id; n.parent; n = n.parent) {
    if (ts.isTypeQueryNode(n.parent) || ts.isTypeReferenceNode(n.parent)) return true
    if (ts.isStatement(n.parent) || ts.isExpressionStatement(n.parent)) return false
  }
  return false
}
