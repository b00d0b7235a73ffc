// Decides what changes in one file: which `bindings(...)` calls become precompiled artifacts,
// which openws decorators disappear, and which diagnostics are reported. Positions refer to
// the parsed source; the text path (magic-string) and the ts-patch path (AST) apply the plan.
import { isClass, walk, within, type Node, type ParsedFile, type Range } from './ast'
import { isTransformerError, TransformerError, notStatic, userError } from './errors'
import { Evaluator, type EvaluatorHost } from './evaluate'
import { collectOpenwsImports, hasOpenwsImports, resolveOpenwsRef, type OpenwsImports, type OpenwsModule } from './imports'
import { toDiagnostic } from './diagnostics'
import { compileBindings, type CompileEnv } from './compile-bindings'
import type { TransformDiagnostic } from './types'
import { payloadLiterals } from './payload-literals'
import { deadDefinitions } from './dead-definitions'

/** The source text in [start, end) becomes `text`. */
export interface Replacement extends Range {
  text: string
}

/** Source ranges only: the text path (magic-string) and the ts-patch path (AST) both apply it. */
export interface Plan {
  replacements: Replacement[]
  /** `@decorator(...)` ranges (from `@` to the end of the expression). */
  removedDecorators: Range[]
  /** Definitions that only fed compiled bindings (dead once compiled): whole statements. */
  removedStatements: Range[]
  /** Namespace import of the runtime helpers to add, when something was compiled. */
  runtimeImport: { namespace: string; module: string } | undefined
  diagnostics: TransformDiagnostic[]
}

export interface PlanOptions extends EvaluatorHost {
  runtimeModule: string
  maxDepth: number
}

export const RUNTIME_NAMESPACE = '__openws_rt'

function isOpenwsDecorator(d: Node, imports: OpenwsImports): boolean {
  const callee = d.expression.type === 'CallExpression' ? d.expression.callee : d.expression
  const ref = resolveOpenwsRef(callee, imports)
  return ref !== undefined && ref.module === 'openws/decorator' && ['role', 'message', 'handler'].includes(ref.name)
}

function bindingsCalls(sf: ParsedFile, imports: OpenwsImports): Array<{ call: Node; module: OpenwsModule }> {
  const out: Array<{ call: Node; module: OpenwsModule }> = []
  walk(sf.program, (node) => {
    if (node.type !== 'CallExpression') return
    const ref = resolveOpenwsRef(node.callee, imports)
    if (ref && ref.name === 'bindings') out.push({ call: node, module: ref.module })
  })
  return out
}

/** The class and its members (whatever may carry decorators). */
function decoratable(cls: Node): Node[] {
  return [cls, ...(cls.body.body as Node[])]
}

function decoratedClasses(sf: ParsedFile, imports: OpenwsImports): Node[] {
  const out: Node[] = []
  walk(sf.program, (node) => {
    if (!isClass(node)) return
    const all = decoratable(node).flatMap((m) => (m.decorators ?? []) as Node[])
    if (all.some((d) => isOpenwsDecorator(d, imports))) out.push(node)
  })
  return out
}

const range = (n: Range): Range => ({ start: n.start, end: n.end })

export function planTransform(sf: ParsedFile, options: PlanOptions): Plan | undefined {
  const imports = collectOpenwsImports(sf, options.packages)
  const ev = new Evaluator(options)
  ev.addUnit({ id: sf.fileName, sf })
  if (!hasOpenwsImports(imports)) return rolesOnlyPlan(sf, ev, imports)
  const diagnostics = new Map<string, TransformDiagnostic>()
  const report = (err: TransformerError) => {
    const d = toDiagnostic(err)
    diagnostics.set(`${d.code}:${d.file}:${d.start}:${d.message}`, d)
  }
  const guard = <T>(node: Node, f: () => T): T | undefined => {
    try {
      return f()
    } catch (e) {
      if (isTransformerError(e)) report(e)
      else if (e instanceof RangeError && /call stack/i.test(e.message))
        report(notStatic(node, 'the definition nests too deeply to evaluate'))
      else report(userError(e, node)) // rethrows anything without an OPENWS_ERR_ code: a bug
      return undefined
    }
  }

  const env: CompileEnv = {
    ev,
    sf,
    runtime: RUNTIME_NAMESPACE,
    maxDepth: options.maxDepth,
  }
  const replacements: Replacement[] = []
  let fellBack = false
  for (const { call, module } of bindingsCalls(sf, imports)) {
    const text = guard(call, () => compileBindings(call, module, env))
    if (text === undefined) fellBack = true
    else replacements.push({ start: call.start, end: call.end, text })
  }

  // Decorators disappear when their class is fully static; their metadata lives in the artifact.
  // If a bindings call here fell back to the interpreter, it needs them: keep them all.
  const removedDecorators: Range[] = []
  for (const cls of decoratedClasses(sf, imports)) {
    const ok = guard(cls, () => {
      if (!cls.id && cls.type !== 'ClassDeclaration') throw notStatic(cls, 'anonymous classes are not compiled')
      ev.classValue(cls, cls.id?.name ?? 'default')
      return true
    })
    if (!ok || fellBack) continue
    for (const m of decoratable(cls)) {
      for (const d of (m.decorators ?? []) as Node[]) if (isOpenwsDecorator(d, imports)) removedDecorators.push(range(d))
    }
  }

  const compiled = replacements.length > 0
  // Role definitions in modules without bindings() (roles imported elsewhere) lose their builders too.
  const payloads = payloadLiterals(sf, ev, [...replacements, ...removedDecorators], imports)
  // Definitions whose every use was replaced are dead: they would only run builders at start-up.
  const removedStatements = deadDefinitions(sf, ev, [...replacements, ...payloads, ...removedDecorators]).map(range)
  replacements.push(...payloads.filter((r) => !within(r, removedStatements)))
  if (replacements.length === 0 && removedDecorators.length === 0 && diagnostics.size === 0) return undefined
  return {
    replacements,
    removedDecorators,
    removedStatements,
    runtimeImport: compiled ? { namespace: RUNTIME_NAMESPACE, module: options.runtimeModule } : undefined,
    diagnostics: [...diagnostics.values()],
  }
}

/**
 * A module that imports no openws but declares class-first roles with schemas from another module
 * (`payload: RoomUser`): those payloads become JSON Schema, so the builders are not kept alive by
 * the classes. Nothing else is touched and nothing is reported: without openws imports, what
 * cannot be evaluated is simply not an openws definition.
 */
function rolesOnlyPlan(sf: ParsedFile, ev: Evaluator, imports: OpenwsImports): Plan | undefined {
  if (!sf.text.includes('CONFIG')) return undefined
  const replacements = payloadLiterals(sf, ev, [], imports)
  if (replacements.length === 0) return undefined
  return { replacements, removedDecorators: [], removedStatements: [], runtimeImport: undefined, diagnostics: [] }
}
