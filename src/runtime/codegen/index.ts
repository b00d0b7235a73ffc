// Generates validator source from a payload schema of the supported subset.
//
// `generateValidator(schema).source` is a JavaScript EXPRESSION that evaluates to a `Validator`
// ({ is, explain }). It expects one free identifier, `h`, bound to `validatorHelpers` from
// src/runtime/validate/helpers.ts, and uses nothing else but standard built-ins. The same source
// is spliced by the transformer and written into standalone modules (generateValidatorModule).
// Semantics and issues are identical to the interpreter (../interpret).
import type { JsonSchema } from '../ir/types'
import type { ValidatorOptions } from '../validate/types'
import { type PreparedSchema, type SchemaNode, prepareSchema } from '../validate/prepare'
import { openwsError } from '../openws-error'
import type { ExtraHelpers } from '../validate/helpers'
import { depthBoundOf } from '../validate/depth-bound'
import { type Code, Name, _, join } from './code'
import { BUILTINS, Gen, MAX_DEPTH, type Place, type Depth, openSafeStatement } from './context'
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
  const isBody = emitNode(g, node, at, { mode: 'is', fail: _`return false;` })
  const isSafe = openSafeStatement(g)
  // explain() runs 'is' code too (alternatives of anyOf, oneOf, not).
  const exBody = emitNode(g, node, at, { mode: 'ex', fail: _`return;` })
  const exSafe = openSafeStatement(g)
  const params = dynamicDepth ? _`${v}, ${d}` : v
  return join([
    _`function ${names.is}(${params}) { ${isSafe}${isBody} return true; }`,
    _`function ${names.ex}(${v}, ${p}, ${dynamicDepth ? d : _`_d`}, c, m) { ${exSafe}${exBody} }`,
  ])
}

function generate(prepared: PreparedSchema): HelperUsage & { code: Code } {
  const g = new Gen(prepared.maxDepth)
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
  const body = join(units)
  const bound = depthBoundCode(prepared, g.maxDepth)
  // The depth to descend to (see MAX_DEPTH): h.maxDepth may raise it, never lower it.
  const depth = /\bMD\b/.test(body.text + bound.text)
    ? _`const ${MAX_DEPTH} = h.maxDepth > ${g.maxDepth} ? h.maxDepth : ${g.maxDepth};`
    : _``
  const builtins = Object.values(BUILTINS)
    .filter((b) => new RegExp(`\\b${b.name.text}\\(`).test(body.text))
    .map((b) => _`const ${b.name} = ${b.value};`)
  const preamble = [...builtins, ...(depth.text === '' ? [] : [depth]), ...g.hoisted]
  const code = _`(function () {
"use strict";
const hasOwn = h.hasOwn;
const OP = Object.prototype;
const add = h.add;
${join(preamble)}
${body}
return {
  is: ${is},
  explain: function (v, max) { const c = []; ${rootNames.ex}(v, "", 0, c, h.limit(max)); return c; },
  depthBound: ${bound}
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
  const generated = Object.keys(schemas).map((key) => ({ key, ...generate(prepareSchema(schemas[key]!, options)) }))
  const entries = generated.map(({ key, code }) => _`[${key}]: ${code}`)
  if (helpersExport === 'coreHelpers' && generated.some((v) => v.helpers.length > 0 || v.formats.length > 0)) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'these schemas need helpers that coreHelpers leaves out: import validatorHelpers')
  }
  return _`// autogenerated by openws, do not edit
import { ${new Name(helpersExport)} as h } from ${helpersSpecifier};
export const validators = Object.freeze({ __proto__: null, ${join(entries, _`, `)} });
export default validators;
`.text
}
