// Calls evaluated at build time: openws's own (trusted) builder functions run for real on
// statically known arguments; single-expression user helpers are expanded with their parameters
// bound. Nothing else is ever called.
import { fileOf, memberName, textOf, type Node } from './ast'
import { notStatic, TransformerError, userError } from './errors'
import type { EvaluationRecord } from './evaluation-record'
import { containsStaticFn, StaticFn } from './static-fn'
import type { TrustedValues } from './trusted-values'

/** What calls need from the evaluator. */
export interface CallContext {
  readonly trusted: TrustedValues
  readonly record: EvaluationRecord
  evaluate(node: Node): unknown
  member(node: Node, target: unknown, key: string): unknown
}

export class BuildTimeCalls {
  /** Parameters of the static helper calls being evaluated. */
  private readonly params = new Map<Node, unknown>()
  private depth = 0

  constructor(private readonly ctx: CallContext) {}

  /** Inside a static helper call (a class made there would exist once per call, at run time). */
  get nested(): boolean {
    return this.depth > 0
  }

  /** The argument bound to the helper parameter `decl`, if a helper call is binding it. */
  parameter(decl: Node): { value: unknown } | undefined {
    return this.params.has(decl) ? { value: this.params.get(decl) } : undefined
  }

  call(node: Node): unknown {
    // `a.b(x).c(y).d(z)`: walk the chain iteratively, so a long fluent chain cannot overflow the stack.
    const chain: Node[] = [node]
    let root: Node = node
    for (;;) {
      const callee = root.callee as Node
      if (memberName(callee) === undefined || callee.object.type !== 'CallExpression') break
      root = callee.object
      chain.push(root)
    }
    let value: unknown
    for (let i = chain.length - 1; i >= 0; i--) {
      const call = chain[i]!
      const callee = call.callee as Node
      const name = memberName(callee)
      if (i < chain.length - 1 && name !== undefined) {
        value = this.apply(call, value, this.ctx.member(callee, value, name))
      } else if (name !== undefined) {
        const receiver = this.ctx.evaluate(callee.object)
        value = this.apply(call, receiver, this.ctx.member(callee, receiver, name))
      } else {
        value = this.apply(call, undefined, this.ctx.evaluate(callee))
      }
    }
    return value
  }

  private apply(node: Node, receiver: unknown, fn: unknown): unknown {
    const calleeNode = node.callee as Node
    if (fn instanceof StaticFn) return this.callStatic(node, fn)
    if (typeof fn !== 'function' || !this.ctx.trusted.has(fn))
      throw notStatic(calleeNode, 'only openws builder calls are evaluated at build time')
    const args = (node.arguments as Node[]).map((a) => {
      if (a.type === 'SpreadElement') throw notStatic(a, 'spread arguments are not evaluated')
      return this.ctx.evaluate(a)
    })
    if (args.some((a) => containsStaticFn(a))) throw notStatic(node, 'a function is passed where a static value is needed')
    let result: unknown
    try {
      result = (fn as (...a: unknown[]) => unknown).apply(receiver, args)
    } catch (e) {
      // Point at what was passed (`.message(<here>)`), not at the start of a long chain.
      const at: Node = memberName(calleeNode) !== undefined ? (node.arguments[0] ?? calleeNode.property) : node
      throw userError(e, at)
    }
    this.ctx.record.evaluatedCalls.add(node)
    this.ctx.trusted.trust(result)
    return result
  }

  private callStatic(node: Node, fn: StaticFn): unknown {
    if (this.depth > 50) throw notStatic(node, 'helper calls nest too deeply')
    const bound: Node[] = []
    ;(fn.decl.params as Node[]).forEach((p, i) => {
      const arg = node.arguments[i] as Node | undefined
      if (arg && arg.type === 'SpreadElement') throw notStatic(arg, 'spread arguments are not evaluated')
      let value = arg ? this.ctx.evaluate(arg) : undefined
      if (value === undefined && p.type === 'AssignmentPattern') value = this.ctx.evaluate(p.right)
      this.params.set(p, value)
      bound.push(p)
    })
    this.depth++
    try {
      return this.ctx.evaluate(fn.body)
    } catch (e) {
      // "Not static" inside a helper is reported at the call the user wrote in the definition.
      if (
        e instanceof TransformerError &&
        e.severity === 'warning' &&
        e.node.start >= fn.decl.start &&
        e.node.end <= fn.decl.end &&
        fileOf(e.node) === fileOf(fn.decl)
      ) {
        throw new TransformerError(e.code, `${textOf(node.callee)}(...): ${e.message}`, node, 'warning')
      }
      throw e
    } finally {
      this.depth--
      for (const p of bound) this.params.delete(p)
    }
  }
}
