// CLI failures carry their exit code: 1 for a failed run (bad input file, breaking changes),
// 2 for a usage error (unknown command or flag, missing argument).
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, 2)
}
