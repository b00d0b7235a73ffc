// Applies a plan to the program's AST (ts-patch path): the plan holds source ranges (from the oxc
// parse of the same text), each found again as the TypeScript node spanning exactly that range;
// replaced expressions become verbatim code, removed decorators and statements are dropped, the
// runtime import is added as a real import declaration (so module transforms such as CommonJS
// rewrite it like any other).
import type ts from 'typescript'
import type { Range } from './core/ast'
import type { Plan } from './core/plan'

const key = (r: Range) => `${r.start}:${r.end}`

/**
 * TypeScript nodes by range. Several nodes can span one range (`f()` as a statement without `;`):
 * a replacement takes the innermost (the expression), a removal the outermost (the statement).
 */
function nodesByRange(sf: ts.SourceFile, plan: Plan): { replaced: Map<ts.Node, string>; removed: Set<ts.Node> } {
  const replacements = new Map(plan.replacements.map((r) => [key(r), r.text]))
  const removals = new Set([...plan.removedDecorators, ...plan.removedStatements].map(key))
  const inner = new Map<string, ts.Node>()
  const outer = new Map<string, ts.Node>()
  const visit = (n: ts.Node): void => {
    const k = `${n.getStart(sf)}:${n.end}`
    if (replacements.has(k)) inner.set(k, n)
    if (removals.has(k) && !outer.has(k)) outer.set(k, n)
    n.forEachChild(visit)
  }
  sf.forEachChild(visit)
  const missing = [...replacements.keys(), ...removals].filter((k) => !inner.has(k) && !outer.has(k))
  // The same text parsed twice gives the same ranges; a miss is a bug, never a silent no-op.
  if (missing.length > 0) throw new Error(`openws: no TypeScript node spans ${missing.join(', ')} in ${sf.fileName}`)
  return {
    replaced: new Map([...inner].map(([k, n]) => [n, replacements.get(k)!])),
    removed: new Set(outer.values()),
  }
}

/** `host` is the compiler's own TypeScript (ts-patch's extras.ts, or the project's for the API path). */
export function applyPlanToAst(sf: ts.SourceFile, plan: Plan, ctx: ts.TransformationContext, host: typeof ts): ts.SourceFile {
  const f = ctx.factory
  const { replaced, removed } = nodesByRange(sf, plan)
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
