// Payload and reply positions (`payload: <expr>`, `.payload(<expr>)`, `reply: …`, `.reply(…)`) whose value is an S builder become
// the builder's JSON Schema, so no schema builder runs in the output. Every style accepts plain
// JSON Schema there, so an uncompiled bindings() elsewhere still reads the same definition.
import {
  isClass,
  isFunction,
  isPlainProperty,
  keyName,
  memberName,
  parentOf,
  walk,
  within,
  type Node,
  type ParsedFile,
  type Range,
} from './ast'
import { isSchemaBuilder } from '../../runtime/schema/builder-json'
import { isTransformerError } from './errors'
import type { Evaluator } from './evaluate'
import { jsonValue } from '../../runtime/codegen/code'
import type { Replacement } from './plan'
import { resolveOpenwsRef, type OpenwsImports } from './imports'

/** Inside `static CONFIG = {...}` of a class: a class-first role definition. */
function inStaticConfig(node: Node): boolean {
  for (let n = parentOf(node); n; n = parentOf(n)) {
    if (n.type === 'PropertyDefinition' || n.type === 'AccessorProperty')
      return keyName(n) === 'CONFIG' && n.key.type === 'Identifier' && n.static === true
    if (isFunction(n) || isClass(n) || n.type === 'Program') return false
  }
  return false
}

/** `message('x')...payload(<here>)` where `message` is openws's: a fluent message definition. */
function onOpenwsMessage(call: Node, imports: OpenwsImports): boolean {
  let cur: Node = call.callee.object
  while (cur.type === 'CallExpression' && memberName(cur.callee) !== undefined) {
    const ref = resolveOpenwsRef(cur.callee, imports)
    if (ref) return ref.name === 'message'
    cur = cur.callee.object
  }
  if (cur.type !== 'CallExpression') return false
  return resolveOpenwsRef(cur.callee, imports)?.name === 'message'
}

/** The schema positions of a message: its payload and (request/reply) its reply. */
const SCHEMA_KEYS = new Set(['payload', 'reply'])

/** Payload positions of openws definitions only: a `payload` elsewhere is the user's own data. */
function payloadExpressions(sf: ParsedFile, imports: OpenwsImports): Node[] {
  const out: Node[] = []
  walk(sf.program, (node) => {
    if (isPlainProperty(node) && node.key.type === 'Identifier' && SCHEMA_KEYS.has(keyName(node) as string) && inStaticConfig(node))
      out.push(node.value)
    else if (
      node.type === 'CallExpression' &&
      SCHEMA_KEYS.has(memberName(node.callee) as string) &&
      node.arguments.length === 1 &&
      onOpenwsMessage(node, imports)
    ) {
      out.push(node.arguments[0])
    }
  })
  return out
}

export function payloadLiterals(sf: ParsedFile, ev: Evaluator, skip: readonly Range[], imports: OpenwsImports): Replacement[] {
  const out: Replacement[] = []
  for (const expr of payloadExpressions(sf, imports)) {
    if (expr.type === 'ObjectExpression' || within(expr, skip)) continue
    let value: unknown
    try {
      value = ev.evaluate(expr)
    } catch (e) {
      // Not static: reported where it matters (the bindings call). Too deep: left as written.
      if (isTransformerError(e) || e instanceof RangeError) continue
      throw e
    }
    if (isSchemaBuilder(value)) out.push({ start: expr.start, end: expr.end, text: jsonValue(value.json).text })
  }
  return out
}
