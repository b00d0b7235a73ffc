// The contract between validator producers (codegen, interpreter) and consumers (runtime, transformer).

/** One validation problem. Data, never thrown by the validator itself. */
export interface Issue {
  /** JSON Pointer (RFC 6901) into the validated value, '' for the root. */
  path: string
  /** Stable issue code, e.g. 'type', 'required', 'minLength', 'depth' (see README). */
  code: string
  /** What the schema wanted (keyword value or a short description). */
  expected?: unknown
  /** What was found (a short description of the value, never the whole value). */
  received?: unknown
}

/**
 * A prepared validator. `is` is the allocation-free fast path; `explain` is only called
 * when `is` said no (or for reports) and returns at most `maxIssues` issues.
 * Both must agree: `is(v) === (explain(v, n).length === 0)` for every n >= 1.
 */
export interface Validator {
  is(value: unknown): boolean
  explain(value: unknown, maxIssues: number): Issue[]
  /**
   * Every value `is` accepts keeps its objects and arrays on nesting levels below this (the root
   * is level 0; see validate/depth-bound.ts); Infinity or absent when the schema does not bound
   * nesting. The session skips its own depth walk when this is at most limits.maxDepth.
   */
  readonly depthBound?: number
}

export interface ValidatorOptions {
  /** Nesting of the *value* beyond which validation stops with a 'depth' issue. */
  maxDepth?: number
}
