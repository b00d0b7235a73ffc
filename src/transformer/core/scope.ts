// Syntax-only name lookup: from a reference, walk outwards through blocks to the module scope and
// find the declaration that binds the name. Enough for definitions written as constants.
import { importedName, isFunction, moduleExportName, parentOf, type Node, type ParsedFile } from './ast'

/**
 * `decl` per kind: const/mutable -> the VariableDeclarator; class -> ClassDeclaration;
 * function -> FunctionDeclaration; import -> ImportDeclaration; parameter -> the parameter (or
 * loop/catch binding); enum -> TSEnumDeclaration.
 */
export type Binding =
  | { kind: 'const'; decl: Node }
  | { kind: 'mutable'; decl: Node }
  | { kind: 'class'; decl: Node }
  | { kind: 'function'; decl: Node }
  | { kind: 'import'; decl: Node; imported: string | 'default' | '*' }
  | { kind: 'parameter'; decl: Node }
  | { kind: 'enum'; decl: Node }

/** Nodes whose statements form a scope (a static block holds its statements directly). */
export const SCOPE_TYPES = new Set(['Program', 'BlockStatement', 'TSModuleBlock', 'StaticBlock'])

function statementsOf(node: Node): readonly Node[] | undefined {
  if (SCOPE_TYPES.has(node.type)) return node.body
  if (node.type === 'SwitchCase') return node.consequent
  return undefined
}

function bindsName(name: Node | null, text: string): boolean {
  if (!name) return false
  switch (name.type) {
    case 'Identifier':
      return name.name === text
    case 'ObjectPattern':
      return (name.properties as Node[]).some((p) => bindsName(p.type === 'RestElement' ? p.argument : p.value, text))
    case 'ArrayPattern':
      return (name.elements as Array<Node | null>).some((el) => bindsName(el, text))
    case 'AssignmentPattern':
      return bindsName(name.left, text)
    case 'RestElement':
      return bindsName(name.argument, text)
    case 'TSParameterProperty':
      return bindsName(name.parameter, text)
    default:
      return false
  }
}

/** `export const x` / `export default class X`: the declaration inside. */
function unwrapExport(stmt: Node): Node {
  if ((stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration') && stmt.declaration) return stmt.declaration
  return stmt
}

function findInStatements(stmts: readonly Node[], text: string): Binding | undefined {
  for (const outer of stmts) {
    const stmt = unwrapExport(outer)
    if (stmt.type === 'VariableDeclaration') {
      for (const decl of stmt.declarations as Node[]) {
        if (!bindsName(decl.id, text)) continue
        const isConst = stmt.kind === 'const' && decl.id.type === 'Identifier'
        return { kind: isConst ? 'const' : 'mutable', decl }
      }
    } else if (stmt.type === 'ClassDeclaration' && stmt.id?.name === text) {
      return { kind: 'class', decl: stmt }
    } else if ((stmt.type === 'FunctionDeclaration' || stmt.type === 'TSDeclareFunction') && stmt.id?.name === text) {
      return { kind: 'function', decl: stmt }
    } else if (stmt.type === 'TSEnumDeclaration' && stmt.id.name === text) {
      return { kind: 'enum', decl: stmt }
    } else if (stmt.type === 'ImportDeclaration' && stmt.importKind !== 'type') {
      for (const el of stmt.specifiers as Node[]) {
        if (el.local.name === text && el.importKind !== 'type') return { kind: 'import', decl: stmt, imported: importedName(el) }
      }
    }
  }
  return undefined
}

function parameterBinding(node: Node, text: string): Binding | undefined {
  if (isFunction(node)) {
    for (const p of node.params as Node[]) if (bindsName(p, text)) return { kind: 'parameter', decl: p }
  }
  const loopDecl =
    node.type === 'ForStatement' ? node.init : node.type === 'ForOfStatement' || node.type === 'ForInStatement' ? node.left : undefined
  if (loopDecl?.type === 'VariableDeclaration') {
    for (const d of loopDecl.declarations as Node[]) if (bindsName(d.id, text)) return { kind: 'parameter', decl: d }
  }
  if (node.type === 'CatchClause' && node.param && bindsName(node.param, text)) return { kind: 'parameter', decl: node.param }
  return undefined
}

/** The declaration the identifier `ref` refers to, or undefined for globals. */
export function lookup(ref: Node): Binding | undefined {
  const text = ref.name as string
  for (let node = parentOf(ref); node; node = parentOf(node)) {
    const param = parameterBinding(node, text)
    if (param) return param
    const stmts = statementsOf(node)
    if (stmts) {
      const found = findInStatements(stmts, text)
      if (found) return found
    }
  }
  return undefined
}

/** Export `name` of a module: local binding, re-export, or star re-export candidates. */
export type ExportTarget =
  { kind: 'local'; binding: Binding } | { kind: 'reexport'; specifier: string; name: string } | { kind: 'default-expression'; expr: Node }

export function findExport(sf: ParsedFile, name: string): ExportTarget[] {
  const found: ExportTarget[] = []
  const stars: ExportTarget[] = []
  const body = sf.program.body as Node[]
  for (const stmt of body) {
    if (stmt.type === 'ExportAllDeclaration') {
      if (!stmt.exported && stmt.exportKind !== 'type') stars.push({ kind: 'reexport', specifier: stmt.source.value, name })
    } else if (stmt.type === 'ExportNamedDeclaration' && stmt.exportKind !== 'type') {
      if (stmt.declaration) {
        const binding = findInStatements([stmt.declaration], name)
        if (binding) found.push({ kind: 'local', binding })
        continue
      }
      const spec = stmt.source ? (stmt.source.value as string) : undefined
      for (const el of stmt.specifiers as Node[]) {
        if (moduleExportName(el.exported) !== name || el.exportKind === 'type') continue
        const local = moduleExportName(el.local)
        if (spec) found.push({ kind: 'reexport', specifier: spec, name: local })
        else {
          const binding = findInStatements(body, local)
          if (binding) found.push({ kind: 'local', binding })
        }
      }
    } else if (stmt.type === 'ExportDefaultDeclaration' && name === 'default') {
      const d = stmt.declaration as Node
      if (d.type === 'ClassDeclaration') found.push({ kind: 'local', binding: { kind: 'class', decl: d } })
      else if (d.type === 'FunctionDeclaration') found.push({ kind: 'local', binding: { kind: 'function', decl: d } })
      else if (d.type !== 'TSInterfaceDeclaration') found.push({ kind: 'default-expression', expr: d })
    }
  }
  return found.length > 0 ? found : stars
}

/** The statement of `binding`'s declaration directly inside its scope (a module or a function body). */
export function topStatement(binding: Binding): Node {
  let n: Node = binding.decl
  for (let p = parentOf(n); p && !SCOPE_TYPES.has(p.type); p = parentOf(n)) n = p
  return n
}
