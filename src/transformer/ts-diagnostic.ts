// TransformDiagnostic -> ts.Diagnostic (typia style): tsc prints file, line, column and code.
import type ts from 'typescript'
import type { TransformDiagnostic } from './core/types'

/** Numeric code tsc shows as "TS<code>": one block for openws. */
const OPENWS_TS_CODE = 91_000

/** `host`: the compiler's own TypeScript (its DiagnosticCategory). */
export function toTsDiagnostic(d: TransformDiagnostic, program: ts.Program, host: typeof ts): ts.Diagnostic {
  return {
    file: program.getSourceFile(d.file),
    start: d.start,
    length: d.length,
    messageText: `${d.code}: ${d.message}`,
    category: d.severity === 'error' ? host.DiagnosticCategory.Error : host.DiagnosticCategory.Warning,
    code: OPENWS_TS_CODE,
    source: 'openws',
  }
}
