// Applies a plan to the program's AST (ts-patch path): replaced calls become verbatim code,
// removed decorators are dropped from modifier lists, the runtime import is added as a real
// import declaration (so module transforms such as CommonJS rewrite it like any other).
import ts from 'typescript'
import type { Plan } from './core/plan'

/** `host` is the compiler's own TypeScript (ts-patch's extras.ts), which may be another major than ours. */
export function applyPlanToAst(sf: ts.SourceFile, plan: Plan, ctx: ts.TransformationContext, host: typeof ts = ts): ts.SourceFile {
  const f = ctx.factory
  const replaced = new Map<ts.Node, string>(plan.replacements.map((r) => [r.node, r.text]))
  const removed = new Set<ts.Node>([...plan.removedDecorators, ...plan.removedStatements])
  const visit = (node: ts.Node): ts.Node | undefined => {
    const text = replaced.get(node)
    // Verbatim code: an identifier node prints its text unchanged; it references only our import.
    if (text !== undefined) return f.createIdentifier(text)
    if (removed.has(node)) return undefined
    return host.visitEachChild(node, visit, ctx)
  }
  let out = host.visitEachChild(sf, visit, ctx)
  if (plan.runtimeImport) {
    const decl = f.createImportDeclaration(
      undefined,
      f.createImportClause(false, undefined, f.createNamespaceImport(f.createIdentifier(plan.runtimeImport.namespace))),
      f.createStringLiteral(plan.runtimeImport.module),
    )
    out = f.updateSourceFile(out, [decl, ...out.statements])
  }
  return out
}
