// Static evaluation of definition expressions. Literals, constants, imports from other modules,
// and calls into openws's own builders (S, fluent role/message/network, decorators), which are
// executed for real at build time on statically known arguments. User functions never run:
// anything else is "not static" and the definition is left to the runtime interpreter.
import { fileOf, inFromList, memberKey, memberName, parentOf, parseModule, textOf, type Node, type ParsedFile } from './ast'
import { notStatic, TransformerError, userError } from './errors'
import { binary, literal, prefix, template } from './operators'
import { containsStaticFn, StaticFn, staticFn } from './static-fn'
import { openwsModuleOf, type OpenwsModule } from './imports'
import { findExport, lookup, topStatement, type Binding, type ExportTarget } from './scope'
import { makeSyntheticClass, type ClassInfo } from './synthetic-class'
import { readMember } from './evaluate-member'
import type { ResolvedModule } from './types'
import type { JsonSchema } from '../../runtime/ir/types'

export interface ModuleUnit {
  id: string
  sf: ParsedFile
}

export interface EvaluatorHost {
  /** The real export `name` of an openws module (a trusted builder function or value). */
  openwsExport(module: OpenwsModule, name: string): unknown
  /** Packages that re-export openws (their modules count as openws's); default ['openws']. */
  packages?: readonly string[]
  resolveModule?: (specifier: string, importer: string) => ResolvedModule | undefined
  /** Typed mode: the JSON Schema of a method's first parameter type (types as payloads). */
  payloadFromType?: (method: Node, kind: 'message' | 'handler') => JsonSchema
  /** Typed mode: the JSON Schema of a method's return type (types as replies); undefined: one-way. */
  replyFromType?: (method: Node, kind: 'message' | 'handler') => JsonSchema | undefined
}

const IN_PROGRESS = Symbol('in progress')

export class Evaluator {
  /** Objects/functions that come from openws itself: only these may be called. */
  private readonly trusted = new WeakSet<object>()
  private readonly memo = new Map<object, unknown>()
  private readonly units = new Map<string, ModuleUnit | undefined>()
  /** Parameters of the static helper calls being evaluated. */
  private readonly params = new Map<Node, unknown>()
  private callDepth = 0
  /** Synthetic class -> where it was declared. */
  readonly classInfo = new Map<Function, ClassInfo>()
  /** Object literal / class value -> the node that produced it (for diagnostics). */
  readonly origins = new WeakMap<object, Node>()
  /** Synthetic class -> identifiers in the main file that named it (moduleScope: valid anywhere in the file). */
  readonly refs = new Map<Function, Array<{ node: Node; moduleScope: boolean }>>()
  private mainFile: ParsedFile | undefined

  constructor(private readonly host: EvaluatorHost) {}

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
    return this.memo.has(decl) && this.memo.get(decl) !== IN_PROGRESS
  }

  /** Every module parsed so far (the main file first). */
  sourceFiles(): ParsedFile[] {
    return [...this.units.values()].filter((u): u is ModuleUnit => u !== undefined).map((u) => u.sf)
  }

  unitOf(node: Node): ModuleUnit {
    const sf = fileOf(node)
    for (const unit of this.units.values()) if (unit?.sf === sf) return unit
    const unit = { id: sf.fileName, sf }
    this.units.set(sf.fileName, unit)
    return unit
  }

  addUnit(unit: ModuleUnit): void {
    this.mainFile ??= unit.sf
    this.units.set(unit.id, unit)
  }

  isTrusted(value: unknown): boolean {
    return ((typeof value === 'object' && value !== null) || typeof value === 'function') && this.trusted.has(value as object)
  }

  /** Registers a class value before its members are evaluated, so roles may refer to each other. */
  provisional(decl: Node, value: unknown): void {
    this.memo.set(decl, value)
  }

  trust<T>(value: T): T {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') this.trusted.add(value as object)
    return value
  }

  private readonly inner = (node: Node): unknown => this.evaluateInner(node)

  evaluate(node: Node): unknown {
    const value = this.evaluateInner(node)
    return value
  }

  private evaluateInner(node: Node): unknown {
    switch (node.type) {
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        return this.evaluateInner(node.expression)
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
        if (!node.computed) return this.member(node, this.evaluateInner(node.object), memberKey(node))
        const key = this.evaluateInner(node.property)
        if (typeof key !== 'string' && typeof key !== 'number') throw notStatic(node, 'the element key is not a constant')
        return this.member(node, this.evaluateInner(node.object), String(key))
      }
      case 'CallExpression':
        return this.call(node)
      case 'ClassExpression':
        // One declaration, one class: a class made per call of a helper exists only at run time.
        if (this.callDepth > 0) throw notStatic(node, 'a class created by a function call is known only at run time')
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

  private array(node: Node): unknown[] {
    const out: unknown[] = []
    for (const el of node.elements as Array<Node | null>) {
      if (el === null) throw notStatic(node, 'array holes are not supported')
      if (el.type === 'SpreadElement') {
        const v = this.evaluateInner(el.argument)
        if (!Array.isArray(v)) throw notStatic(el, 'only arrays can be spread here')
        out.push(...v)
      } else out.push(this.evaluateInner(el))
    }
    this.origins.set(out, node)
    return out
  }

  private propertyKey(prop: Node): string {
    const key = prop.key as Node
    if (!prop.computed && key.type === 'Identifier') return key.name
    if (!prop.computed && key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
      return String(key.value)
    if (prop.computed) {
      const k = this.evaluateInner(key)
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
        define(this.propertyKey(prop), this.evaluateInner(prop.value))
      else if (prop.type === 'Property' && prop.shorthand) define(prop.key.name, this.identifier(prop.value))
      else if (prop.type === 'SpreadElement') {
        const v = this.evaluateInner(prop.argument)
        if (typeof v !== 'object' || v === null || Array.isArray(v)) throw notStatic(prop, 'only objects can be spread here')
        for (const [k, x] of Object.entries(v)) define(k, x)
      } else throw notStatic(prop, 'methods and accessors are not static values')
    }
    this.origins.set(out, node)
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
    if (typeof value === 'function' && this.classInfo.has(value) && fileOf(node) === this.mainFile) {
      const list = this.refs.get(value) ?? []
      list.push({ node, moduleScope: parentOf(topStatement(binding))?.type === 'Program' })
      this.refs.set(value, list)
    }
    return value
  }

  private binding(binding: Binding, at: Node, name: string): unknown {
    switch (binding.kind) {
      case 'const': {
        const init = binding.decl.init as Node | null
        if (!init) throw notStatic(at, `"${name}" has no initializer`)
        return this.memoized(binding.decl, at, name, () => {
          const value = this.evaluateInner(init)
          if (typeof value === 'object' && value !== null && this.trusted.has(value) && !Object.isFrozen(value)) {
            this.mutableConsts.set(binding.decl, value)
          }
          return value
        })
      }
      case 'class':
        return this.classValue(binding.decl, name)
      case 'import':
        return this.memoized(
          binding.decl,
          at,
          `${name}#${binding.imported}`,
          () => this.imported(binding.decl, binding.imported, at),
          name + binding.imported,
        )
      case 'mutable':
        throw notStatic(at, `"${name}" is not a const`)
      case 'function': {
        const fn = staticFn(binding.decl)
        if (fn) return fn
        throw notStatic(at, `"${name}" is a function whose body is not a single expression`)
      }
      case 'parameter':
        if (this.params.has(binding.decl)) return this.params.get(binding.decl)
        throw notStatic(at, `"${name}" is a parameter or loop variable, known only at run time`)
      default:
        throw notStatic(at, `"${name}" is a ${binding.kind}, not a static value`)
    }
  }

  private memoized(key: Node, at: Node, name: string, compute: () => unknown, subkey = ''): unknown {
    const memoKey: object = subkey ? this.subMemo(key, subkey) : key
    const cached = this.memo.get(memoKey)
    if (cached === IN_PROGRESS) throw notStatic(at, `"${name}" refers to itself`)
    if (this.memo.has(memoKey)) return cached
    this.memo.set(memoKey, IN_PROGRESS)
    try {
      const value = compute()
      this.memo.set(memoKey, value)
      return value
    } catch (e) {
      this.memo.delete(memoKey)
      throw e
    }
  }

  private readonly subKeys = new Map<string, object>()
  private subMemo(node: Node, sub: string): object {
    const key = `${fileOf(node).fileName}:${node.start}:${sub}`
    let k = this.subKeys.get(key)
    if (!k) {
      k = { key }
      this.subKeys.set(key, k)
    }
    return k
  }

  private imported(decl: Node, imported: string, at: Node): unknown {
    const specifier = decl.source.value as string
    return this.importFrom(specifier, imported, fileOf(decl).fileName, at)
  }

  private importFrom(specifier: string, imported: string, importer: string, at: Node, depth = 0): unknown {
    const openws = openwsModuleOf(specifier, this.host.packages)
    if (openws !== undefined) {
      if (imported === '*') return this.namespace(openws)
      const value = this.host.openwsExport(openws, imported)
      if (value === undefined) throw new TransformerError('OPENWS_ERR_INVALID_OPTION', `"${specifier}" has no export "${imported}"`, at)
      return this.trust(value)
    }
    const unit = this.load(specifier, importer)
    if (!unit) throw notStatic(at, `module "${specifier}" cannot be read at build time`)
    if (imported === '*') throw notStatic(at, 'namespace imports of user modules are not evaluated')
    return this.exported(unit, imported, at, depth)
  }

  private namespace(module: OpenwsModule): Record<string, unknown> {
    // A lazy view: every member access goes through openwsExport.
    const host = this.host
    return this.trust(
      new Proxy(Object.create(null), {
        get: (_t, key) => (typeof key === 'string' ? this.trust(host.openwsExport(module, key)) : undefined),
      }),
    )
  }

  private exported(unit: ModuleUnit, name: string, at: Node, depth: number): unknown {
    if (depth > 20) throw notStatic(at, 're-export chain too long')
    const targets: ExportTarget[] = findExport(unit.sf, name)
    for (const t of targets) {
      if (t.kind === 'local') return this.binding(t.binding, at, name)
      if (t.kind === 'default-expression') return this.memoized(t.expr, at, name, () => this.evaluateInner(t.expr))
      try {
        return this.importFrom(t.specifier, t.name, unit.id, at, depth + 1)
      } catch (e) {
        if (targets.length === 1) throw e
      }
    }
    throw notStatic(at, `"${name}" is not exported by ${unit.id}`)
  }

  private load(specifier: string, importer: string): ModuleUnit | undefined {
    const resolved = this.host.resolveModule?.(specifier, importer)
    if (!resolved) return undefined
    if (this.units.has(resolved.id)) return this.units.get(resolved.id)
    const sf = resolved.parsed && resolved.parsed.text === resolved.code ? resolved.parsed : parseModule(resolved.id, resolved.code)
    const unit = { id: resolved.id, sf }
    this.units.set(resolved.id, unit)
    return unit
  }

  member(node: Node, target: unknown, key: string): unknown {
    const trusted = this.trusted.has(target as object) // false for primitives: WeakSet.has does not throw
    const value = readMember(node, target, key, trusted)
    if (trusted) this.trust(value)
    return value
  }

  /** Every call evaluated (so untouched calls on mutable builders can be told apart). */
  readonly evaluatedCalls = new Set<Node>()
  /** Const declarations whose value is a mutable openws object (e.g. a fluent role builder). */
  readonly mutableConsts = new Map<Node, unknown>()

  private call(node: Node): unknown {
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
        value = this.apply(call, value, this.member(callee, value, name))
      } else if (name !== undefined) {
        const receiver = this.evaluateInner(callee.object)
        value = this.apply(call, receiver, this.member(callee, receiver, name))
      } else {
        value = this.apply(call, undefined, this.evaluateInner(callee))
      }
    }
    return value
  }

  private apply(node: Node, receiver: unknown, fn: unknown): unknown {
    const calleeNode = node.callee as Node
    if (fn instanceof StaticFn) return this.callStatic(node, fn)
    if (typeof fn !== 'function' || !this.trusted.has(fn))
      throw notStatic(calleeNode, 'only openws builder calls are evaluated at build time')
    const args = (node.arguments as Node[]).map((a) => {
      if (a.type === 'SpreadElement') throw notStatic(a, 'spread arguments are not evaluated')
      return this.evaluateInner(a)
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
    this.evaluatedCalls.add(node)
    this.trust(result)
    if (typeof result === 'object' && result !== null) this.origins.set(result, node)
    return result
  }

  private callStatic(node: Node, fn: StaticFn): unknown {
    if (this.callDepth > 50) throw notStatic(node, 'helper calls nest too deeply')
    const bound: Node[] = []
    ;(fn.decl.params as Node[]).forEach((p, i) => {
      const arg = node.arguments[i] as Node | undefined
      if (arg && arg.type === 'SpreadElement') throw notStatic(arg, 'spread arguments are not evaluated')
      let value = arg ? this.evaluateInner(arg) : undefined
      if (value === undefined && p.type === 'AssignmentPattern') value = this.evaluateInner(p.right)
      this.params.set(p, value)
      bound.push(p)
    })
    this.callDepth++
    try {
      return this.evaluateInner(fn.body)
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
      this.callDepth--
      for (const p of bound) this.params.delete(p)
    }
  }

  /** A class as a value: a synthetic class with its static CONFIG, method stubs and decorators applied. */
  classValue(decl: Node, name: string): Function {
    return this.memoized(decl, decl, name, () => makeSyntheticClass(decl, name, this)) as Function
  }
}
