// Where a definition error belongs: the message, its `from` list or the role that the runtime's
// own error names, found in the role classes and fluent chains that were evaluated.
import { isClassMethod, isPlainProperty, keyName, memberName, parentOf, stringValue, walk, type Node, type ParsedFile } from './ast'
import type { Evaluator } from './evaluate'

interface Located {
  node: Node
  score: number
}

/** `name: …` in an object literal, or a method of an object literal or class. */
function isNamedMember(n: Node): boolean {
  return isPlainProperty(n) || (n.type === 'Property' && n.method) || isClassMethod(n)
}

/** Best node in `roots` naming `name` (property/method name beats a string literal); last wins for duplicates. */
function find(roots: Node[], name: string, preferLast: boolean): Node | undefined {
  let best: Located | undefined
  const consider = (node: Node, score: number) => {
    if (!best || score > best.score || (preferLast && score === best.score)) best = { node, score }
  }
  const visit = (n: Node): void => {
    if (isNamedMember(n) && keyName(n) === name) consider(n, 3)
    else if (n.type === 'Literal' && n.value === name) {
      const parent = parentOf(n)
      consider(parent?.type === 'CallExpression' ? parent : n, 2)
    } else if (n.type === 'ClassDeclaration' && n.id && (n.id.name as string).toLowerCase() === name.toLowerCase()) consider(n.id, 1)
  }
  for (const r of roots) walk(r, visit)
  return best?.node
}

/** The first `from: …` property or `.from(…)` call in `node` (pre-order). */
function fromProperty(node: Node): Node | undefined {
  return firstMatch(
    node,
    (n) => (isPlainProperty(n) && keyName(n) === 'from') || (n.type === 'CallExpression' && memberName(n.callee) === 'from'),
  )
}

function firstMatch(root: Node, test: (n: Node) => boolean): Node | undefined {
  let found: Node | undefined
  walk(root, (n) => {
    if (!found && test(n)) found = n
  })
  return found
}

export function locateError(e: unknown, fallback: Node, ev: Evaluator, sf: ParsedFile): Node {
  const err = e as { code?: string; messageName?: string; role?: string }
  const roots: Node[] = [...new Set([...ev.record.classInfo.values()].map((i) => i.decl)), sf.program]
  const code = err.code ?? ''
  if (typeof err.messageName === 'string') {
    const at = find(roots, err.messageName, code === 'OPENWS_ERR_DUPLICATE_MESSAGE')
    if (at) {
      if (code === 'OPENWS_ERR_UNKNOWN_FROM_ROLE') {
        // The call chain/property holding the message: look for its `from`.
        let holder: Node = at
        if (stringValue(at) !== undefined || at.type === 'CallExpression') holder = parentOf(at) ?? at
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
