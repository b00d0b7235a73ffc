// Syntax-only name lookup: from a reference, walk outwards through blocks to the module scope and
// find the declaration that binds the name. Enough for definitions written as constants.
import ts from 'typescript'

export type Binding =
  | { kind: 'const'; decl: ts.VariableDeclaration }
  | { kind: 'mutable'; decl: ts.VariableDeclaration }
  | { kind: 'class'; decl: ts.ClassDeclaration }
  | { kind: 'function'; decl: ts.FunctionDeclaration }
  | { kind: 'import'; decl: ts.ImportDeclaration; imported: string | 'default' | '*' }
  | { kind: 'parameter'; decl: ts.Node }
  | { kind: 'enum'; decl: ts.EnumDeclaration }

function statementsOf(node: ts.Node): readonly ts.Statement[] | undefined {
  if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node)) return node.statements
  if (ts.isCaseClause(node) || ts.isDefaultClause(node)) return node.statements
  return undefined
}

function bindsName(name: ts.BindingName, text: string): boolean {
  if (ts.isIdentifier(name)) return name.text === text
  return name.elements.some((el) => !ts.isOmittedExpression(el) && bindsName(el.name, text))
}

function findInStatements(stmts: readonly ts.Statement[], text: string): Binding | undefined {
  for (const stmt of stmts) {
    if (ts.isVariableStatement(stmt)) {
      for (const decl of stmt.declarationList.declarations) {
        if (!bindsName(decl.name, text)) continue
        const isConst = (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0 && ts.isIdentifier(decl.name)
        return { kind: isConst ? 'const' : 'mutable', decl }
      }
    } else if (ts.isClassDeclaration(stmt) && stmt.name?.text === text) {
      return { kind: 'class', decl: stmt }
    } else if (ts.isFunctionDeclaration(stmt) && stmt.name?.text === text) {
      return { kind: 'function', decl: stmt }
    } else if (ts.isEnumDeclaration(stmt) && stmt.name.text === text) {
      return { kind: 'enum', decl: stmt }
    } else if (ts.isImportDeclaration(stmt) && stmt.importClause && !stmt.importClause.isTypeOnly) {
      const clause = stmt.importClause
      if (clause.name?.text === text) return { kind: 'import', decl: stmt, imported: 'default' }
      const nb = clause.namedBindings
      if (nb && ts.isNamespaceImport(nb) && nb.name.text === text) return { kind: 'import', decl: stmt, imported: '*' }
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) {
          if (el.name.text === text && !el.isTypeOnly) return { kind: 'import', decl: stmt, imported: (el.propertyName ?? el.name).text }
        }
      }
    }
  }
  return undefined
}

function parameterBinding(node: ts.Node, text: string): Binding | undefined {
  if (ts.isFunctionLike(node)) {
    for (const p of node.parameters) if (bindsName(p.name, text)) return { kind: 'parameter', decl: p }
  }
  if ((ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isForStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
    for (const d of node.initializer.declarations) if (bindsName(d.name, text)) return { kind: 'parameter', decl: d }
  }
  if (ts.isCatchClause(node) && node.variableDeclaration && bindsName(node.variableDeclaration.name, text)) {
    return { kind: 'parameter', decl: node.variableDeclaration }
  }
  return undefined
}

/** The declaration `ref` refers to, or undefined for globals. */
export function lookup(ref: ts.Identifier): Binding | undefined {
  const text = ref.text
  for (let node: ts.Node | undefined = ref.parent; node; node = node.parent) {
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
  | { kind: 'local'; binding: Binding }
  | { kind: 'reexport'; specifier: string; name: string }
  | { kind: 'default-expression'; expr: ts.Expression }

export function findExport(sf: ts.SourceFile, name: string): ExportTarget[] {
  const found: ExportTarget[] = []
  const stars: ExportTarget[] = []
  const hasExport = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  const isDefault = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)
  for (const stmt of sf.statements) {
    if (ts.isExportDeclaration(stmt) && !stmt.isTypeOnly) {
      const spec = stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier) ? stmt.moduleSpecifier.text : undefined
      if (!stmt.exportClause) {
        if (spec) stars.push({ kind: 'reexport', specifier: spec, name })
      } else if (ts.isNamedExports(stmt.exportClause)) {
        for (const el of stmt.exportClause.elements) {
          if (el.name.text !== name || el.isTypeOnly) continue
          const local = (el.propertyName ?? el.name).text
          if (spec) found.push({ kind: 'reexport', specifier: spec, name: local })
          else {
            const binding = findInStatements(sf.statements, local)
            if (binding) found.push({ kind: 'local', binding })
          }
        }
      }
    } else if (ts.isExportAssignment(stmt) && !stmt.isExportEquals && name === 'default') {
      found.push({ kind: 'default-expression', expr: stmt.expression })
    } else if (hasExport(stmt)) {
      if (name === 'default' && isDefault(stmt) && (ts.isClassDeclaration(stmt) || ts.isFunctionDeclaration(stmt))) {
        found.push({ kind: 'local', binding: ts.isClassDeclaration(stmt) ? { kind: 'class', decl: stmt } : { kind: 'function', decl: stmt } })
      } else if (!isDefault(stmt)) {
        const binding = findInStatements([stmt], name)
        if (binding) found.push({ kind: 'local', binding })
      }
    }
  }
  return found.length > 0 ? found : stars
}
