// minProperties, maxProperties, required, properties, patternProperties, additionalProperties.
// 'ex' mode: straight-line reads guarded by hasOwnProperty, in the interpreter's order.
// 'is' mode (the hot path). Closed shapes: one for-in pass over the object's own keys (V8
// optimises hasOwnProperty inside for-in; called with a constant key it is ~10x slower) marks the
// known keys and handles additionalProperties; hasOwnProperty is only called for a key the pass did
// not see (absent, or an own non-enumerable property), so the result is exactly the hasOwnProperty
// one. Open shapes: direct reads, proven own afterwards (emitIsOpenShape).
import type { PropNode, SchemaNode } from '../validate/prepare'
import { escapePointerToken } from '../validate/pointer'
import { type Code, type Name, _, join } from './code'
import { type Emit, type Gen, type Place, BUILTINS, MAX_DEPTH, OPEN_SAFE, childPath, deeper, failure, tooDeep } from './context'

export type EmitNode = (g: Gen, node: SchemaNode, at: Place, e: Emit) => Code

export function emitObject(g: Gen, node: SchemaNode, at: Place, e: Emit, emitNode: EmitNode): Code[] {
  const v = at.v
  const out: Code[] = []
  if (node.minProperties !== undefined || node.maxProperties !== undefined) {
    const n = g.scope.name('n')
    const checks: Code[] = [_`const ${n} = ${g.helper('keys')}(${v});`]
    if (node.minProperties !== undefined)
      checks.push(_`if (${n} < ${node.minProperties}) { ${failure(e, at.path, 'minProperties', _`${node.minProperties}`, n)} }`)
    if (node.maxProperties !== undefined)
      checks.push(_`if (${n} > ${node.maxProperties}) { ${failure(e, at.path, 'maxProperties', _`${node.maxProperties}`, n)} }`)
    out.push(_`{ ${join(checks)} }`)
  }
  if (e.mode === 'is' && (node.patternProperties ?? []).length === 0) return [...out, ...emitIsKnownShape(g, node, at, e, emitNode)]
  const test = ownTest(g, node, v, out)
  const required = node.required ?? []
  // A key both required and checked has its own-test written once, into a local (explain only:
  // the 'is' code fails before it reads the test again).
  const twice = new Map<string, Name>()
  if (e.mode === 'ex') {
    const checked = new Set((node.properties ?? []).filter((p) => p.node.kind !== 'true').map((p) => p.key))
    for (const key of required) if (checked.has(key) && !twice.has(key)) twice.set(key, g.scope.name('h'))
  }
  const own = (key: string): Code => twice.get(key) ?? test(key)
  for (const key of required) {
    const local = twice.get(key)
    const present = local === undefined ? test(key) : _`(${local} = ${test(key)})`
    const issue = e.mode === 'ex' ? _`if (${BUILTINS.RI.name}(c, ${childPath(at.path, escapePointerToken(key))}) >= m) return;` : e.fail
    out.push(_`if (!${present}) { ${issue} }`)
  }
  if (twice.size > 0) out.unshift(_`let ${join([...twice.values()], _`, `)};`)
  if (!node.objectMembers) return out
  const depthIssue = failure(e, at.path, 'depth', MAX_DEPTH)
  const deep = tooDeep(g, at.depth)
  const members: Code[] = []
  const childDepth = deeper(at.depth)
  for (const prop of node.properties ?? []) {
    if (prop.node.kind === 'true') continue
    const x = g.scope.name('v')
    const child: Place = { v: x, path: childPath(at.path, escapePointerToken(prop.key)), depth: childDepth }
    if (at.depth.base === null && at.depth.k === 0) child.rootProperty = true
    members.push(_`if (${own(prop.key)}) { const ${x} = ${v}[${prop.key}]; ${emitNode(g, prop.node, child, e)} }`)
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

/**
 * Whether `v` has the own property `key`, as an expression, for the keys `required` and
 * `properties` name. hasOwnProperty with a constant key is slow (a call per test, two tests per
 * property: about half of explain()'s time on flat shapes), so one test per object, pushed to
 * `out`, settles the common case: when the prototype is Object.prototype and it has none of these
 * keys (tested with `in`, so a polluted prototype, even through a getter, never counts), `key in v`
 * (inline-cached, and it reads no value) is true exactly for an own property. Otherwise
 * hasOwnProperty decides.
 */
function ownTest(g: Gen, node: SchemaNode, v: Code, out: Code[]): (key: string) => Code {
  const keys = [...new Set([...(node.required ?? []), ...(node.properties ?? []).filter((p) => p.node.kind !== 'true').map((p) => p.key)])]
  if (keys.length === 0) return (key) => _`hasOwn.call(${v}, ${key})`
  const o = g.scope.name('o')
  // Written out with constant keys (not through a shared helper, whose `in` would see every
  // validator's keys and go megamorphic: explain() ran 3-5x slower that way). A first `in` test,
  // its result unused, tells V8 the object's map before the prototype test, which it then folds
  // (measured 1.2-1.7x on rejections of nested objects and arrays of objects).
  out.push(
    _`const ${o} = (${keys[0]!} in ${v}, ${BUILTINS.GP.name}(${v})) === OP && ${join(
      keys.map((key) => _`!(${key} in OP)`),
      _` && `,
    )};`,
  )
  return (key) => _`(${o} ? ${key} in ${v} : hasOwn.call(${v}, ${key}))`
}

function emitKeyLoop(g: Gen, node: SchemaNode, at: Place, e: Emit, emitNode: EmitNode): Code {
  const v = at.v
  const k = g.scope.name('k')
  const x = g.scope.name('v')
  const child: Place = { v: x, path: _`${at.path} + "/" + ${BUILTINS.ES.name}(${k})`, depth: deeper(at.depth) }
  const known = (node.properties ?? []).map((p) => p.key)
  const patterns = node.patternProperties ?? []
  const additional = node.additionalProperties
  const onAdditional =
    additional === undefined
      ? undefined
      : additional.kind === 'false'
        ? e.mode === 'ex'
          ? _`if (${BUILTINS.AI.name}(c, ${at.path}, ${k}) >= m) return;`
          : e.fail
        : _`const ${x} = ${v}[${k}]; ${emitNode(g, additional, child, e)}`
  const cases =
    known.length === 0
      ? _``
      : _`${join(
          known.map((key) => _`case ${key}:`),
          _` `,
        )}`
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
    if (deep !== false) out.push(_`if (${deep}) { ${e.fail} }`)
  }
  if (takesOpenShapePath(node)) {
    const shape = emitIsOpenShape(g, node, at, e, emitNode, props)
    return additional === undefined ? [...out, ...shape] : [...out, ...shape, emitRejectUnknownKeys(g, node, v, e)]
  }
  if (additional === undefined) return out
  const tracked = [...new Set([...required, ...props.map((p) => p.key)])]
  const knownKeys = (node.properties ?? []).map((p) => p.key)
  const flags = new Map(tracked.map((key) => [key, g.scope.name('f')]))
  const k = g.scope.name('k')
  const x = g.scope.name('v')
  // No `break` in here: with no cases this runs straight in the for-in body, where it would end the loop.
  const onAdditional =
    additional.kind === 'false'
      ? e.fail
      : _`{ const ${x} = ${v}[${k}]; ${emitNode(g, additional, { v: x, path: _`""`, depth: deeper(at.depth) }, e)} }`
  const cases = knownKeys.map((key) => {
    const f = flags.get(key)
    return f === undefined ? _`case ${key}: break;` : _`case ${key}: ${f} = true; break;`
  })
  // A required key that no `properties` entry names is still an additional property.
  for (const key of required) if (!knownKeys.includes(key)) cases.push(_`case ${key}: ${flags.get(key)!} = true; ${onAdditional} break;`)
  if (flags.size > 0)
    out.push(
      _`let ${join(
        [...flags.values()].map((f) => _`${f} = false`),
        _`, `,
      )};`,
    )
  const body = cases.length === 0 ? onAdditional : _`switch (${k}) { ${join(cases, _` `)} default: ${onAdditional} }`
  // One for-in pass over the own keys marks the known ones and handles additionalProperties.
  out.push(_`for (const ${k} in ${v}) { if (!hasOwn.call(${v}, ${k})) continue; ${body} }`)
  for (const key of required) out.push(_`if (!${flags.get(key)!} && !hasOwn.call(${v}, ${key})) { ${e.fail} }`)
  for (const prop of props) {
    const y = g.scope.name('v')
    const child: Place = { v: y, path: _`""`, depth: deeper(at.depth) }
    const check = _`const ${y} = ${v}[${prop.key}]; ${emitNode(g, prop.node, child, e)}`
    out.push(required.includes(prop.key) ? _`{ ${check} }` : _`if (${flags.get(prop.key)!} || hasOwn.call(${v}, ${prop.key})) { ${check} }`)
  }
  return out
}

/**
 * Open shape (no additionalProperties; a closed one adds emitRejectUnknownKeys after), 'is' mode.
 * Each tracked key is read once, up front, into `r`. When the prototype is Object.prototype and it
 * has none of these keys (tested with `in`, so even a receiver-sensitive getter counts), a defined
 * value can only be an own property, and `k in v` says whether the key is own. Otherwise, in an
 * `is` function, its explain twin decides (Emit.slow: the fast path stays small enough for V8 to
 * inline; measured 1.4x on nested and optional shapes); in the 'is' code explain runs, the values of
 * keys that are not own are dropped, and hasOwnProperty settles what `k in v` cannot. Then
 * `undefined` means absent unless the key is own.
 * The `in` tests on Object.prototype do not depend on the value: below the root they run once per
 * call of the generated function, as `U` (see Gen.openKeys), not once per object (an array of 20
 * objects paid them 20 times: a third of typia's speed). Reading first lets V8 know the map before the
 * prototype test, which it then folds away.
 */
function emitIsOpenShape(g: Gen, node: SchemaNode, at: Place, e: Emit, emitNode: EmitNode, props: readonly PropNode[]): Code[] {
  const v = at.v
  const required = node.required ?? []
  const schemas = new Map(props.map((p) => [p.key, p.node]))
  const reads = new Map([...new Set([...required, ...schemas.keys()])].map((key) => [key, g.scope.name('r')]))
  const entries = [...reads.entries()]
  // The root object of a function tests the keys inline, in the condition, where V8 folds them
  // (measured: ~6% faster on flat shapes than a U computed up front); nested ones share U.
  const root = at.depth.base === null && at.depth.k === 0
  if (!root) for (const [key] of entries) g.openKeys.add(key)
  const safe = root
    ? join(
        entries.map(([key]) => _`!(${key} in OP)`),
        _` && `,
      )
    : OPEN_SAFE
  const drop = join(
    entries.map(([key, r]) => _`${r} = ${BUILTINS.OV.name}(${v}, ${key}, ${r});`),
    _` `,
  )
  const own = (key: string): Code => (e.slow !== undefined ? _`(${key} in ${v})` : _`(${key} in ${v} && hasOwn.call(${v}, ${key}))`)
  const out: Code[] = [
    _`let ${join(
      entries.map(([key, r]) => _`${r} = ${v}[${key}]`),
      _`, `,
    )};`,
  ]
  // The type test left the array check to here (see arrayCheckDeferred), where V8 knows the map.
  // It follows the prototype test: before it, V8 folded neither test (arrays of objects ran at a
  // third of the speed; flat root objects at 0.36x once their maps had seen other field types).
  // An array's `length` is never undefined; an object's read is folded with its map, where
  // Array.isArray was not (flat shapes 1.1-1.2x faster without calling it). In an `is` function,
  // an object with a `length` (an array whose prototype was set to Object.prototype, or an object
  // with such a key that the schema does not name) leaves for the explain twin, which settles it:
  // 20 bytes less per object (tagged unions came under V8's inlining limit: 0.8 -> 1.2x typia).
  const deferred = arrayCheckDeferred(node)
  const lengthInFast = deferred && e.slow !== undefined && !reads.has('length')
  out.push(
    _`if (!(${BUILTINS.GP.name}(${v}) === OP && ${safe}${lengthInFast ? _` && ${v}.length === undefined` : _``})) { ${e.slow ?? drop} }`,
  )
  if (deferred && !lengthInFast) out.push(_`if (${v}.length !== undefined && ${BUILTINS.IA.name}(${v})) { ${e.fail} }`)
  for (const [key, r] of entries) {
    const schema = schemas.get(key)
    const absent = _`${r} === undefined && !${own(key)}`
    if (schema === undefined) {
      out.push(_`if (${absent}) { ${e.fail} }`)
      continue
    }
    // The value is checked where it was read (`r` is not assigned again); names are unique per
    // function, so a required key's checks need no block of their own.
    const check = emitNode(g, schema, { v: r, path: _`""`, depth: deeper(at.depth) }, e)
    if (rejectsUndefined(schema)) {
      // The check itself fails on undefined, absent or own: only an optional own undefined needs hasOwn.
      out.push(required.includes(key) ? check : _`if (${r} !== undefined) { ${check} } else if ${own(key)} { ${e.fail} }`)
    } else {
      out.push(required.includes(key) ? _`if (${absent}) { ${e.fail} } ${check}` : _`if (!(${absent})) { ${check} }`)
    }
  }
  return out
}

/**
 * The closed half of a closed shape (additionalProperties false, no patternProperties): one for-in
 * pass that fails on an own key `properties` does not name. Required keys and values were settled
 * by the open-shape code before it, so the pass sets no flags.
 */
function emitRejectUnknownKeys(g: Gen, node: SchemaNode, v: Code, e: Emit): Code {
  const k = g.scope.name('k')
  const known = [...new Set((node.properties ?? []).map((p) => p.key))]
  if (known.length === 0) return _`for (const ${k} in ${v}) { if (hasOwn.call(${v}, ${k})) { ${e.fail} } }`
  return _`for (const ${k} in ${v}) { if (!hasOwn.call(${v}, ${k})) continue; switch (${k}) { ${join(
    known.map((key) => _`case ${key}:`),
    _` `,
  )} break; default: { ${e.fail} } } }`
}

/** `type`, `const` and `enum` only admit JSON values, so such a schema fails on undefined. */
function rejectsUndefined(node: SchemaNode): boolean {
  return (
    node.kind === 'false' ||
    (node.kind === 'schema' && (node.types !== undefined || node.hasConst === true || node.enumValues !== undefined))
  )
}

/** The node takes the open-shape path in 'is' mode (emitObject → emitIsKnownShape → emitIsOpenShape): the one place this is decided. */
function takesOpenShapePath(node: SchemaNode): boolean {
  const additional = node.additionalProperties
  if ((node.patternProperties ?? []).length > 0 || (additional !== undefined && additional.kind !== 'false')) return false
  return (node.required ?? []).length > 0 || (node.properties ?? []).some((p) => p.node.kind !== 'true')
}

/**
 * In 'is' mode a `type: "object"` node on the open-shape path tests only `typeof` and null up
 * front; the array test follows the property reads, where it costs nothing (measured ~5%).
 * Reading a property of an array first is harmless.
 */
export function arrayCheckDeferred(node: SchemaNode): boolean {
  return node.types?.length === 1 && node.types[0] === 'object' && takesOpenShapePath(node)
}
