// Once bindings(...) is compiled, the builder chains that only fed it are dead code that would
// still run at start-up (a 1000-message fluent network is ~1000 builder calls). Top-level,
// non-exported consts whose value was evaluated at build time (pure openws builder calls) and
// whose every reference lies in replaced or removed code are removed.
import { parentOf, walk, within, type Node, type ParsedFile, type Range } from './ast'
import type { Evaluator } from './evaluate'

/** The removed `const x = …` statements (VariableDeclaration nodes directly in the module body). */
export function deadDefinitions(sf: ParsedFile, ev: Evaluator, replaced: readonly Range[]): Node[] {
  const candidates = new Map<string, Node>()
  for (const stmt of sf.program.body as Node[]) {
    // `export const` is an ExportNamedDeclaration here: exported definitions are never candidates.
    if (stmt.type !== 'VariableDeclaration' || stmt.declarations.length !== 1) continue
    const decl = stmt.declarations[0] as Node
    if (decl.id.type !== 'Identifier' || !ev.wasEvaluated(decl)) continue
    if (!decl.init || skipOuter(decl.init).type !== 'CallExpression') continue // only builder calls
    candidates.set(decl.id.name, stmt)
  }
  // Identifier references per name, outside the declaration's own name.
  const refs = new Map<string, Node[]>()
  walk(sf.program, (n) => {
    if (n.type !== 'Identifier' || !candidates.has(n.name)) return
    const stmt = candidates.get(n.name)!
    if (n !== stmt.declarations[0].id) (refs.get(n.name) ?? refs.set(n.name, []).get(n.name)!).push(n)
  })
  const removed = new Set<Node>()
  for (let changed = true; changed;) {
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

function skipOuter(e: Node): Node {
  while (e.type === 'ParenthesizedExpression' || e.type === 'TSAsExpression' || e.type === 'TSSatisfiesExpression') e = e.expression
  return e
}

/** `typeof network` in a type: erased, so it does not keep the const alive. */
function isTypePosition(id: Node): boolean {
  for (let n: Node = id, p = parentOf(n); p; n = p, p = parentOf(n)) {
    if (p.type === 'TSTypeQuery' || p.type === 'TSTypeReference') return true
    if (/(Statement|Declaration)$/.test(p.type) && p.type !== 'VariableDeclaration') return false
  }
  return false
}
