// Which local names refer to openws exports, by module specifier (syntax only, no checker):
// `import { S as Schema } from 'openws'`, `import * as WS from 'openws/decorator'`.
import ts from 'typescript'

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

export function isOpenwsModule(specifier: string): specifier is OpenwsModule {
  return (OPENWS_MODULES as readonly string[]).includes(specifier)
}

export function collectOpenwsImports(sf: ts.SourceFile): OpenwsImports {
  const named = new Map<string, OpenwsRef>()
  const namespaces = new Map<string, OpenwsModule>()
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue
    const spec = stmt.moduleSpecifier.text
    const clause = stmt.importClause
    if (!isOpenwsModule(spec) || !clause || clause.isTypeOnly) continue
    const bindings = clause.namedBindings
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, spec)
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) {
        if (el.isTypeOnly) continue
        named.set(el.name.text, { module: spec, name: (el.propertyName ?? el.name).text })
      }
    }
  }
  return { named, namespaces }
}

export function hasOpenwsImports(imports: OpenwsImports): boolean {
  return imports.named.size > 0 || imports.namespaces.size > 0
}

/** `bindings`, `WS.bindings`, `Renamed` -> the openws export it denotes, if any. */
export function resolveOpenwsRef(expr: ts.Expression, imports: OpenwsImports): OpenwsRef | undefined {
  if (ts.isIdentifier(expr)) return imports.named.get(expr.text)
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && ts.isIdentifier(expr.name)) {
    const module = imports.namespaces.get(expr.expression.text)
    if (module) return { module, name: expr.name.text }
  }
  return undefined
}
