// Where a definition error belongs: the message, its `from` list or the role that the runtime's
// own error names, found in the role classes and fluent chains that were evaluated.
import ts from 'typescript'
import type { Evaluator } from './evaluate'

interface Located { node: ts.Node; score: number }

function nameText(n: ts.Node | undefined): string | undefined {
  if (!n) return undefined
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text
  return undefined
}

/** Best node in `roots` naming `name` (property/method name beats a string literal); last wins for duplicates. */
function find(roots: ts.Node[], name: string, preferLast: boolean): ts.Node | undefined {
  let best: Located | undefined
  const consider = (node: ts.Node, score: number) => {
    if (!best || score > best.score || (preferLast && score === best.score)) best = { node, score }
  }
  const visit = (n: ts.Node): void => {
    if ((ts.isPropertyAssignment(n) || ts.isMethodDeclaration(n)) && nameText(n.name) === name) consider(n, 3)
    else if (ts.isStringLiteral(n) && n.text === name) consider(n.parent && ts.isCallExpression(n.parent) ? n.parent : n, 2)
    else if (ts.isClassDeclaration(n) && n.name?.text.toLowerCase() === name.toLowerCase()) consider(n.name, 1)
    ts.forEachChild(n, visit)
  }
  for (const r of roots) visit(r)
  return best?.node
}

function fromProperty(node: ts.Node): ts.Node | undefined {
  let found: ts.Node | undefined
  const visit = (n: ts.Node): void => {
    if (found) return
    if (ts.isPropertyAssignment(n) && nameText(n.name) === 'from') found = n
    else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'from') found = n
    else ts.forEachChild(n, visit)
  }
  visit(node)
  return found
}

export function locateError(e: unknown, fallback: ts.Node, ev: Evaluator, sf: ts.SourceFile): ts.Node {
  const err = e as { code?: string; messageName?: string; role?: string }
  const roots: ts.Node[] = [...new Set([...ev.classInfo.values()].map((i) => i.decl as ts.Node)), sf]
  const code = err.code ?? ''
  if (typeof err.messageName === 'string') {
    const at = find(roots, err.messageName, code === 'OPENWS_ERR_DUPLICATE_MESSAGE')
    if (at) {
      if (code === 'OPENWS_ERR_UNKNOWN_FROM_ROLE') {
        // The call chain/property holding the message: look for its `from`.
        let holder: ts.Node = at
        if (ts.isStringLiteral(at) || ts.isCallExpression(at)) holder = at.parent ?? at
        const from = fromProperty(at) ?? fromProperty(holder)
        if (from) return from
      }
      return at
    }
  }
  if (typeof err.role === 'string') {
    const at = find(roots, err.role, false)
    if (at) return at
  }
  return fallback
}
