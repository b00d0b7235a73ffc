// Parsing a module, and how a file id maps to a TypeScript script kind (query strings from bundlers ignored).
import ts from 'typescript'

/** Parses a module the one way every path does (parent pointers set: the evaluator walks up). */
export function parseModule(id: string, code: string): ts.SourceFile {
  return ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, scriptKindOf(id))
}

export function scriptKindOf(id: string): ts.ScriptKind {
  const clean = id.replace(/[?#].*$/, '')
  if (/\.tsx$/.test(clean)) return ts.ScriptKind.TSX
  if (/\.(m|c)?ts$/.test(clean)) return ts.ScriptKind.TS
  if (/\.jsx$/.test(clean)) return ts.ScriptKind.JSX
  return /\.(m|c)?js$/.test(clean) ? ts.ScriptKind.JS : ts.ScriptKind.TS
}
