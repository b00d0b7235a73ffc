// Transformer diagnostics -> each bundler's own channel (`this.error` / `this.warn`), with
// { id, loc: { file, line, column } } so the bundler prints file:line:column and a code frame.
import type { TransformDiagnostic } from '../transformer/core'

export interface BundlerMessage {
  /** "CODE: text", without a location: esbuild, Vite and Rollup print `loc` themselves. */
  message: string
  /** "file:line:column: CODE: text", for bundlers that drop `loc` (webpack, rspack). */
  located: string
  code: string
  id: string
  loc: { file: string; line: number; column: number }
  plugin: string
}

export interface Reporter {
  warn(message: BundlerMessage): void
  error(message: BundlerMessage): void
}

export const PLUGIN_NAME = 'openws'

export function toBundlerMessage(d: TransformDiagnostic, id: string): BundlerMessage {
  const file = d.file || id
  const message = `${d.code}: ${d.message}`
  return {
    // One location per diagnostic: bundlers that print `loc` get the text alone.
    message,
    located: `${file}:${d.line}:${d.column}: ${message}`,
    code: d.code,
    id: file,
    // Rollup columns are 0-based; the core's are 1-based.
    loc: { file, line: d.line, column: Math.max(0, d.column - 1) },
    plugin: PLUGIN_NAME,
  }
}

/**
 * Warnings first; then one error carrying every error (an error stops the bundler) at the first
 * position. `printsLoc`: the bundler prints `loc` (esbuild, Vite, Rollup), so a message carries
 * no location of its own; the second and later errors of the one error keep theirs.
 */
export function report(
  diagnostics: readonly TransformDiagnostic[],
  id: string,
  reporter: Reporter,
  warningsAsErrors: boolean,
  printsLoc = true,
): void {
  const errors: BundlerMessage[] = []
  const text = (m: BundlerMessage) => (printsLoc ? m.message : m.located)
  for (const d of diagnostics) {
    const m = toBundlerMessage(d, id)
    if (d.severity === 'error' || warningsAsErrors) errors.push(m)
    else reporter.warn({ ...m, message: text(m) })
  }
  if (errors.length) reporter.error({ ...errors[0]!, message: [text(errors[0]!), ...errors.slice(1).map((e) => e.located)].join('\n') })
}
