// Static evaluation of definition expressions. Literals, constants, imports from other modules,
// and calls into openws's own builders (S, fluent role/message/network, decorators), which are
// executed for real at build time on statically known arguments. User functions never run:
// anything else is "not static" and the definition is left to the runtime interpreter.
// The concerns around it live beside it: build-time-calls (what may be called), imported-values
// and module-units (other modules), evaluation-memo, trusted-values, evaluation-record (what the
// passes after evaluation need) and member-read (which property reads are allowed).
import { fileOf, inFromList, memberKey, parentOf, type Node, type ParsedFile } from './ast'
import { BuildTimeCalls } from './build-time-calls'
import { notStatic, TransformerError } from './errors'
import { EvaluationMemo } from './evaluation-memo'
import { EvaluationRecord } from './evaluation-record'
import { importedValue, type ImportHost } from './imported-values'
import { readMember } from './member-read'
import { ModuleUnits, type ModuleUnit } from './module-units'
import { binary, literal, prefix, template } from './operators'
import { lookup, topStatement, type Binding } from './scope'
import { staticFn } from './static-fn'
import { makeSyntheticClass } from './synthetic-class'
import { TrustedValues } from './trusted-values'
import type { JsonSchema } from '../../runtime/ir/types'

export type { ModuleUnit } from './module-units'

export interface EvaluatorHost extends ImportHost {
  /** Typed mode: the JSON Schema of a method's first parameter type (types as payloads). */
  payloadFromType?: (method: Node, kind: 'message' | 'handler') => JsonSchema
  /** Typed mode: the JSON Schema of a method's return type (types as replies); undefined: one-way. */
  replyFromType?: (method: Node, kind: 'message' | 'handler') => JsonSchema | undefined
}

export class Evaluator {
  /** Objects/functions that come from openws itself: only these may be called. */
  readonly trusted = new TrustedValues()
  /** What the evaluation saw, for the passes after it. */
  readonly record = new EvaluationRecord()
  readonly units = new ModuleUnits()
  private readonly memo = new EvaluationMemo()
  private readonly calls: BuildTimeCalls = new BuildTimeCalls(this)

  constructor(readonly host: EvaluatorHost) {}

  get payloadFromType(): EvaluatorHost['payloadFromType'] {
    return this.host.payloadFromType
  }

  get replyFromType(): EvaluatorHost['replyFromType'] {
    return this.host.replyFromType
  }

  /** The real decorator-module export `name` (to recognise @handler / @message factories). */
  openwsFunction(name: string): unknown {
    return this.host.openwsExport('openws/decorator', name)
  }

  /** The declaration's value was computed (and is memoized). */
  wasEvaluated(decl: Node): boolean {
    return this.memo.has(decl)
  }

  /** Every module parsed so far (the main file first). */
  sourceFiles(): ParsedFile[] {
    return this.units.sourceFiles()
  }

  addUnit(unit: ModuleUnit): void {
    this.units.add(unit)
  }

  isTrusted(value: unknown): boolean {
    return this.trusted.has(value)
  }

  /** Registers a class value before its members are evaluated, so roles may refer to each other. */
  provisional(decl: Node, value: unknown): void {
    this.memo.provisional(decl, value)
  }

  private readonly inner = (node: Node): unknown => this.evaluate(node)

  evaluate(node: Node): unknown {
    switch (node.type) {
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        return this.evaluate(node.expression)
      case 'Literal':
        return literal(node)
      case 'TemplateLiteral':
        return template(node, this.inner)
      case 'UnaryExpression':
        if (['-', '+', '!', '~'].includes(node.operator)) return prefix(node, this.inner)
        break
      case 'BinaryExpression':
      case 'LogicalExpression':
      case 'AssignmentExpression':
        return binary(node, this.inner)
      case 'ArrayExpression':
        return this.array(node)
      case 'ObjectExpression':
        return this.object(node)
      case 'Identifier':
        return this.identifier(node)
      case 'MemberExpression': {
        if (!node.computed) return this.member(node, this.evaluate(node.object), memberKey(node))
        const key = this.evaluate(node.property)
        if (typeof key !== 'string' && typeof key !== 'number') throw notStatic(node, 'the element key is not a constant')
        return this.member(node, this.evaluate(node.object), String(key))
      }
      case 'CallExpression':
        return this.calls.call(node)
      case 'ClassExpression':
        // One declaration, one class: a class made per call of a helper exists only at run time.
        if (this.calls.nested) throw notStatic(node, 'a class created by a function call is known only at run time')
        return this.classValue(node, node.id?.name ?? 'anonymous')
      case 'ArrowFunctionExpression':
      case 'FunctionExpression': {
        const fn = staticFn(node)
        if (fn) return fn
        throw notStatic(node, 'a function is not a static value')
      }
    }
    throw notStatic(node, `${node.type} is not a static value`)
  }

  /** `target[key]` at build time; what openws's own values hold is trusted too. */
  member(node: Node, target: unknown, key: string): unknown {
    const trusted = this.trusted.has(target)
    const value = readMember(node, target, key, trusted)
    if (trusted) this.trusted.trust(value)
    return value
  }

  /** A class as a value: a synthetic class with its static CONFIG, method stubs and decorators applied. */
  classValue(decl: Node, name: string): Function {
    return this.memo.once(decl, decl, name, () => makeSyntheticClass(decl, name, this)) as Function
  }

  private array(node: Node): unknown[] {
    const out: unknown[] = []
    for (const el of node.elements as Array<Node | null>) {
      if (el === null) throw notStatic(node, 'array holes are not supported')
      if (el.type === 'SpreadElement') {
        const v = this.evaluate(el.argument)
        if (!Array.isArray(v)) throw notStatic(el, 'only arrays can be spread here')
        out.push(...v)
      } else out.push(this.evaluate(el))
    }
    return out
  }

  private propertyKey(prop: Node): string {
    const key = prop.key as Node
    if (!prop.computed && key.type === 'Identifier') return key.name
    if (!prop.computed && key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
      return String(key.value)
    if (prop.computed) {
      const k = this.evaluate(key)
      if (typeof k === 'string' || typeof k === 'number') return String(k)
    }
    throw notStatic(key, 'the property name is not a constant')
  }

  private object(node: Node): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    const define = (key: string, value: unknown) =>
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
    for (const prop of node.properties as Node[]) {
      if (prop.type === 'Property' && prop.kind === 'init' && !prop.method && !prop.shorthand)
        define(this.propertyKey(prop), this.evaluate(prop.value))
      else if (prop.type === 'Property' && prop.shorthand) define(prop.key.name, this.identifier(prop.value))
      else if (prop.type === 'SpreadElement') {
        const v = this.evaluate(prop.argument)
        if (typeof v !== 'object' || v === null || Array.isArray(v)) throw notStatic(prop, 'only objects can be spread here')
        for (const [k, x] of Object.entries(v)) define(k, x)
      } else throw notStatic(prop, 'methods and accessors are not static values')
    }
    return out
  }

  private identifier(node: Node): unknown {
    if (node.name === 'undefined') return undefined
    const binding = lookup(node)
    if (!binding) {
      // A `from` list names role classes: one that is declared nowhere is a mistake, not a run-time value.
      if (inFromList(node)) {
        throw new TransformerError(
          'OPENWS_ERR_UNKNOWN_FROM_ROLE',
          `"from" names ${node.name}, which is not declared in this module: import or declare the role class`,
          node,
          'error',
        )
      }
      throw notStatic(node, `"${node.name}" is not declared in this module`)
    }
    const value = this.binding(binding, node, node.name)
    if (typeof value === 'function' && this.record.classInfo.has(value) && fileOf(node) === this.units.mainFile) {
      this.record.addRef(value, node, parentOf(topStatement(binding))?.type === 'Program')
    }
    return value
  }

  /** The value of a name's binding (also called for bindings found in imported modules). */
  binding(binding: Binding, at: Node, name: string): unknown {
    switch (binding.kind) {
      case 'const': {
        const init = binding.decl.init as Node | null
        if (!init) throw notStatic(at, `"${name}" has no initializer`)
        return this.memo.once(binding.decl, at, name, () => {
          const value = this.evaluate(init)
          if (typeof value === 'object' && value !== null && this.trusted.has(value) && !Object.isFrozen(value)) {
            this.record.mutableConsts.set(binding.decl, value)
          }
          return value
        })
      }
      case 'class':
        return this.classValue(binding.decl, name)
      case 'import': {
        const { decl, imported } = binding
        return this.memo.once(decl, at, `${name}#${imported}`, () => importedValue(this, decl, imported, at), `import:${imported}`)
      }
      case 'mutable':
        throw notStatic(at, `"${name}" is not a const`)
      case 'function': {
        const fn = staticFn(binding.decl)
        if (fn) return fn
        throw notStatic(at, `"${name}" is a function whose body is not a single expression`)
      }
      case 'parameter': {
        const bound = this.calls.parameter(binding.decl)
        if (bound) return bound.value
        throw notStatic(at, `"${name}" is a parameter or loop variable, known only at run time`)
      }
      default:
        throw notStatic(at, `"${name}" is a ${binding.kind}, not a static value`)
    }
  }

  /** `export default <expr>` of an imported module, evaluated once. */
  defaultExpression(expr: Node, at: Node, name: string): unknown {
    return this.memo.once(expr, at, name, () => this.evaluate(expr))
  }
}
