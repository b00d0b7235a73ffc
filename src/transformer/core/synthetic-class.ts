// A role class seen at build time: a real (empty) class with the same name, its static CONFIG
// evaluated, a stub per instance method (so "missing handler method" checks see the same shape
// as at run time), and openws decorators applied with TC39 semantics. The style's own
// normaliser then reads it exactly as it would read the real class.
import { isClassMethod, keyName, textOf, type Node } from './ast'
import { notStatic, TransformerError } from './errors'
import type { Evaluator } from './evaluate'

export interface ClassInfo {
  name: string
  /** ClassDeclaration or ClassExpression. */
  decl: Node
  /** Instance method name -> its MethodDefinition. */
  methods: Map<string, Node>
  /** The class had openws decorators (they are removed from the output when compiled). */
  decorated: boolean
}

const METADATA: symbol = (Symbol as { metadata?: symbol }).metadata ?? Symbol.for('Symbol.metadata')

/** A class member's name: identifier, string or number key (computed and private keys: none). */
function memberName(member: Node): string | undefined {
  const key = member.key as Node
  if (!member.computed && key.type === 'Literal' && typeof key.value === 'number') return String(key.value)
  return key.type === 'PrivateIdentifier' ? undefined : keyName(member)
}

function namedClass(name: string, base: Function | undefined): Function {
  // Computed-key object literal: gives the class its name without generating code (the key is there: `!`).
  if (base) return ({ [name]: class extends (base as new () => object) {} } as Record<string, Function>)[name]!
  return ({ [name]: class {} } as Record<string, Function>)[name]!
}

function namedStub(name: string): Function {
  return (
    {
      [name]: function () {
        /* build-time stub; never runs */
      },
    } as Record<string, Function>
  )[name]! // the literal's only key
}

/**
 * `@handler({ from })` / `@message({})` without `payload`: the payload is the method's first
 * parameter type, and (without `reply` too) the reply is its return type (`void`: none, one-way).
 * Typed mode asks the checker (typia); syntax mode cannot, and says so.
 */
function typedDecorator(d: Node, member: Node, factory: Function, ev: Evaluator): Function | undefined {
  const expr = d.expression as Node
  if (expr.type !== 'CallExpression' || !isClassMethod(member)) return undefined
  const kind = factory === ev.openwsFunction('handler') ? 'handler' : factory === ev.openwsFunction('message') ? 'message' : undefined
  if (!kind) return undefined
  const [first] = expr.arguments as Array<Node | undefined>
  if (first && first.type !== 'ObjectExpression') return undefined
  const props = (first?.properties ?? []) as Node[]
  const hasPayload = props.some((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'payload')
  if (hasPayload || props.some((p) => p.type === 'SpreadElement')) return undefined
  const name = textOf(member.key)
  if (!ev.payloadFromType) {
    throw new TransformerError(
      'OPENWS_WARN_NEEDS_TYPES',
      `the payload of ${name} is its parameter type, which syntax mode cannot read; run the transformer in typed mode`,
      d,
      'warning',
    )
  }
  const options = (first ? ev.evaluate(first) : {}) as Record<string, unknown>
  const payload = ev.payloadFromType(member, kind)
  // An explicit `reply` wins; otherwise the return type, when it is one.
  const hasReply = props.some((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'reply')
  const reply = hasReply ? undefined : ev.replyFromType?.(member, kind)
  return factory(reply === undefined ? { ...options, payload } : { ...options, payload, reply }) as Function
}

/** Openws decorators of a node, evaluated; foreign decorators are reported separately. */
function decoratorsOf(node: Node, ev: Evaluator): { ours: Function[]; foreign: Node[] } {
  const ours: Function[] = []
  const foreign: Node[] = []
  for (const d of (node.decorators ?? []) as Node[]) {
    const expr = d.expression as Node
    const callee = expr.type === 'CallExpression' ? expr.callee : expr
    let factory: unknown
    try {
      factory = ev.evaluate(callee)
    } catch {
      factory = undefined
    }
    if (typeof factory !== 'function' || !ev.isTrusted(factory)) {
      foreign.push(d)
      continue
    }
    const dec = typedDecorator(d, node, factory, ev) ?? ev.evaluate(expr)
    if (typeof dec !== 'function') throw notStatic(d, 'this decorator does not evaluate to a function')
    ours.push(dec)
  }
  return { ours, foreign }
}

export function makeSyntheticClass(decl: Node, name: string, ev: Evaluator): Function {
  let base: Function | undefined
  const heritage = decl.superClass as Node | null
  if (heritage) {
    const b = ev.evaluate(heritage)
    if (typeof b !== 'function' || !ev.record.classInfo.has(b)) throw notStatic(heritage, 'the base class is not a statically known class')
    base = b
  }
  let cls = namedClass(name, base)
  const info: ClassInfo = { name, decl, methods: new Map(), decorated: false }
  ev.record.classInfo.set(cls, info)
  ev.provisional(decl, cls)

  const classDecorators = decoratorsOf(decl, ev)
  const [foreign] = classDecorators.foreign
  if (foreign !== undefined) throw notStatic(foreign, 'a decorator from outside openws may change the class')
  const metadata: Record<PropertyKey, unknown> = Object.create((base as unknown as Record<symbol, object> | undefined)?.[METADATA] ?? null)
  const initializers: Array<() => void> = []
  const addInitializer = (f: () => void) => {
    initializers.push(f)
  }

  for (const member of decl.body.body as Node[]) {
    if (isClassMethod(member)) {
      const key = memberName(member)
      if (key === undefined) continue
      const statik = member.static === true
      const holder = (statik ? cls : cls.prototype) as Record<string, unknown>
      let method: unknown = namedStub(key)
      if (!statik) info.methods.set(key, member)
      const { ours } = decoratorsOf(member, ev)
      for (const dec of [...ours].reverse()) {
        info.decorated = true
        const ctx = {
          kind: 'method',
          name: key,
          static: statik,
          private: false,
          metadata,
          addInitializer,
          access: { has: (o: object) => key in o, get: (o: Record<string, unknown>) => o[key] },
        }
        const replaced = dec(method, ctx)
        if (typeof replaced === 'function') method = replaced
      }
      Object.defineProperty(holder, key, { value: method, writable: true, configurable: true, enumerable: false })
    } else if ((member.type === 'PropertyDefinition' || member.type === 'AccessorProperty') && member.static && member.value) {
      const key = memberName(member)
      if (key === undefined) continue
      if (key === 'CONFIG') {
        Object.defineProperty(cls, key, { value: ev.evaluate(member.value), writable: true, configurable: true, enumerable: true })
      }
    }
  }

  for (const dec of [...classDecorators.ours].reverse()) {
    info.decorated = true
    const replaced = dec(cls, { kind: 'class', name, metadata, addInitializer })
    if (typeof replaced === 'function' && replaced !== cls) {
      cls = replaced
      ev.record.classInfo.set(cls, info)
    }
  }
  Object.defineProperty(cls, METADATA, { value: metadata, configurable: true })
  for (const init of initializers) init.call(cls)
  return cls
}
