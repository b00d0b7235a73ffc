// A role class seen at build time: a real (empty) class with the same name, its static CONFIG
// evaluated, a stub per instance method (so "missing handler method" checks see the same shape
// as at run time), and openws decorators applied with TC39 semantics. The style's own
// normaliser then reads it exactly as it would read the real class.
import ts from 'typescript'
import { notStatic, TransformerError } from './errors'
import type { Evaluator } from './evaluate'

export interface ClassInfo {
  name: string
  decl: ts.ClassLikeDeclaration
  /** Instance method name -> declaration. */
  methods: Map<string, ts.MethodDeclaration>
  /** The class had openws decorators (they are removed from the output when compiled). */
  decorated: boolean
}

const METADATA: symbol = (Symbol as { metadata?: symbol }).metadata ?? Symbol.for('Symbol.metadata')

function memberName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text
  return undefined
}

function isStatic(node: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Static) !== 0
}

function namedClass(name: string, base: Function | undefined): Function {
  // Computed-key object literal: gives the class its name without generating code.
  if (base) return ({ [name]: class extends (base as new () => object) {} } as Record<string, Function>)[name]
  return ({ [name]: class {} } as Record<string, Function>)[name]
}

function namedStub(name: string): Function {
  return ({ [name]: function () { /* build-time stub; never runs */ } } as Record<string, Function>)[name]
}

/**
 * `@handler({ from })` / `@message({})` without `payload`: the payload is the method's first
 * parameter type. Typed mode asks the checker (typia); syntax mode cannot, and says so.
 */
function typedDecorator(d: ts.Decorator, member: ts.Node, factory: Function, ev: Evaluator): Function | undefined {
  const expr = d.expression
  if (!ts.isCallExpression(expr) || !ts.isMethodDeclaration(member)) return undefined
  const kind = factory === ev.openwsFunction('handler') ? 'handler' : factory === ev.openwsFunction('message') ? 'message' : undefined
  if (!kind) return undefined
  const [first] = expr.arguments
  if (first && !ts.isObjectLiteralExpression(first)) return undefined
  const hasPayload = first?.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'payload')
  if (hasPayload || (first?.properties.some((p) => ts.isSpreadAssignment(p)) ?? false)) return undefined
  const name = member.name.getText()
  if (!ev.payloadFromType) {
    throw new TransformerError('OPENWS_WARN_NEEDS_TYPES', `the payload of ${name} is its parameter type, which syntax mode cannot read; run the transformer in typed mode`, d, 'warning')
  }
  const options = (first ? ev.evaluate(first) : {}) as Record<string, unknown>
  const payload = ev.payloadFromType(member, kind)
  return factory({ ...options, payload }) as Function
}

/** Openws decorators of a node, evaluated; foreign decorators are reported separately. */
function decoratorsOf(node: ts.HasDecorators, ev: Evaluator): { ours: Function[]; foreign: ts.Decorator[] } {
  const ours: Function[] = []
  const foreign: ts.Decorator[] = []
  for (const d of ts.getDecorators(node) ?? []) {
    const expr = d.expression
    const callee = ts.isCallExpression(expr) ? expr.expression : expr
    let factory: unknown
    try {
      factory = ev.evaluate(callee)
    } catch {
      factory = undefined
    }
    if (typeof factory !== 'function' || !ev.isTrusted(factory)) { foreign.push(d); continue }
    const dec = typedDecorator(d, node, factory, ev) ?? ev.evaluate(expr)
    if (typeof dec !== 'function') throw notStatic(d, 'this decorator does not evaluate to a function')
    ours.push(dec)
  }
  return { ours, foreign }
}

export function makeSyntheticClass(decl: ts.ClassLikeDeclaration, name: string, ev: Evaluator): Function {
  let base: Function | undefined
  const heritage = decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)
  if (heritage) {
    const b = ev.evaluate(heritage.types[0].expression)
    if (typeof b !== 'function' || !ev.classInfo.has(b)) throw notStatic(heritage, 'the base class is not a statically known class')
    base = b
  }
  let cls = namedClass(name, base)
  const info: ClassInfo = { name, decl, methods: new Map(), decorated: false }
  ev.classInfo.set(cls, info)
  ev.origins.set(cls, decl)
  ev.provisional(decl, cls)

  const classDecorators = decoratorsOf(decl, ev)
  if (classDecorators.foreign.length > 0) {
    throw notStatic(classDecorators.foreign[0], 'a decorator from outside openws may change the class')
  }
  const metadata: Record<PropertyKey, unknown> = Object.create(
    (base as unknown as Record<symbol, object> | undefined)?.[METADATA] ?? null,
  )
  const initializers: Array<() => void> = []
  const addInitializer = (f: () => void) => { initializers.push(f) }

  for (const member of decl.members) {
    if (ts.isMethodDeclaration(member)) {
      const key = memberName(member.name)
      if (key === undefined) continue
      const statik = isStatic(member)
      const holder = (statik ? cls : cls.prototype) as Record<string, unknown>
      let method: unknown = namedStub(key)
      if (!statik) info.methods.set(key, member)
      const { ours } = decoratorsOf(member, ev)
      for (const dec of [...ours].reverse()) {
        info.decorated = true
        const ctx = {
          kind: 'method', name: key, static: statik, private: false, metadata, addInitializer,
          access: { has: (o: object) => key in o, get: (o: Record<string, unknown>) => o[key] },
        }
        const replaced = dec(method, ctx)
        if (typeof replaced === 'function') method = replaced
      }
      Object.defineProperty(holder, key, { value: method, writable: true, configurable: true, enumerable: false })
    } else if (ts.isPropertyDeclaration(member) && isStatic(member) && member.initializer) {
      const key = memberName(member.name)
      if (key === undefined) continue
      if (key === 'CONFIG') {
        Object.defineProperty(cls, key, { value: ev.evaluate(member.initializer), writable: true, configurable: true, enumerable: true })
      }
    }
  }

  for (const dec of [...classDecorators.ours].reverse()) {
    info.decorated = true
    const replaced = dec(cls, { kind: 'class', name, metadata, addInitializer })
    if (typeof replaced === 'function' && replaced !== cls) {
      cls = replaced
      ev.classInfo.set(cls, info)
      ev.origins.set(cls, decl)
    }
  }
  Object.defineProperty(cls, METADATA, { value: metadata, configurable: true })
  for (const init of initializers) init.call(cls)
  return cls
}
