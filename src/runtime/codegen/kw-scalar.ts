// type, const, enum, number and string keywords.
import type { SchemaNode } from '../validate/prepare'
import { type Code, type Name, _, join } from './code'
import { type Emit, type Gen, type Place, BUILTINS, failure } from './context'
import { arrayCheckDeferred } from './kw-object'

const ENUM_SET_THRESHOLD = 8

export function typeTest(type: string, v: Name): Code {
  switch (type) {
    case 'string':
      return _`typeof ${v} === "string"`
    case 'number':
      // Number.isFinite is false for anything but a number (no coercion), as Number.isInteger:
      // a typeof test before it cost loose number shapes 1.2x.
      return _`${BUILTINS.NF.name}(${v})`
    case 'integer':
      return _`${BUILTINS.NI.name}(${v})`
    case 'boolean':
      return _`typeof ${v} === "boolean"`
    case 'null':
      return _`${v} === null`
    case 'array':
      return _`${BUILTINS.IA.name}(${v})`
    default:
      return _`(typeof ${v} === "object" && ${v} !== null && !${BUILTINS.IA.name}(${v}))`
  }
}

/** `type`: the failure statement is followed by `stop` (ex mode: leave the node). */
export function emitType(g: Gen, node: SchemaNode, at: Place, e: Emit, stop: Code): Code {
  const tests =
    e.mode === 'is' && arrayCheckDeferred(node)
      ? [_`(typeof ${at.v} === "object" && ${at.v} !== null)`]
      : node.types!.map((t) => typeTest(t, at.v))
  const ok = tests.length === 1 ? tests[0]! : join(tests, _` || `)
  const fail = e.mode === 'is' ? e.fail : _`if (${BUILTINS.TY.name}(c, ${at.path}, ${g.constant(node.type)}, ${at.v}) >= m) return;`
  return stop.text === '' ? _`if (!(${ok})) { ${fail} }` : _`if (!(${ok})) { ${fail} ${stop} }`
}

function equalTest(g: Gen, v: Name, value: unknown): Code {
  return typeof value !== 'object' || value === null ? _`${v} === ${value}` : _`${g.helper('equal')}(${v}, ${g.constant(value)})`
}

export function emitValues(g: Gen, node: SchemaNode, at: Place, e: Emit): Code[] {
  const out: Code[] = []
  if (node.hasConst) {
    out.push(
      _`if (!(${equalTest(g, at.v, node.constValue)})) { ${failure(e, at.path, 'const', g.constant(node.constValue), _`${BUILTINS.KD.name}(${at.v})`)} }`,
    )
  }
  if (node.enumValues !== undefined) {
    const values = node.enumValues
    const primitive = values.every((x) => typeof x !== 'object' || x === null)
    // Large primitive enums: one Set lookup (SameValueZero equals === for JSON values).
    const test =
      values.length === 0
        ? _`false`
        : primitive && values.length > ENUM_SET_THRESHOLD
          ? _`${g.primitiveSet(values)}.has(${at.v})`
          : join(
              values.map((x) => equalTest(g, at.v, x)),
              _` || `,
            )
    out.push(_`if (!(${test})) { ${failure(e, at.path, 'enum', g.constant(values), _`${BUILTINS.KD.name}(${at.v})`)} }`)
  }
  return out
}

export function emitNumber(g: Gen, node: SchemaNode, at: Place, e: Emit): Code[] {
  const v = at.v
  const out: Code[] = []
  // Written as !(v op limit) so that NaN fails every bound.
  const bound = (keyword: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum', test: Code, limit: number): void => {
    out.push(_`if (!(${test})) { ${failure(e, at.path, keyword, _`${limit}`, v)} }`)
  }
  if (node.minimum !== undefined) bound('minimum', _`${v} >= ${node.minimum}`, node.minimum)
  if (node.maximum !== undefined) bound('maximum', _`${v} <= ${node.maximum}`, node.maximum)
  if (node.exclusiveMinimum !== undefined) bound('exclusiveMinimum', _`${v} > ${node.exclusiveMinimum}`, node.exclusiveMinimum)
  if (node.exclusiveMaximum !== undefined) bound('exclusiveMaximum', _`${v} < ${node.exclusiveMaximum}`, node.exclusiveMaximum)
  if (node.multipleOf !== undefined) {
    out.push(_`if (!${g.helper('mult')}(${v}, ${node.multipleOf})) { ${failure(e, at.path, 'multipleOf', _`${node.multipleOf}`, v)} }`)
  }
  return out
}

export function emitString(g: Gen, node: SchemaNode, at: Place, e: Emit): Code[] {
  const v = at.v
  const out: Code[] = []
  // UTF-16 length decides most cases without counting code points. 'ex' mode counts once, into
  // `n`, for the test and the issue.
  const length = (keyword: 'minLength' | 'maxLength', utf16: Code, op: Code, limit: number): Code => {
    if (e.mode === 'is') return _`if (${utf16} && ${BUILTINS.CL.name}(${v}) ${op} ${limit}) { ${e.fail} }`
    const n = g.scope.name('n')
    return _`if (${utf16}) { const ${n} = ${BUILTINS.CL.name}(${v}); if (${n} ${op} ${limit}) { ${failure(e, at.path, keyword, _`${limit}`, n)} } }`
  }
  if (node.minLength !== undefined && node.minLength > 0)
    out.push(length('minLength', _`${v}.length < ${2 * node.minLength}`, _`<`, node.minLength))
  if (node.maxLength !== undefined) out.push(length('maxLength', _`${v}.length > ${node.maxLength}`, _`>`, node.maxLength))
  if (node.pattern !== undefined) {
    out.push(_`if (!${g.regexp(node.pattern.source)}.test(${v})) { ${failure(e, at.path, 'pattern', _`${node.pattern.source}`)} }`)
  }
  if (node.format !== undefined) {
    out.push(_`if (!${g.format(node.format)}(${v})) { ${failure(e, at.path, 'format', _`${node.format}`)} }`)
  }
  return out
}
