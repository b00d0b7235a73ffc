// minProperties, maxProperties, required, properties, patternProperties, additionalProperties.
// 'ex' mode: straight-line reads guarded by hasOwnProperty, in the interpreter's order.
// 'is' mode (the hot path): one for-in pass over the object's own keys (V8 optimises
// hasOwnProperty inside for-in; called with a constant key it is ~10x slower) marks the known keys
// and handles additionalProperties; hasOwnProperty is only called for a key the pass did not see
// (absent, or an own non-enumerable property), so the result is exactly the hasOwnProperty one.
import type { SchemaNode } from '../validate/prepare'
import { escapePointerToken } from '../validate/pointer'
import { type Code, _, join } from './code'
import { type Emit, type Gen, type Place, childPath, deeper, failure, tooDeep } from './context'

export type EmitNode = (g: Gen, node: SchemaNode, at: Place, e: Emit) => Code

export function emitObject(g: Gen, node: SchemaNode, at: Place, e: Emit, emitNode: EmitNode): Code[] {
  const v = at.v
  const out: Code[] = []
  if (node.minProperties !== undefined || node.maxProperties !== undefined) {
    const n = g.scope.name('n')
    const checks: Code[] = [_`const ${n} = h.keys(${v});`]
    if (node.minProperties !== undefined) checks.push(_`if (${n} < ${node.minProperties}) { ${failure(e, at.path, 'minProperties', _`${node.minProperties}`, n)} }`)
    if (node.maxProperties !== undefined) checks.push(_`if (${n} > ${node.maxProperties}) { ${failure(e, at.path, 'maxProperties', _`${node.maxProperties}`, n)} }`)
    out.push(_`{ ${join(checks)} }`)
  }
  if (e.mode === 'is' && (node.patternProperties ?? []).length === 0) return [...out, ...emitIsKnownShape(g, node, at, e, emitNode)]
  for (const key of node.required ?? []) {
    out.push(_`if (!hasOwn.call(${v}, ${key})) { ${failure(e, childPath(at.path, escapePointerToken(key)), 'required')} }`)
  }
  if (!node.objectMembers) return out
  const depthIssue = failure(e, at.path, 'depth', _`${g.maxDepth}`)
  const deep = tooDeep(g, at.depth)
  if (deep === true) return [...out, depthIssue]
  const members: Code[] = []
  const childDepth = deeper(at.depth)
  for (const prop of node.properties ?? []) {
    if (prop.node.kind === 'true') continue
    const x = g.scope.name('v')
    const child: Place = { v: x, path: childPath(at.path, escapePointerToken(prop.key)), depth: childDepth }
    members.push(_`if (hasOwn.call(${v}, ${prop.key})) { const ${x} = ${v}[${prop.key}]; ${emitNode(g, prop.node, child, e)} }`)
  }
  const patterns = node.patternProperties ?? []
  const additional = node.additionalProperties
  if (additional !== undefined || patterns.some((p) => p.node.kind !== 'true')) {
    members.push(emitKeyLoop(g, node, at, e, emitNode))
  }
  const body = join(members)
  out.push(deep === false ? body : _`if (${deep}) { ${depthIssue} } else { ${body} }`)
  return out
}

function emitKeyLoop(g: Gen, node: SchemaNode, at: Place, e: Emit, emitNode: EmitNode): Code {
  const v = at.v
  const k = g.scope.name('k')
  const x = g.scope.name('v')
  const child: Place = { v: x, path: _`${at.path} + "/" + h.esc(${k})`, depth: deeper(at.depth) }
  const known = (node.properties ?? []).map((p) => p.key)
  const patterns = node.patternProperties ?? []
  const additional = node.additionalProperties
  const onAdditional = additional === undefined ? undefined
    : additional.kind === 'false' ? failure(e, child.path, 'additionalProperties', _`false`)
      : _`const ${x} = ${v}[${k}]; ${emitNode(g, additional, child, e)}`
  const cases = known.length === 0 ? _`` : _`${join(known.map((key) => _`case ${key}:`), _` `)}`
  if (patterns.length === 0) {
    // Only additionalProperties: known keys skip, others are additional.
    if (known.length === 0) return _`for (const ${k} in ${v}) { if (!hasOwn.call(${v}, ${k})) continue; ${onAdditional!} }`
    return _`for (const ${k} in ${v}) { if (!hasOwn.call(${v}, ${k})) continue; switch (${k}) { ${cases} break; default: { ${onAdditional!} } } }`
  }
  const matched = g.scope.name('mt')
  const patternCode = patterns.map((p) => {
    const inner = p.node.kind === 'true' ? _`` : _`const ${x} = ${v}[${k}]; ${emitNode(g, p.node, child, e)}`
    return _`if (${g.regexp(p.source)}.test(${k})) { ${matched} = true; ${inner} }`
  })
  const knownCode = known.length === 0 ? _`` : _`switch (${k}) { ${cases} ${matched} = true; }`
  const tail = onAdditional === undefined ? _`` : _`if (!${matched}) { ${onAdditional} }`
  return _`for (const ${k} in ${v}) { if (!hasOwn.call(${v}, ${k})) continue; let ${matched} = false; ${knownCode} ${join(patternCode)} ${tail} }`
}

function emitIsKnownShape(g: Gen, node: SchemaNode, at: Place, e: Emit, emitNode: EmitNode): Code[] {
  const v = at.v
  const out: Code[] = []
  const props = (node.properties ?? []).filter((p) => p.node.kind !== 'true')
  const required = node.required ?? []
  const additional = node.additionalProperties
  const members = node.objectMembers
  if (members) {
    // In 'is' mode a depth issue is simply a failure; required checks cannot change that.
    const deep = tooDeep(g, at.depth)
    if (deep === true) return [e.fail]
    if (deep !== false) out.push(_`if (${deep}) { ${e.fail} }`)
  }
  const tracked = [...new Set([...required, ...props.map((p) => p.key)])]
  const knownKeys = (node.properties ?? []).map((p) => p.key)
  if (tracked.length === 0 && additional === undefined) return out
  const flags = new Map(tracked.map((key) => [key, g.scope.name('f')]))
  const k = g.scope.name('k')
  const x = g.scope.name('v')
  const onAdditional = additional === undefined ? _`break;`
    : additional.kind === 'false' ? e.fail
      : _`{ const ${x} = ${v}[${k}]; ${emitNode(g, additional, { v: x, path: _`""`, depth: deeper(at.depth) }, e)} break; }`
  const cases = knownKeys.map((key) => {
    const f = flags.get(key)
    return f === undefined ? _`case ${key}: break;` : _`case ${key}: ${f} = true; break;`
  })
  for (const key of required) if (!knownKeys.includes(key)) cases.push(_`case ${key}: ${flags.get(key)!} = true; break;`)
  if (flags.size > 0) out.push(_`let ${join([...flags.values()].map((f) => _`${f} = false`), _`, `)};`)
  const body = cases.length === 0 ? onAdditional : _`switch (${k}) { ${join(cases, _` `)} default: ${onAdditional} }`
  const ownKeyPass = _`for (const ${k} in ${v}) { if (!hasOwn.call(${v}, ${k})) continue; ${body} }`
  if (additional === undefined && flags.size > 0) {
    // Open shape: when the prototype is Object.prototype and it has none of these keys (tested with
    // `in`, so even a receiver-sensitive getter counts), a defined value can only be an own property, so no key pass is needed (a shared-machine bench measured
    // ~1.5x on 6-key objects). Any other prototype, or a polluted Object.prototype, takes the pass.
    const entries = [...flags.entries()]
    const safe = join(entries.map(([key]) => _`!(${key} in OP)`), _` && `)
    const marks = join(entries.map(([key, f]) => _`${f} = ${v}[${key}] !== undefined;`), _` `)
    out.push(_`if (Object.getPrototypeOf(${v}) === OP && ${safe}) { ${marks} } else { ${ownKeyPass} }`)
  } else {
    out.push(ownKeyPass)
  }
  for (const key of required) out.push(_`if (!${flags.get(key)!} && !hasOwn.call(${v}, ${key})) { ${e.fail} }`)
  for (const prop of props) {
    const y = g.scope.name('v')
    const child: Place = { v: y, path: _`""`, depth: deeper(at.depth) }
    const present = required.includes(prop.key) ? _`true` : _`${flags.get(prop.key)!} || hasOwn.call(${v}, ${prop.key})`
    const check = _`const ${y} = ${v}[${prop.key}]; ${emitNode(g, prop.node, child, e)}`
    out.push(present.text === 'true' ? _`{ ${check} }` : _`if (${present}) { ${check} }`)
  }
  return out
}
