// Emits the checks of one schema node, in the canonical order shared with the interpreter:
// $ref, type (a mismatch leaves the node), const, enum, then the keywords of the value's kind
// (number, string, array or object), then allOf, anyOf, oneOf, not.
import type { SchemaNode } from '../validate/prepare'
import { type Code, _, join } from './code'
import { type Emit, type Gen, type Place, depthCode, failure } from './context'
import { emitNumber, emitString, emitType, emitValues, typeTest } from './kw-scalar'
import { emitArray } from './kw-array'
import { emitObject } from './kw-object'
import { emitCombinators } from './kw-combine'

export function emitNode(g: Gen, node: SchemaNode, at: Place, e: Emit): Code {
  if (node.kind === 'true') return _``
  if (node.kind === 'false') return failure(e, at.path, 'false', _`false`)
  const out: Code[] = []
  if (node.ref !== undefined) {
    const unit = g.unit(node.ref)
    out.push(
      e.mode === 'is'
        ? _`if (!${unit.is}(${at.v}, ${depthCode(at.depth)})) { ${e.fail} }`
        : _`${unit.ex}(${at.v}, ${at.path}, ${depthCode(at.depth)}, c, m); if (c.length >= m) return;`,
    )
  }
  const rest = [...emitValues(g, node, at, e), ...emitByKind(g, node, at, e), ...emitCombinators(g, node, at, e, emitNode)]
  // 'ex' mode leaves the node after a type mismatch: a labelled block, when anything follows.
  const label = e.mode === 'ex' && node.types !== undefined && rest.some((c) => c.text !== '') ? g.scope.name('N') : undefined
  if (node.types !== undefined) out.push(emitType(g, node, at, e, label === undefined ? _`` : _`break ${label};`))
  out.push(...rest)
  const body = join(out)
  return label === undefined ? body : _`${label}: { ${body} }`
}

type Kind = 'number' | 'string' | 'array' | 'object'

function emitByKind(g: Gen, node: SchemaNode, at: Place, e: Emit): Code[] {
  const families: Array<[Kind, Code[]]> = [
    ['number', emitNumber(g, node, at, e)],
    ['string', emitString(g, node, at, e)],
    ['array', emitArray(g, node, at, e, emitNode)],
    ['object', emitObject(g, node, at, e, emitNode)],
  ]
  const present = families.filter(([, code]) => code.length > 0)
  if (present.length === 0) return []
  // When `type` names exactly one kind, the type check already guards these keywords.
  const only = node.types?.length === 1 ? (node.types[0] === 'integer' ? 'number' : node.types[0]) : undefined
  const out: Code[] = []
  for (const [kind, code] of present) {
    if (only === kind) {
      out.push(join(code))
      continue
    }
    if (only !== undefined) continue
    const guard = kind === 'number' ? _`typeof ${at.v} === "number"` : typeTest(kind, at.v)
    out.push(_`if (${guard}) { ${join(code)} }`)
  }
  return out
}
