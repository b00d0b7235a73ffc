// Generates validator source from a payload schema of the supported subset.
//
// `generateValidator(schema).source` is a JavaScript EXPRESSION that evaluates to a `Validator`
// ({ is, explain }). It expects one free identifier, `h`, bound to `validatorHelpers` from
// src/runtime/validate/helpers.ts, and uses nothing else but standard built-ins. The same source
// is spliced by the transformer and written into standalone modules (generateValidatorModule).
// Semantics and issues are identical to the interpreter (../interpret).
import type { JsonSchema } from '../ir/types'
import type { ValidatorOptions } from '../validate/types'
import { type PreparedSchema, type SchemaNode, prepareSchema, resolveMaxDepth } from '../validate/prepare'
import { openwsError } from '../openws-error'
import type { ExtraHelpers } from '../validate/helpers'
import { depthBoundOf } from '../validate/depth-bound'
import { type Code, Name, _, join } from './code'
import { BUILTINS, Gen, MAX_DEPTH, Pool, type Place, type Depth, openSafeStatement } from './context'
import { emitNode } from './node'

/** The safe code builder, for other emitters (dispatch, spec literals) to share. */
export { Code, Name, Scope, _, join, safeStringify } from './code'

/** What generated code reaches through `h` beyond coreHelpers: the caller must provide these. */
export interface HelperUsage {
  /** EXTRA_HELPERS the code calls, by `h.` name. */
  helpers: (keyof ExtraHelpers)[]
  /** Format checks the code reads from `h.formats`, sorted. */
  formats: string[]
}

export interface GeneratedValidator extends HelperUsage {
  /** Source of an expression evaluating to a Validator; free identifier: `h` (validatorHelpers). */
  source: string
}

export function generateValidator(schema: JsonSchema, options?: ValidatorOptions): GeneratedValidator {
  const { code, ...used } = validatorCode(schema, options)
  return { source: code.text, ...used }
}

/** generateValidator as a Code piece, for other generators to paste (see ./artifact.ts). */
export function validatorCode(schema: JsonSchema, options?: ValidatorOptions): HelperUsage & { code: Code } {
  return generate(prepareSchema(schema, options))
}

function emitUnit(g: Gen, node: SchemaNode, names: { is: Name; ex: Name }, dynamicDepth: boolean): Code {
  const v = g.scope.name('v')
  const d = g.scope.name('d')
  const p = g.scope.name('p')
  const depth: Depth = dynamicDepth ? { base: d, k: 0 } : { base: null, k: 0 }
  const at: Place = { v, path: p, depth }
  // The slow path (Emit.slow) jumps to one call of the explain twin after the body: a `break` is
  // 2 bytes of bytecode, a call 10, and V8 inlines an `is` function only up to 460 bytes
  // (nested objects ran at 0.7x just past it).
  const slowLabel = g.scope.name('S')
  const isBody = emitNode(g, node, at, { mode: 'is', fail: _`return false;`, slow: _`break ${slowLabel};` })
  const isSafe = openSafeStatement(g)
  const slow = _`return ${BUILTINS.SL.name}(${names.ex}, ${v}, ${dynamicDepth ? d : _`0`});`
  const isCode = isBody.text.includes(`break ${slowLabel.text};`)
    ? _`${slowLabel}: { ${isBody} return true; } ${slow}`
    : _`${isBody} return true;`
  // explain() runs 'is' code too (alternatives of anyOf, oneOf, not).
  const exBody = emitNode(g, node, at, { mode: 'ex', fail: _`return;` })
  const exSafe = openSafeStatement(g)
  const params = dynamicDepth ? _`${v}, ${d}` : v
  return join([
    _`function ${names.is}(${params}) { ${isSafe}${isCode} }`,
    _`function ${names.ex}(${v}, ${p}, ${dynamicDepth ? d : _`_d`}, c, m) { ${exSafe}${exBody} }`,
  ])
}

/** A validator's functions (declarations) and what makes it a Validator. */
interface Units {
  /** `function isN(…) {…}` and `function exN(…) {…}` of the root and of every $ref target. */
  body: Code
  /** The validator's `is`: a function name, or a wrapper for a root that is a $ref target. */
  is: Code
  /** The root's explain function (signature `(v, path, depth, issues, max)`). */
  ex: Name
  /** `depthBound` (see depthBoundCode). */
  bound: Code
}

function emitUnits(prepared: PreparedSchema, g: Gen): Units {
  const root = prepared.root
  const units: Code[] = []
  const rootNames = root.isRefTarget ? g.unit(root) : { is: g.scope.name('is'), ex: g.scope.name('ex') }
  if (!root.isRefTarget) units.push(emitUnit(g, root, rootNames, false))
  // Ref targets are emitted as they are reached (g.unit queues them).
  for (let i = 0; i < g.pending.length; i++) {
    const node = g.pending[i]!
    units.push(emitUnit(g, node, g.units.get(node)!, true))
  }
  // A root that is not a $ref target takes one argument: hand it out as is, since a wrapper
  // costs ~12% on small payloads.
  const is = root.isRefTarget ? _`function (v) { return ${rootNames.is}(v, 0); }` : rootNames.is
  return { body: join(units), is, ex: rootNames.ex, bound: depthBoundCode(prepared, g.maxDepth) }
}

/**
 * The locals generated functions read: `hasOwn`, `OP`, `add`, the BUILTINS that `text` calls, and
 * `MD` when `text` reads it. Written once per standalone validator, once per artifact.
 */
export function preambleCode(text: string, maxDepth: number): Code {
  const builtins = Object.values(BUILTINS)
    .filter((b) => new RegExp(`\\b${b.name.text}\\(`).test(text))
    .map((b) => _`${b.name} = ${b.value}`)
  // The depth to descend to (see MAX_DEPTH): h.maxDepth may raise it, never lower it.
  const depth = /\bMD\b/.test(text) ? [_`${MAX_DEPTH} = h.maxDepth > ${maxDepth} ? h.maxDepth : ${maxDepth}`] : []
  return _`const hasOwn = h.hasOwn, OP = Object.prototype, add = h.add${join(
    [...builtins, ...depth].map((c) => _`, ${c}`),
    _``,
  )};`
}

/** The name of the artifact-level maker of Validator objects (see validatorMakerCode). */
export const MAKE_VALIDATOR = new Name('MV')

/** `MV(is, ex, depthBound)`: a Validator from its functions; one per artifact. */
export function validatorMakerCode(): Code {
  return _`const ${MAKE_VALIDATOR} = (is, ex, b) => ({ is, explain: (v, max) => { const c = []; ex(v, "", 0, c, h.limit(max)); return c; }, depthBound: b });`
}

/**
 * One validator of an artifact: function declarations sharing `pool` (names, constants, patterns,
 * format checks) with the artifact's other validators, and the expression of its Validator. The
 * artifact writes the preamble (preambleCode) and MV (validatorMakerCode) once for all of them.
 */
export function artifactValidatorCode(schema: JsonSchema, options: ValidatorOptions, pool: Pool): { body: Code; value: Code } {
  const prepared = prepareSchema(schema, options)
  const u = emitUnits(prepared, new Gen(prepared.maxDepth, pool))
  return { body: u.body, value: _`${MAKE_VALIDATOR}(${u.is}, ${u.ex}, ${u.bound})` }
}

function generate(prepared: PreparedSchema): HelperUsage & { code: Code } {
  const g = new Gen(prepared.maxDepth)
  const u = emitUnits(prepared, g)
  const preamble = preambleCode(u.body.text + u.bound.text, g.maxDepth)
  const code = _`(function () {
"use strict";
${preamble}
${join(g.hoisted)}
${u.body}
return {
  is: ${u.is},
  explain: function (v, max) { const c = []; ${u.ex}(v, "", 0, c, h.limit(max)); return c; },
  depthBound: ${u.bound}
};
})()`
  return { code, ...g.used() }
}

/**
 * `depthBound` of the Validator (see validate/depth-bound.ts): min(height, MD) for a schema that
 * confines nesting, `1 / 0` (Infinity) for one that does not. Written for every validator, so all
 * of them share one object shape.
 */
function depthBoundCode(prepared: PreparedSchema, maxDepth: number): Code {
  const { confined, height } = depthBoundOf(prepared.root)
  if (!confined) return _`1 / 0`
  if (height <= maxDepth) return _`${height}`
  return height === Infinity ? MAX_DEPTH : _`${MAX_DEPTH} < ${height} ? ${MAX_DEPTH} : ${height}`
}

/**
 * A standalone ES module exporting `validators`: a frozen, null-prototype object mapping each key
 * of `schemas` to its Validator. `helpersSpecifier` is the module that exports `validatorHelpers`,
 * or `helpersExport` when the schemas use no format and no EXTRA_HELPERS (then `coreHelpers`,
 * which leaves both out of bundles, will do; asking for it otherwise throws).
 */
export function generateValidatorModule(
  schemas: Record<string, JsonSchema>,
  helpersSpecifier: string,
  options?: ValidatorOptions,
  helpersExport = 'validatorHelpers',
): string {
  if (typeof helpersSpecifier !== 'string' || helpersSpecifier === '') {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'generateValidatorModule needs the module specifier of validatorHelpers')
  }
  // One pool for all: the preamble, MV, constants and patterns are written once per module.
  const pool = new Pool()
  const generated = Object.keys(schemas).map((key) => ({ key, ...artifactValidatorCode(schemas[key]!, options ?? {}, pool) }))
  const used = pool.used()
  if (helpersExport === 'coreHelpers' && (used.helpers.length > 0 || used.formats.length > 0)) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'these schemas need helpers that coreHelpers leaves out: import validatorHelpers')
  }
  const bodies = join(generated.map((v) => v.body))
  const values = join(generated.map((v) => v.value))
  const entries = generated.map(({ key, value }) => _`[${key}]: ${value}`)
  const maxDepth = resolveMaxDepth(options)
  return _`// autogenerated by openws, do not edit
import { ${new Name(helpersExport)} as h } from ${helpersSpecifier};
${preambleCode(bodies.text + values.text, maxDepth)}
${validatorMakerCode()}
${join(pool.hoisted)}
${bodies}
export const validators = Object.freeze({ __proto__: null, ${join(entries, _`, `)} });
export default validators;
`.text
}
