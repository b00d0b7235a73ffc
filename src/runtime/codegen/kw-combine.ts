// allOf, anyOf, oneOf, not. Alternatives of anyOf/oneOf/not run in 'is' mode inside labelled
// blocks: `break label` means "this alternative failed".
import type { SchemaNode } from '../validate/prepare'
import { type Code, _, join } from './code'
import { type Emit, type Gen, type Place, failure } from './context'
import type { EmitNode } from './kw-object'

function attempt(g: Gen, node: SchemaNode, at: Place, e: Emit, emitNode: EmitNode, onSuccess: Code): Code {
  const label = g.scope.name('L')
  return _`${label}: { ${emitNode(g, node, at, { mode: 'is', fail: _`break ${label};`, slow: e.slow })} ${onSuccess} }`
}

export function emitCombinators(g: Gen, node: SchemaNode, at: Place, e: Emit, emitNode: EmitNode): Code[] {
  const out: Code[] = []
  for (const sub of node.allOf ?? []) out.push(emitNode(g, sub, at, e))
  if (node.anyOf !== undefined) {
    const ok = g.scope.name('ok')
    const tries = node.anyOf.map((sub, i) => {
      const t = attempt(g, sub, at, e, emitNode, _`${ok} = true;`)
      return i === 0 ? t : _`if (!${ok}) { ${t} }`
    })
    out.push(_`{ let ${ok} = false; ${join(tries)} if (!${ok}) { ${failure(e, at.path, 'anyOf')} } }`)
  }
  if (node.oneOf !== undefined) {
    const n = g.scope.name('n')
    const tries = node.oneOf.map((sub) => attempt(g, sub, at, e, emitNode, _`${n}++;`))
    out.push(_`{ let ${n} = 0; ${join(tries)} if (${n} !== 1) { ${failure(e, at.path, 'oneOf', _`1`, n)} } }`)
  }
  if (node.not !== undefined) {
    const ok = g.scope.name('ok')
    out.push(
      _`{ let ${ok} = false; ${attempt(g, node.not, at, e, emitNode, _`${ok} = true;`)} if (${ok}) { ${failure(e, at.path, 'not')} } }`,
    )
  }
  return out
}
