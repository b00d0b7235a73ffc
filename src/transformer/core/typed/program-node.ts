// A node of a file we parsed ourselves, found again in the checker's program (same file, same
// text): the checker only answers for its own nodes.
import ts from 'typescript'

export function toProgramNode<T extends ts.Node>(program: ts.Program, node: T): T | undefined {
  const own = node.getSourceFile()
  const sf = program.getSourceFile(own.fileName)
  if (!sf) return undefined
  if (sf === own) return node
  if (sf.text !== own.text) return undefined
  let found: ts.Node | undefined
  const visit = (n: ts.Node): void => {
    if (found || n.pos > node.pos || n.end < node.end) return
    if (n.pos === node.pos && n.end === node.end && n.kind === node.kind) found = n
    else ts.forEachChild(n, visit)
  }
  visit(sf)
  return found as T | undefined
}
