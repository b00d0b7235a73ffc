// What an evaluation saw, kept for the passes after it: which synthetic classes were made and where the main file names them (splicing), and which
// calls and mutable builder constants were evaluated (later-mutation and dead-code checks).
import type { Node } from './ast'
import type { ClassInfo } from './synthetic-class'

export class EvaluationRecord {
  /** Synthetic class -> where it was declared. */
  readonly classInfo = new Map<Function, ClassInfo>()
  /** Synthetic class -> identifiers in the main file that named it (moduleScope: valid anywhere in the file). */
  readonly refs = new Map<Function, Array<{ node: Node; moduleScope: boolean }>>()
  /** Every call evaluated (so untouched calls on mutable builders can be told apart). */
  readonly evaluatedCalls = new Set<Node>()
  /** Const declarations whose value is a mutable openws object (e.g. a fluent role builder). */
  readonly mutableConsts = new Map<Node, unknown>()

  /** `node` in the main file named the synthetic class `cls`. */
  addRef(cls: Function, node: Node, moduleScope: boolean): void {
    const list = this.refs.get(cls) ?? []
    list.push({ node, moduleScope })
    this.refs.set(cls, list)
  }
}
