// Memoisation for the evaluator: each declaration (or each imported name of an import declaration)
// is evaluated once per transform, and a declaration that needs its own value while it is being
// computed is reported as a cycle instead of recursing forever.
import type { Node } from './ast'
import { notStatic } from './errors'

const IN_PROGRESS = Symbol('in progress')

export class EvaluationMemo {
  /** Declaration node -> part ('' for the declaration itself, the imported name for an import) -> value. */
  private readonly values = new Map<Node, Map<string, unknown>>()

  /** The value of `decl` (its `part`), computed by `compute` the first time only; `at`/`name` word the cycle error. */
  once(decl: Node, at: Node, name: string, compute: () => unknown, part = ''): unknown {
    let parts = this.values.get(decl)
    if (!parts) {
      parts = new Map()
      this.values.set(decl, parts)
    }
    if (parts.has(part)) {
      const cached = parts.get(part)
      if (cached === IN_PROGRESS) throw notStatic(at, `"${name}" refers to itself`)
      return cached
    }
    parts.set(part, IN_PROGRESS)
    try {
      const value = compute()
      parts.set(part, value)
      return value
    } catch (e) {
      parts.delete(part)
      throw e
    }
  }

  /** Records `decl`'s value before its computation ends (a class, so roles may refer to each other). */
  provisional(decl: Node, value: unknown): void {
    let parts = this.values.get(decl)
    if (!parts) {
      parts = new Map()
      this.values.set(decl, parts)
    }
    parts.set('', value)
  }

  /** `decl`'s own value was computed (or provisionally recorded). */
  has(decl: Node): boolean {
    const parts = this.values.get(decl)
    return parts !== undefined && parts.has('') && parts.get('') !== IN_PROGRESS
  }
}
