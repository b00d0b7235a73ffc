// How a file id maps to a TypeScript script kind (query strings from bundlers ignored).
import ts from 'typescript'

export function scriptKindOf(id: string): ts.ScriptKind {
  const clean = id.replace(/[?#].*$/, '')
  if (/\.tsx$/.test(clean)) return ts.ScriptKind.TSX
  if (/\.(m|c)?ts$/.test(clean)) return ts.ScriptKind.TS
  if (/\.jsx$/.test(clean)) return ts.ScriptKind.JSX
  return /\.(m|c)?js$/.test(clean) ? ts.ScriptKind.JS : ts.ScriptKind.TS
}
