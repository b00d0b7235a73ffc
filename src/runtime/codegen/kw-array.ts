// minItems, maxItems, items, uniqueItems. Member keywords stop at maxDepth with one 'depth' issue.
import type { SchemaNode } from '../validate/prepare'
import { type Code, _, join } from './code'
import { type Emit, type Gen, type Place, MAX_DEPTH, deeper, failure, tooDeep } from './context'
import type { EmitNode } from './kw-object'

export function emitArray(g: Gen, node: SchemaNode, at: Place, e: Emit, emitNode: EmitNode): Code[] {
  const v = at.v
  const out: Code[] = []
  if (node.minItems !== undefined && node.minItems > 0) {
    out.push(_`if (${v}.length < ${node.minItems}) { ${failure(e, at.path, 'minItems', _`${node.minItems}`, _`${v}.length`)} }`)
  }
  if (node.maxItems !== undefined) {
    out.push(_`if (${v}.length > ${node.maxItems}) { ${failure(e, at.path, 'maxItems', _`${node.maxItems}`, _`${v}.length`)} }`)
  }
  if (!node.arrayMembers) return out
  const depthIssue = failure(e, at.path, 'depth', MAX_DEPTH)
  const deep = tooDeep(g, at.depth)
  const members: Code[] = []
  if (node.items !== undefined) {
    const i = g.scope.name('i')
    const x = g.scope.name('v')
    const child: Place = { v: x, path: _`${at.path} + "/" + ${i}`, depth: deeper(at.depth) }
    members.push(_`for (let ${i} = 0; ${i} < ${v}.length; ${i}++) { const ${x} = ${v}[${i}]; ${emitNode(g, node.items, child, e)} }`)
  }
  if (node.uniqueItems === true) {
    const j = g.scope.name('j')
    const budget = at.depth.base === null ? _`${MAX_DEPTH} - ${1 + at.depth.k}` : _`${MAX_DEPTH} - ${1 + at.depth.k} - ${at.depth.base}`
    members.push(
      _`const ${j} = ${g.helper('dup')}(${v}, ${budget}); if (${j} !== -1) { if (${j} === -2) { ${depthIssue} } else { ${failure(e, at.path, 'uniqueItems', _`true`, j)} } }`,
    )
  }
  const body = join(members)
  out.push(deep === false ? body : _`if (${deep}) { ${depthIssue} } else { ${body} }`)
  return out
}
