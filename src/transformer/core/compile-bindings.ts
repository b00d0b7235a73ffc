// One `bindings(...)` call -> precompiled bindings. The arguments are evaluated statically and
// handed to the style's REAL bindings() at build time, so the network IR and the routes are
// exactly what the interpreter would build; then the artifact is generated from that IR.
import { fileOf, parentOf, within, type Node, type ParsedFile } from './ast'
import type { NetworkIR } from '../../runtime/ir/types'
import type { BindingsCore } from '../../runtime/contract/types'
import { notStatic, TransformerError, userError } from './errors'
import type { Evaluator } from './evaluate'
import type { OpenwsModule } from './imports'
import { emitArtifact, SchemaGenerationError, type ValidatorSource } from './emit-artifact'
import { locateError } from './locate'
import { jsonValue } from './js'
import { checkNoLaterMutation } from './mutations'
import { FORMAT_CHECKS, formatExportName } from '../../runtime/validate/formats'
import { extraHelperExportName, extraHelpersUsed } from '../../runtime/validate/helpers'

export interface CompileEnv {
  ev: Evaluator
  /** The file being transformed. */
  sf: ParsedFile
  /** Namespace the runtime helpers are imported under. */
  runtime: string
  validatorSource: ValidatorSource
  maxDepth: number
}

function callBindings(call: Node, env: CompileEnv): BindingsCore {
  const fn = env.ev.evaluate(call.callee)
  if (typeof fn !== 'function' || !env.ev.isTrusted(fn)) throw notStatic(call.callee, 'bindings is not the openws export')
  const args = (call.arguments as Node[]).map((a) => {
    if (a.type === 'SpreadElement') throw notStatic(a, 'spread arguments are not evaluated')
    return env.ev.evaluate(a)
  })
  try {
    return (fn as (...a: unknown[]) => BindingsCore)(...args)
  } catch (e) {
    if (e instanceof TransformerError) throw e
    const err = userError(e, call)
    throw new TransformerError(err.code, `${err.message}`, locateError(e, call, env.ev, env.sf), 'error')
  }
}

/** An expression valid at the call site that denotes the host class. */
function hostClassRef(cls: Function, call: Node, env: CompileEnv): string {
  const info = env.ev.classInfo.get(cls)
  const refs = env.ev.refs.get(cls) ?? []
  // A name used inside the call itself is in scope there; a module-level name is in scope everywhere.
  const ref = refs.find((r) => within(r.node, [call])) ?? refs.find((r) => r.moduleScope)
  if (ref) return ref.node.name
  if (info && fileOf(info.decl) === env.sf && isTopLevel(info.decl) && info.decl.id) return info.decl.id.name
  throw notStatic(call, `the host class ${info?.name ?? ''} is not referenced by name in this module`)
}

/** Directly in the module body, exported or not. */
function isTopLevel(decl: Node): boolean {
  let parent = parentOf(decl)
  if (parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration') parent = parentOf(parent)
  return parent?.type === 'Program'
}

function classRoutes(core: BindingsCore, call: Node): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {}
  for (const [name, bySender] of Object.entries(core.routes)) {
    for (const [sender, target] of Object.entries(bySender)) {
      if (typeof target !== 'string') throw notStatic(call, 'a route is not a method name')
      ;(out[name] ??= {})[sender] = target
    }
  }
  return out
}

export function compileBindings(call: Node, module: OpenwsModule, env: CompileEnv): string {
  const core = callBindings(call, env)
  checkNoLaterMutation(env.ev, env.ev.sourceFiles())
  const network: NetworkIR = core.network
  let artifact: string
  try {
    artifact = emitArtifact({
      network, hostRole: core.hostRole, maxDepth: env.maxDepth, validatorSource: env.validatorSource,
    })
  } catch (e) {
    if (!(e instanceof SchemaGenerationError) || !e.code.startsWith('OPENWS_ERR_')) throw e
    throw new TransformerError(e.code, `${e.message}; use a keyword of the supported subset (see README)`, locateError(e, call, env.ev, env.sf))
  }
  const rt = env.runtime
  const parts: string[] = []
  const fluent = module === 'openws/fluent'
  if (!fluent) {
    parts.push(`routes: ${jsonValue(classRoutes(core, call))}`)
    if (core.hostClass) parts.push(`hostClass: ${hostClassRef(core.hostClass, call, env)}`)
  }
  const formats = formatsUsed(network)
  if (formats.length > 0) parts.push(`formats: { ${formats.map((f) => `${JSON.stringify(f)}: ${rt}.${formatExportName(f)}`).join(', ')} }`)
  const helpers = extraHelpersUsed(artifact)
  if (helpers.length > 0) parts.push(`helpers: { ${helpers.map((name) => `${name}: ${rt}.${extraHelperExportName(name)}`).join(', ')} }`)
  const rest = parts.length > 0 ? `, { ${parts.join(', ')} }` : ''
  return `${rt}.${fluent ? 'compiledFluentBindings' : 'compiledBindings'}(${artifact}${rest})`
}

/**
 * Every format the network names: each known `format` string anywhere in it (a superset of what
 * the validators call, which is all that matters), in a stable order.
 */
export function formatsUsed(network: NetworkIR): string[] {
  const found = new Set<string>()
  const walk = (x: unknown): void => {
    if (typeof x !== 'object' || x === null) return
    if (Array.isArray(x)) { for (const y of x) walk(y); return }
    for (const [k, v] of Object.entries(x)) {
      if (k === 'format' && typeof v === 'string' && Object.hasOwn(FORMAT_CHECKS, v)) found.add(v)
      else walk(v)
    }
  }
  walk(network)
  return [...found].sort()
}
