// Decides what changes in one file: which `bindings(...)` calls become precompiled artifacts,
// which openws decorators disappear, and which diagnostics are reported. Positions refer to
// the parsed source; the text path (magic-string) and the ts-patch path (AST) apply the plan.
import ts from 'typescript'
import { isTransformerError, TransformerError, notStatic, userError } from './errors'
import { Evaluator, type EvaluatorHost } from './evaluate'
import { collectOpenwsImports, hasOpenwsImports, resolveOpenwsRef, type OpenwsImports, type OpenwsModule } from './imports'
import { toDiagnostic } from './diagnostics'
import { compileBindings, type CompileEnv } from './compile-bindings'
import type { TransformDiagnostic } from './types'
import { payloadLiterals } from './payload-literals'
import { deadDefinitions } from './dead-definitions'

export interface Replacement {
  /** The node whose text (from getStart() to end) is replaced. */
  node: ts.Node
  text: string
}

export interface Plan {
  replacements: Replacement[]
  removedDecorators: ts.Decorator[]
  /** Definitions that only fed compiled bindings (dead once compiled). */
  removedStatements: ts.Statement[]
  /** Namespace import of the runtime helpers to add, when something was compiled. */
  runtimeImport: { namespace: string; module: string } | undefined
  diagnostics: TransformDiagnostic[]
}

export interface PlanOptions extends EvaluatorHost {
  runtimeModule: string
  validatorSource: CompileEnv['validatorSource']
  maxDepth: number
}

export const RUNTIME_NAMESPACE = '__openws_rt'

function isOpenwsDecorator(d: ts.Decorator, imports: OpenwsImports): boolean {
  const callee = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression
  const ref = resolveOpenwsRef(callee, imports)
  return ref !== undefined && ref.module === 'openws/decorator' && ['role', 'message', 'handler'].includes(ref.name)
}

function bindingsCalls(sf: ts.SourceFile, imports: OpenwsImports): Array<{ call: ts.CallExpression; module: OpenwsModule }> {
  const out: Array<{ call: ts.CallExpression; module: OpenwsModule }> = []
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const ref = resolveOpenwsRef(node.expression, imports)
      if (ref && ref.name === 'bindings') out.push({ call: node, module: ref.module })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

function decoratedClasses(sf: ts.SourceFile, imports: OpenwsImports): ts.ClassLikeDeclaration[] {
  const out: ts.ClassLikeDeclaration[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node)) {
      const all = [node, ...node.members].flatMap((m) => (ts.canHaveDecorators(m) ? ts.getDecorators(m) ?? [] : []))
      if (all.some((d) => isOpenwsDecorator(d, imports))) out.push(node)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

export function planTransform(sf: ts.SourceFile, options: PlanOptions): Plan | undefined {
  const imports = collectOpenwsImports(sf)
  const ev = new Evaluator(options)
  ev.addUnit({ id: sf.fileName, sf })
  if (!hasOpenwsImports(imports)) return rolesOnlyPlan(sf, ev, imports)
  const diagnostics = new Map<string, TransformDiagnostic>()
  const report = (err: TransformerError) => {
    const d = toDiagnostic(err)
    diagnostics.set(`${d.code}:${d.file}:${d.start}:${d.message}`, d)
  }
  const guard = <T>(node: ts.Node, f: () => T): T | undefined => {
    try {
      return f()
    } catch (e) {
      if (isTransformerError(e)) report(e)
      else if (e instanceof RangeError && /call stack/i.test(e.message)) report(notStatic(node, 'the definition nests too deeply to evaluate'))
      else report(userError(e, node)) // rethrows anything without an OPENWS_ERR_ code: a bug
      return undefined
    }
  }

  const env: CompileEnv = {
    ev, sf, runtime: RUNTIME_NAMESPACE,
    validatorSource: options.validatorSource, maxDepth: options.maxDepth,
  }
  const replacements: Replacement[] = []
  let fellBack = false
  for (const { call, module } of bindingsCalls(sf, imports)) {
    const text = guard(call, () => compileBindings(call, module, env))
    if (text === undefined) fellBack = true
    else replacements.push({ node: call, text })
  }

  // Decorators disappear when their class is fully static; their metadata lives in the artifact.
  // If a bindings call here fell back to the interpreter, it needs them: keep them all.
  const removedDecorators: ts.Decorator[] = []
  for (const cls of decoratedClasses(sf, imports)) {
    const ok = guard(cls, () => {
      if (!cls.name && !ts.isClassDeclaration(cls)) throw notStatic(cls, 'anonymous classes are not compiled')
      ev.classValue(cls, cls.name?.text ?? 'default')
      return true
    })
    if (!ok || fellBack) continue
    for (const m of [cls, ...cls.members]) {
      for (const d of ts.canHaveDecorators(m) ? ts.getDecorators(m) ?? [] : []) if (isOpenwsDecorator(d, imports)) removedDecorators.push(d)
    }
  }

  const compiled = replacements.length > 0
  // Role definitions in modules without bindings() (roles imported elsewhere) lose their builders too.
  const payloads = payloadLiterals(sf, ev, [...replacements.map((r) => r.node), ...removedDecorators], imports)
  // Definitions whose every use was replaced are dead: they would only run builders at start-up.
  const removedStatements: ts.Statement[] = deadDefinitions(sf, ev, [...[...replacements, ...payloads].map((r) => r.node), ...removedDecorators])
  const inRemoved = (n: ts.Node) => removedStatements.some((st) => n.pos >= st.pos && n.end <= st.end)
  replacements.push(...payloads.filter((r) => !inRemoved(r.node)))
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
function rolesOnlyPlan(sf: ts.SourceFile, ev: Evaluator, imports: OpenwsImports): Plan | undefined {
  if (!sf.text.includes('CONFIG')) return undefined
  const replacements = payloadLiterals(sf, ev, [], imports)
  if (replacements.length === 0) return undefined
  return { replacements, removedDecorators: [], removedStatements: [], runtimeImport: undefined, diagnostics: [] }
}
