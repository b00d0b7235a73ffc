// Emits the checks of one schema node, in the canonical order shared with the interpreter:
// $ref, type (a mismatch leaves the node), const, enum, then the keywords of the value's kind
// (number, string, array or object), then allOf, anyOf, oneOf, not.
import type { SchemaNode } from '../validate/prepare'
import { type Code, _, join } from './code'
import { type Emit, type Gen, type Place, depthCode, failure } from './context'
import { shareKey } from './share'
import { emitNumber, emitString, emitType, emitValues, typeTest } from './kw-scalar'
import { emitArray } from './kw-array'
import { emitObject } from './kw-object'
import { emitCombinators } from './kw-combine'

export function emitNode(g: Gen, node: SchemaNode, at: Place, e: Emit): Code {
  return (e.mode === 'ex' && at.rootProperty === true ? sharedExplain(g, node, at) : undefined) ?? emitNodeHere(g, node, at, e)
}

function emitNodeHere(g: Gen, node: SchemaNode, at: Place, e: Emit): Code {
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

/**
 * explain() of a root object's property whose schema occurs more than once in the artifact
 * (Pool.shareCounts): one function `(v, path, depth, c, m)` in the pool, called like a $ref target.
 * Only sub-schemas that read no object keys qualify (shareKey): a shared function testing keys of
 * every caller's objects goes megamorphic (explain() ran 3-5x slower that way). Only root
 * properties: deeper, the path passed in is built on every call (inline code builds it only for
 * an issue), and arrays of objects explained at 0.55-0.8x.
 */
function sharedExplain(g: Gen, node: SchemaNode, at: Place): Code | undefined {
  const counts = g.pool.shareCounts
  if (counts === undefined) return undefined
  const key = shareKey(node, g.maxDepth)
  if (key === undefined || (counts.get(key) ?? 0) < 2) return undefined
  let name = g.pool.sharedEx.get(key)
  if (name === undefined) {
    name = g.scope.name('X')
    g.pool.sharedEx.set(key, name)
    const v = g.scope.name('v')
    const p = g.scope.name('p')
    const d = g.scope.name('d')
    const body = emitNodeHere(g, node, { v, path: p, depth: { base: d, k: 0 } }, { mode: 'ex', fail: _`return;` })
    g.pool.hoisted.push(_`function ${name}(${v}, ${p}, ${d}, c, m) { ${body} }`)
  }
  return _`${name}(${at.v}, ${at.path}, ${depthCode(at.depth)}, c, m); if (c.length >= m) return;`
}
