// Static evaluation of definition expressions. Literals, constants, imports from other modules,
// and calls into openws's own builders (S, fluent role/message/network, decorators), which are
// executed for real at build time on statically known arguments. User functions never run:
// anything else is "not static" and the definition is left to the runtime interpreter.
import ts from 'typescript'
import { notStatic, TransformerError, userError } from './errors'
import { binary, prefix, template } from './operators'
import { containsStaticFn, StaticFn, staticFn } from './static-fn'
import { parseModule } from './parse'
import { isOpenwsModule, type OpenwsModule } from './imports'
import { findExport, lookup, type Binding, type ExportTarget } from './scope'
import { makeSyntheticClass, type ClassInfo } from './synthetic-class'
import { readMember } from './evaluate-member'
import type { ResolvedModule } from './types'
import type { JsonSchema } from '../../runtime/ir/types'

export interface ModuleUnit {
  id: string
  sf: ts.SourceFile
}

export interface EvaluatorHost {
  /** The real export `name` of an openws module (a trusted builder function or value). */
  openwsExport(module: OpenwsModule, name: string): unknown
  resolveModule?: (specifier: string, importer: string) => ResolvedModule | undefined
  /** Typed mode: the JSON Schema of a method's first parameter type (types as payloads). */
  payloadFromType?: (method: ts.MethodDeclaration, kind: 'message' | 'handler') => JsonSchema
}

const IN_PROGRESS = Symbol('in progress')

export class Evaluator {
  /** Objects/functions that come from openws itself: only these may be called. */
  private readonly trusted = new WeakSet<object>()
  private readonly memo = new Map<ts.Node, unknown>()
  private readonly units = new Map<string, ModuleUnit | undefined>()
  /** Parameters of the static helper calls being evaluated. */
  private readonly params = new Map<ts.Node, unknown>()
  private callDepth = 0
  /** Synthetic class -> where it was declared. */
  readonly classInfo = new Map<Function, ClassInfo>()
  /** Object literal / class value -> the node that produced it (for diagnostics). */
  readonly origins = new WeakMap<object, ts.Node>()
  /** Synthetic class -> identifiers in the main file that named it (moduleScope: valid anywhere in the file). */
  readonly refs = new Map<Function, Array<{ node: ts.Identifier; moduleScope: boolean }>>()
  private mainFile: ts.SourceFile | undefined

  constructor(private readonly host: EvaluatorHost) {}

  get payloadFromType(): EvaluatorHost['payloadFromType'] {
    return this.host.payloadFromType
  }

  /** The real decorator-module export `name` (to recognise @handler / @message factories). */
  openwsFunction(name: string): unknown {
    return this.host.openwsExport('openws/decorator', name)
  }

  /** The declaration's value was computed (and is memoized). */
  wasEvaluated(decl: ts.Node): boolean {
    return this.memo.has(decl) && this.memo.get(decl) !== IN_PROGRESS
  }

  /** Every module parsed so far (the main file first). */
  sourceFiles(): ts.SourceFile[] {
    return [...this.units.values()].filter((u): u is ModuleUnit => u !== undefined).map((u) => u.sf)
  }

  unitOf(node: ts.Node): ModuleUnit {
    const sf = node.getSourceFile()
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
  provisional(decl: ts.Node, value: unknown): void {
    this.memo.set(decl, value)
  }

  trust<T>(value: T): T {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') this.trusted.add(value as object)
    return value
  }

  private readonly inner = (node: ts.Expression): unknown => this.evaluateInner(node)

  evaluate(node: ts.Expression): unknown {
    const value = this.evaluateInner(node)
    return value
  }

  private evaluateInner(node: ts.Expression): unknown {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) ||
        ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
      return this.evaluateInner(node.expression)
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
    if (ts.isNumericLiteral(node)) return Number(node.text)
    if (node.kind === ts.SyntaxKind.TrueKeyword) return true
    if (node.kind === ts.SyntaxKind.FalseKeyword) return false
    if (node.kind === ts.SyntaxKind.NullKeyword) return null
    if (ts.isPrefixUnaryExpression(node)) return prefix(node, this.inner)
    if (ts.isTemplateExpression(node)) return template(node, this.inner)
    if (ts.isBinaryExpression(node)) return binary(node, this.inner)
    if (ts.isArrayLiteralExpression(node)) return this.array(node)
    if (ts.isObjectLiteralExpression(node)) return this.object(node)
    if (ts.isIdentifier(node)) return this.identifier(node)
    if (ts.isPropertyAccessExpression(node)) return this.member(node, this.evaluateInner(node.expression), node.name.text)
    if (ts.isElementAccessExpression(node)) {
      const key = this.evaluateInner(node.argumentExpression)
      if (typeof key !== 'string' && typeof key !== 'number') throw notStatic(node, 'the element key is not a constant')
      return this.member(node, this.evaluateInner(node.expression), String(key))
    }
    if (ts.isCallExpression(node)) return this.call(node)
    if (ts.isClassExpression(node)) {
      // One declaration, one class: a class made per call of a helper exists only at run time.
      if (this.callDepth > 0) throw notStatic(node, 'a class created by a function call is known only at run time')
      return this.classValue(node, node.name?.text ?? 'anonymous')
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const fn = staticFn(node)
      if (fn) return fn
      throw notStatic(node, 'a function is not a static value')
    }
    throw notStatic(node, `${ts.SyntaxKind[node.kind]} is not a static value`)
  }

  private array(node: ts.ArrayLiteralExpression): unknown[] {
    const out: unknown[] = []
    for (const el of node.elements) {
      if (ts.isSpreadElement(el)) {
        const v = this.evaluateInner(el.expression)
        if (!Array.isArray(v)) throw notStatic(el, 'only arrays can be spread here')
        out.push(...v)
      } else if (ts.isOmittedExpression(el)) {
        throw notStatic(el, 'array holes are not supported')
      } else out.push(this.evaluateInner(el))
    }
    this.origins.set(out, node)
    return out
  }

  private propertyKey(name: ts.PropertyName): string {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text
    if (ts.isComputedPropertyName(name)) {
      const k = this.evaluateInner(name.expression)
      if (typeof k === 'string' || typeof k === 'number') return String(k)
    }
    throw notStatic(name, 'the property name is not a constant')
  }

  private object(node: ts.ObjectLiteralExpression): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    const define = (key: string, value: unknown) => Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
    for (const prop of node.properties) {
      if (ts.isPropertyAssignment(prop)) define(this.propertyKey(prop.name), this.evaluateInner(prop.initializer))
      else if (ts.isShorthandPropertyAssignment(prop)) define(prop.name.text, this.identifier(prop.name))
      else if (ts.isSpreadAssignment(prop)) {
        const v = this.evaluateInner(prop.expression)
        if (typeof v !== 'object' || v === null || Array.isArray(v)) throw notStatic(prop, 'only objects can be spread here')
        for (const [k, x] of Object.entries(v)) define(k, x)
      } else throw notStatic(prop, 'methods and accessors are not static values')
    }
    this.origins.set(out, node)
    return out
  }

  private identifier(node: ts.Identifier): unknown {
    if (node.text === 'undefined') return undefined
    const binding = lookup(node)
    if (!binding) throw notStatic(node, `"${node.text}" is not declared in this module`)
    const value = this.binding(binding, node, node.text)
    if (typeof value === 'function' && this.classInfo.has(value) && node.getSourceFile() === this.mainFile) {
      const list = this.refs.get(value) ?? []
      list.push({ node, moduleScope: ts.isSourceFile(topStatement(binding).parent) })
      this.refs.set(value, list)
    }
    return value
  }

  private binding(binding: Binding, at: ts.Node, name: string): unknown {
    switch (binding.kind) {
      case 'const': {
        const init = binding.decl.initializer
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
        return this.memoized(binding.decl.importClause!, at, `${name}#${binding.imported}`, () => this.imported(binding.decl, binding.imported, at), name + binding.imported)
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

  private memoized(key: ts.Node, at: ts.Node, name: string, compute: () => unknown, subkey = ''): unknown {
    const memoKey = subkey ? (this.subMemo(key, subkey)) : key
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

  private readonly subKeys = new Map<string, ts.Node>()
  private subMemo(node: ts.Node, sub: string): ts.Node {
    const key = `${node.getSourceFile().fileName}:${node.pos}:${sub}`
    let k = this.subKeys.get(key)
    if (!k) { k = ts.factory.createIdentifier(key); this.subKeys.set(key, k) }
    return k
  }

  private imported(decl: ts.ImportDeclaration, imported: string, at: ts.Node): unknown {
    const specifier = (decl.moduleSpecifier as ts.StringLiteral).text
    return this.importFrom(specifier, imported, decl.getSourceFile().fileName, at)
  }

  private importFrom(specifier: string, imported: string, importer: string, at: ts.Node, depth = 0): unknown {
    if (isOpenwsModule(specifier)) {
      if (imported === '*') return this.namespace(specifier)
      const value = this.host.openwsExport(specifier, imported)
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
    return this.trust(new Proxy(Object.create(null), {
      get: (_t, key) => (typeof key === 'string' ? this.trust(host.openwsExport(module, key)) : undefined),
    }))
  }

  private exported(unit: ModuleUnit, name: string, at: ts.Node, depth: number): unknown {
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
    const sf = resolved.sourceFile && resolved.sourceFile.text === resolved.code
      ? resolved.sourceFile
      : parseModule(resolved.id, resolved.code)
    const unit = { id: resolved.id, sf }
    this.units.set(resolved.id, unit)
    return unit
  }

  member(node: ts.Node, target: unknown, key: string): unknown {
    const trusted = this.trusted.has(target as object) // false for primitives: WeakSet.has does not throw
    const value = readMember(node, target, key, trusted)
    if (trusted) this.trust(value)
    return value
  }

  /** Every call evaluated (so untouched calls on mutable builders can be told apart). */
  readonly evaluatedCalls = new Set<ts.CallExpression>()
  /** Const declarations whose value is a mutable openws object (e.g. a fluent role builder). */
  readonly mutableConsts = new Map<ts.VariableDeclaration, unknown>()

  private call(node: ts.CallExpression): unknown {
    // `a.b(x).c(y).d(z)`: walk the chain iteratively, so a long fluent chain cannot overflow the stack.
    const chain: ts.CallExpression[] = [node]
    let root: ts.Expression = node
    for (;;) {
      const callee = (root as ts.CallExpression).expression
      if (!ts.isPropertyAccessExpression(callee) || !ts.isCallExpression(callee.expression)) break
      root = callee.expression
      chain.push(root as ts.CallExpression)
    }
    let value: unknown
    for (let i = chain.length - 1; i >= 0; i--) {
      const call = chain[i]
      const callee = call.expression
      if (i < chain.length - 1 && ts.isPropertyAccessExpression(callee)) {
        value = this.apply(call, value, this.member(callee, value, callee.name.text))
      } else if (ts.isPropertyAccessExpression(callee)) {
        const receiver = this.evaluateInner(callee.expression)
        value = this.apply(call, receiver, this.member(callee, receiver, callee.name.text))
      } else {
        value = this.apply(call, undefined, this.evaluateInner(callee))
      }
    }
    return value
  }

  private apply(node: ts.CallExpression, receiver: unknown, fn: unknown): unknown {
    const calleeNode = node.expression
    if (fn instanceof StaticFn) return this.callStatic(node, fn)
    if (typeof fn !== 'function' || !this.trusted.has(fn)) throw notStatic(calleeNode, 'only openws builder calls are evaluated at build time')
    const args = node.arguments.map((a) => {
      if (ts.isSpreadElement(a)) throw notStatic(a, 'spread arguments are not evaluated')
      return this.evaluateInner(a)
    })
    if (args.some((a) => containsStaticFn(a))) throw notStatic(node, 'a function is passed where a static value is needed')
    let result: unknown
    try {
      result = (fn as (...a: unknown[]) => unknown).apply(receiver, args)
    } catch (e) {
      // Point at what was passed (`.message(<here>)`), not at the start of a long chain.
      const at = ts.isPropertyAccessExpression(calleeNode) ? node.arguments[0] ?? calleeNode.name : node
      throw userError(e, at)
    }
    this.evaluatedCalls.add(node)
    this.trust(result)
    if (typeof result === 'object' && result !== null) this.origins.set(result, node)
    return result
  }


  private callStatic(node: ts.CallExpression, fn: StaticFn): unknown {
    if (this.callDepth > 50) throw notStatic(node, 'helper calls nest too deeply')
    const bound: ts.Node[] = []
    fn.decl.parameters.forEach((p, i) => {
      const arg = node.arguments[i]
      if (arg && ts.isSpreadElement(arg)) throw notStatic(arg, 'spread arguments are not evaluated')
      let value = arg ? this.evaluateInner(arg) : undefined
      if (value === undefined && p.initializer) value = this.evaluateInner(p.initializer)
      this.params.set(p, value)
      bound.push(p)
    })
    this.callDepth++
    try {
      return this.evaluateInner(fn.body)
    } catch (e) {
      // "Not static" inside a helper is reported at the call the user wrote in the definition.
      if (e instanceof TransformerError && e.severity === 'warning' && e.node.pos >= fn.decl.pos && e.node.end <= fn.decl.end) {
        throw new TransformerError(e.code, `${node.expression.getText()}(...): ${e.message}`, node, 'warning')
      }
      throw e
    } finally {
      this.callDepth--
      for (const p of bound) this.params.delete(p)
    }
  }

  /** A class as a value: a synthetic class with its static CONFIG, method stubs and decorators applied. */
  classValue(decl: ts.ClassLikeDeclaration, name: string): Function {
    return this.memoized(decl, decl, name, () => makeSyntheticClass(decl, name, this)) as Function
  }
}

function topStatement(binding: Binding): ts.Node {
  let n: ts.Node = binding.decl
  while (n.parent && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent) && !ts.isModuleBlock(n.parent)) n = n.parent
  return n
}

