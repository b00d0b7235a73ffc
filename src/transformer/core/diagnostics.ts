// TransformerError -> TransformDiagnostic with file, line and column.
import type ts from 'typescript'
import type { TransformerError } from './errors'
import type { TransformDiagnostic } from './types'

export function toDiagnostic(err: TransformerError): TransformDiagnostic {
  const sf: ts.SourceFile = err.node.getSourceFile()
  const start = err.node.getStart(sf)
  const { line, character } = sf.getLineAndCharacterOfPosition(start)
  return {
    severity: err.severity,
    code: err.code,
    message: err.message,
    file: sf.fileName,
    start,
    length: Math.max(0, err.node.getEnd() - start),
    line: line + 1,
    column: character + 1,
  }
}

/** "file:line:column - warning OPENWS_WARN_NOT_STATIC: message" */
export function formatDiagnostic(d: TransformDiagnostic): string {
  return `${d.file}:${d.line}:${d.column} - ${d.severity} ${d.code}: ${d.message}`
}
