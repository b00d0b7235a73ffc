// Which local names refer to openws exports, by module specifier (syntax only, no checker):
// `import { S as Schema } from 'openws'`, `import * as WS from 'openws/decorator'`. A package that
// re-exports openws (the `packages` option) counts as openws: `@acme/ws/fluent` is `openws/fluent`.
import { importedName, memberName, type Node, type ParsedFile } from './ast'

export const OPENWS_MODULES = ['openws', 'openws/decorator', 'openws/fluent', 'openws/schema'] as const
export type OpenwsModule = (typeof OPENWS_MODULES)[number]

export interface OpenwsRef {
  module: OpenwsModule
  /** Exported name, e.g. 'S', 'bindings', 'handler'. */
  name: string
}

export interface OpenwsImports {
  /** local name -> export it refers to */
  named: Map<string, OpenwsRef>
  /** local namespace name -> module */
  namespaces: Map<string, OpenwsModule>
}

/** The packages whose modules are openws's when nothing else is said. */
export const DEFAULT_PACKAGES: readonly string[] = ['openws']

/**
 * The openws module `specifier` denotes: itself, or the same subpath of openws when it is a module
 * of one of `packages` (which re-export openws); undefined for anything else.
 */
export function openwsModuleOf(specifier: string, packages: readonly string[] = DEFAULT_PACKAGES): OpenwsModule | undefined {
  for (const p of packages) {
    if (specifier !== p && !specifier.startsWith(`${p}/`)) continue
    const module = `openws${specifier.slice(p.length)}`
    if ((OPENWS_MODULES as readonly string[]).includes(module)) return module as OpenwsModule
  }
  return undefined
}

export function collectOpenwsImports(sf: ParsedFile, packages: readonly string[] = DEFAULT_PACKAGES): OpenwsImports {
  const named = new Map<string, OpenwsRef>()
  const namespaces = new Map<string, OpenwsModule>()
  for (const stmt of sf.program.body as Node[]) {
    if (stmt.type !== 'ImportDeclaration' || stmt.importKind === 'type') continue
    const spec = openwsModuleOf(stmt.source.value as string, packages)
    if (spec === undefined) continue
    for (const el of stmt.specifiers as Node[]) {
      if (el.type === 'ImportNamespaceSpecifier') namespaces.set(el.local.name, spec)
      else if (el.type === 'ImportSpecifier' && el.importKind !== 'type') named.set(el.local.name, { module: spec, name: importedName(el) })
    }
  }
  return { named, namespaces }
}

export function hasOpenwsImports(imports: OpenwsImports): boolean {
  return imports.named.size > 0 || imports.namespaces.size > 0
}

/** `bindings`, `WS.bindings`, `Renamed` -> the openws export it denotes, if any. */
export function resolveOpenwsRef(expr: Node, imports: OpenwsImports): OpenwsRef | undefined {
  if (expr.type === 'Identifier') return imports.named.get(expr.name)
  const name = memberName(expr)
  if (name !== undefined && expr.object.type === 'Identifier') {
    const module = imports.namespaces.get(expr.object.name)
    if (module) return { module, name }
  }
  return undefined
}
