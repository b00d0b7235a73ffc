// One `bindings(...)` call -> precompiled bindings. The arguments are evaluated statically and
// handed to the style's REAL bindings() at build time, so the network IR and the routes are
// exactly what the interpreter would build; then the artifact is generated from that IR.
import { fileOf, parentOf, within, type Node, type ParsedFile } from './ast'
import type { NetworkIR } from '../../runtime/ir/types'
import type { BindingsCore } from '../../runtime/contract/types'
import { notStatic, TransformerError, userError } from './errors'
import type { Evaluator } from './evaluate'
import type { OpenwsModule } from './imports'
import { generateArtifact, SchemaGenerationError, type GeneratedArtifact } from '../../runtime/codegen/artifact'
import { jsonValue } from '../../runtime/codegen/code'
import { locateError } from './locate'
import { checkNoLaterMutation } from './mutations'
import { formatExportName } from '../../runtime/validate/formats'
import { extraHelperExportName } from '../../runtime/validate/helpers'

export interface CompileEnv {
  ev: Evaluator
  /** The file being transformed. */
  sf: ParsedFile
  /** Namespace the runtime helpers are imported under. */
  runtime: string
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
  const info = env.ev.record.classInfo.get(cls)
  const refs = env.ev.record.refs.get(cls) ?? []
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
  let artifact: GeneratedArtifact
  try {
    artifact = generateArtifact({ network, hostRole: core.hostRole, maxDepth: env.maxDepth })
  } catch (e) {
    if (!(e instanceof SchemaGenerationError) || !e.code.startsWith('OPENWS_ERR_')) throw e
    throw new TransformerError(
      e.code,
      `${e.message}; use a keyword of the supported subset (see README)`,
      locateError(e, call, env.ev, env.sf),
    )
  }
  const rt = env.runtime
  const parts: string[] = []
  const fluent = module === 'openws/fluent'
  if (!fluent) {
    parts.push(`routes: ${jsonValue(classRoutes(core, call)).text}`)
    if (core.hostClass) parts.push(`hostClass: ${hostClassRef(core.hostClass, call, env)}`)
  }
  // Exactly the format checks and extra helpers the generated validators call (the generator says).
  const { formats, helpers } = artifact
  if (formats.length > 0) parts.push(`formats: { ${formats.map((f) => `${JSON.stringify(f)}: ${rt}.${formatExportName(f)}`).join(', ')} }`)
  if (helpers.length > 0) parts.push(`helpers: { ${helpers.map((name) => `${name}: ${rt}.${extraHelperExportName(name)}`).join(', ')} }`)
  const rest = parts.length > 0 ? `, { ${parts.join(', ')} }` : ''
  return `${rt}.${fluent ? 'compiledFluentBindings' : 'compiledBindings'}(${artifact.source}${rest})`
}
