// Values imported from other modules: openws's own modules give their real (trusted) exports, user
// modules are loaded and their exports evaluated statically, following re-export chains.
import { fileOf, type Node } from './ast'
import { notStatic, TransformerError } from './errors'
import { openwsModuleOf, type OpenwsModule } from './imports'
import type { ModuleUnit, ModuleUnits } from './module-units'
import { findExport, type Binding, type ExportTarget } from './scope'
import type { TrustedValues } from './trusted-values'
import type { ResolvedModule } from './types'

export interface ImportHost {
  /** The real export `name` of an openws module (a trusted builder function or value). */
  openwsExport(module: OpenwsModule, name: string): unknown
  /** Packages that re-export openws (their modules count as openws's); default ['openws']. */
  packages?: readonly string[]
  resolveModule?: (specifier: string, importer: string) => ResolvedModule | undefined
}

/** What import evaluation needs from the evaluator. */
export interface ImportContext {
  readonly host: ImportHost
  readonly units: ModuleUnits
  readonly trusted: TrustedValues
  /** The value of a binding found in a loaded module. */
  binding(binding: Binding, at: Node, name: string): unknown
  /** The value of `export default <expr>`, evaluated once. */
  defaultExpression(expr: Node, at: Node, name: string): unknown
}

/** The value `import { imported } from '...'` gives (`*` for a namespace) at the import declaration `decl`. */
export function importedValue(ctx: ImportContext, decl: Node, imported: string, at: Node): unknown {
  return importFrom(ctx, decl.source.value as string, imported, fileOf(decl).fileName, at, 0)
}

function importFrom(ctx: ImportContext, specifier: string, imported: string, importer: string, at: Node, depth: number): unknown {
  const openws = openwsModuleOf(specifier, ctx.host.packages)
  if (openws !== undefined) {
    if (imported === '*') return namespace(ctx, openws)
    const value = ctx.host.openwsExport(openws, imported)
    if (value === undefined) throw new TransformerError('OPENWS_ERR_INVALID_OPTION', `"${specifier}" has no export "${imported}"`, at)
    return ctx.trusted.trust(value)
  }
  const unit = ctx.units.load(ctx.host.resolveModule?.(specifier, importer))
  if (!unit) throw notStatic(at, `module "${specifier}" cannot be read at build time`)
  if (imported === '*') throw notStatic(at, 'namespace imports of user modules are not evaluated')
  return exported(ctx, unit, imported, at, depth)
}

function namespace(ctx: ImportContext, module: OpenwsModule): Record<string, unknown> {
  // A lazy view: every member access goes through openwsExport.
  const { host, trusted } = ctx
  return trusted.trust(
    new Proxy(Object.create(null), {
      get: (_t, key) => (typeof key === 'string' ? trusted.trust(host.openwsExport(module, key)) : undefined),
    }),
  )
}

function exported(ctx: ImportContext, unit: ModuleUnit, name: string, at: Node, depth: number): unknown {
  if (depth > 20) throw notStatic(at, 're-export chain too long')
  const targets: ExportTarget[] = findExport(unit.sf, name)
  for (const t of targets) {
    if (t.kind === 'local') return ctx.binding(t.binding, at, name)
    if (t.kind === 'default-expression') return ctx.defaultExpression(t.expr, at, name)
    try {
      return importFrom(ctx, t.specifier, t.name, unit.id, at, depth + 1)
    } catch (e) {
      if (targets.length === 1) throw e
    }
  }
  throw notStatic(at, `"${name}" is not exported by ${unit.id}`)
}
