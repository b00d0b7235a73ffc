// Fluent builders are mutable: `server.message(...)` as a statement changes `server` after its
// declaration. Build-time evaluation only sees declarations, so such a call (one we did not
// evaluate, on a const holding a mutable openws object) makes the definition not static —
// never silently compiled without the change.
import { memberName, walk, type Node, type ParsedFile } from './ast'
import { notStatic } from './errors'
import type { Evaluator } from './evaluate'
import { lookup } from './scope'

const WRAPPERS = new Set(['MemberExpression', 'ParenthesizedExpression', 'TSNonNullExpression', 'ChainExpression'])

function rootIdentifier(expr: Node): Node | undefined {
  let cur = expr
  for (;;) {
    if (cur.type === 'Identifier') return cur
    if (WRAPPERS.has(cur.type)) cur = cur.type === 'MemberExpression' ? cur.object : cur.expression
    else if (cur.type === 'CallExpression') cur = cur.callee
    else return undefined
  }
}

/** Builder methods that only read (spec export). */
const READ_ONLY = new Set(['valueOf', 'toJson', 'toJSON', 'toString', 'assertValid'])

export function checkNoLaterMutation(ev: Evaluator, files: readonly ParsedFile[]): void {
  if (ev.record.mutableConsts.size === 0) return
  for (const sf of files) {
    walk(sf.program, (node) => {
      if (node.type !== 'CallExpression' || ev.record.evaluatedCalls.has(node)) return
      const name = memberName(node.callee)
      if (name === undefined || READ_ONLY.has(name)) return
      const root = rootIdentifier(node.callee.object)
      const binding = root ? lookup(root) : undefined
      if (binding?.kind === 'const' && ev.record.mutableConsts.has(binding.decl)) {
        throw notStatic(node, `"${root!.name}" is changed after its declaration by this call`)
      }
    })
  }
}
