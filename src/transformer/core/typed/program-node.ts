// A method we parsed with oxc, found again in the checker's program: same file, same text, so
// the same UTF-16 offsets (the checker only answers for its own nodes).
import type ts from 'typescript'
import { fileOf, type Node } from '../ast'

/** The program's declaration of the method whose name sits at `method.key`'s range. */
export function programMethod(program: ts.Program, method: Node): ts.SignatureDeclaration | undefined {
  const own = fileOf(method)
  const sf = program.getSourceFile(own.fileName)
  if (!sf || sf.text !== own.text) return undefined
  const key = method.key as Node
  let found: ts.SignatureDeclaration | undefined
  const visit = (n: ts.Node): void => {
    if (found || n.pos > key.start || n.end < key.end) return
    const decl = n as ts.SignatureDeclaration
    if (Array.isArray(decl.parameters) && decl.name && decl.name.getStart(sf) === key.start && decl.name.end === key.end) found = decl
    else n.forEachChild(visit)
  }
  sf.forEachChild(visit)
  return found
}
