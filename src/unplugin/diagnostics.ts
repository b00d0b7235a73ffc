// Transformer diagnostics -> each bundler's own channel (`this.error` / `this.warn`), with
// { id, loc: { file, line, column } } so the bundler prints file:line:column and a code frame.
import type { TransformDiagnostic } from '../transformer/core'

export interface BundlerMessage {
  message: string
  code: string
  id: string
  loc: { file: string; line: number; column: number }
  /** Our own "file:line:column" prefix, for bundlers that drop `loc` (webpack, rspack). */
  plugin: string
}

export interface Reporter {
  warn(message: BundlerMessage): void
  error(message: BundlerMessage): void
}

export const PLUGIN_NAME = 'openws'

export function toBundlerMessage(d: TransformDiagnostic, id: string): BundlerMessage {
  const file = d.file || id
  return {
    // Keep file:line:column in the text itself: webpack and rspack only show the message.
    message: `${file}:${d.line}:${d.column}: ${d.code}: ${d.message}`,
    code: d.code,
    id: file,
    // Rollup columns are 0-based; the core's are 1-based.
    loc: { file, line: d.line, column: Math.max(0, d.column - 1) },
    plugin: PLUGIN_NAME,
  }
}

/** Warnings first; then one error carrying every error (an error stops the bundler) at the first position. */
export function report(diagnostics: readonly TransformDiagnostic[], id: string, reporter: Reporter, warningsAsErrors: boolean): void {
  const errors: BundlerMessage[] = []
  for (const d of diagnostics) {
    const m = toBundlerMessage(d, id)
    if (d.severity === 'error' || warningsAsErrors) errors.push(m)
    else reporter.warn(m)
  }
  if (errors.length) reporter.error({ ...errors[0]!, message: errors.map((e) => e.message).join('\n') })
}
