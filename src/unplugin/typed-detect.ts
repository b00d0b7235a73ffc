// Syntax mode cannot read a TypeScript type used as a payload; the core says so with a
// diagnostic, and the context then re-runs the file in typed mode (and remembers it).
import type { TransformDiagnostic } from '../transformer/core'

/** Codes the core uses for "this definition needs the type checker". */
export const NEEDS_TYPES_CODES: ReadonlySet<string> = new Set(['OPENWS_WARN_NEEDS_TYPES'])

export function needsTypedMode(diagnostics: readonly TransformDiagnostic[]): boolean {
  return diagnostics.some((d) => NEEDS_TYPES_CODES.has(d.code))
}
