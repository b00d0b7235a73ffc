// TransformerError -> TransformDiagnostic with file, line and column (from UTF-16 offsets).
import { fileOf, lineAndColumn, startOf } from './ast'
import type { TransformerError } from './errors'
import type { TransformDiagnostic } from './types'

export function toDiagnostic(err: TransformerError): TransformDiagnostic {
  const file = fileOf(err.node)
  const start = startOf(err.node)
  const { line, column } = lineAndColumn(file, start)
  return {
    severity: err.severity,
    code: err.code,
    message: err.message,
    file: file.fileName,
    start,
    length: Math.max(0, err.node.end - start),
    line: line + 1,
    column: column + 1,
  }
}

/** "file:line:column - warning OPENWS_WARN_NOT_STATIC: message" */
export function formatDiagnostic(d: TransformDiagnostic): string {
  return `${d.file}:${d.line}:${d.column} - ${d.severity} ${d.code}: ${d.message}`
}
