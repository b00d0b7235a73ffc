// The shape every interpreted check has, and how it reports.
import type { Issue } from '../validate/types'

/** Collects issues for `explain`; `null` in `is` mode (stop at the first problem). */
export interface Collector {
  issues: Issue[]
  max: number
}

/**
 * A prepared check of one subschema. `v` is the value, `d` its depth below the root, `p` its
 * JSON Pointer (only maintained when `c` is not null). Returns whether `v` is valid.
 */
export type Check = (v: unknown, d: number, p: string, c: Collector | null) => boolean

/** Thrown (and caught by `explain`) once `maxIssues` issues are collected. */
export const FULL = { full: true }

export function report(c: Collector, path: string, code: string, expected: unknown, received: unknown): void {
  c.issues.push({ path, code, expected, received })
  if (c.issues.length >= c.max) throw FULL
}
