// A coded problem found in a user's definition. The entry points turn it into a diagnostic
// (ts.Diagnostic for ts-patch, a warning/error for bundlers); anything else thrown is a bug.
import type { Node } from './ast'
import type { DiagnosticSeverity } from './types'

/** Warning codes: the definition is left to the runtime interpreter. */
export const WarningCodes = {
  OPENWS_WARN_NOT_STATIC: 'the definition cannot be evaluated at build time',
} as const

export class TransformerError extends Error {
  readonly code: string
  readonly severity: DiagnosticSeverity
  /** The offending node; its parsed file gives file, line and column. */
  readonly node: Node

  constructor(code: string, message: string, node: Node, severity: DiagnosticSeverity = 'error') {
    super(message)
    this.name = 'TransformerError'
    this.code = code
    this.severity = severity
    this.node = node
  }
}

export function isTransformerError(value: unknown): value is TransformerError {
  return value instanceof TransformerError
}

/** The definition is not static: fall back to the interpreter, warn at the node. */
export function notStatic(node: Node, why: string): TransformerError {
  return new TransformerError('OPENWS_WARN_NOT_STATIC', `${why}; this definition is left to the runtime interpreter`, node, 'warning')
}

/** An error thrown by an openws builder at build time: the definition is wrong. */
export function userError(e: unknown, node: Node): TransformerError {
  if (e instanceof TransformerError) return e
  const code =
    typeof (e as { code?: unknown })?.code === 'string' && String((e as { code: string }).code).startsWith('OPENWS_ERR_')
      ? (e as { code: string }).code
      : undefined
  if (!code) throw e
  // A message that already starts with its code (errors bundlers print bare) is not prefixed twice.
  const message = String((e as Error).message)
  return new TransformerError(code, message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message, node)
}
