// Property reads at build time: only own or inherited data of openws values and user literals,
// never prototype plumbing (`__proto__`, `constructor`…) or members of built-in prototypes, so a
// definition cannot reach Function or Object.prototype through a static read.
import type { Node } from './ast'
import { notStatic } from './errors'

const FORBIDDEN_KEYS = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
])
const BUILTIN_PROTOS = new Set<unknown>([
  Object.prototype,
  Function.prototype,
  Array.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Symbol.prototype,
  RegExp.prototype,
])

/** `target[key]` for the evaluator; `trusted` marks openws's own values (its proxies have no prototype). */
export function readMember(node: Node, target: unknown, key: string, trusted: boolean): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw notStatic(node, `"${key}" is not read at build time`)
  if (target === null || (typeof target !== 'object' && typeof target !== 'function')) {
    throw notStatic(node, `cannot read "${key}" of a ${target === null ? 'null' : typeof target} at build time`)
  }
  const isProxy = trusted && !Object.getPrototypeOf(target)
  if (!isProxy) {
    let owner: object | null = target as object
    while (owner && !Object.prototype.hasOwnProperty.call(owner, key)) owner = Object.getPrototypeOf(owner)
    if (!owner) throw notStatic(node, `"${key}" is not a known property`)
    if (BUILTIN_PROTOS.has(owner)) throw notStatic(node, `"${key}" is a built-in member, not evaluated at build time`)
  }
  return (target as Record<string, unknown>)[key]
}
