// Tests that need something outside the repository (a browser, a second TypeScript, a broker
// binary). Outside CI a missing prerequisite skips them with a message that says how to get it; in
// CI (`process.env.CI` set, as `.ci/run` does) they never skip: they run and fail on the first line.
import { existsSync } from 'node:fs'

export interface Prerequisite {
  /** Skip: the prerequisite is missing and this is not CI. */
  readonly skip: boolean
  /** A test title suffix that says why it was skipped ('' when it runs). */
  readonly note: string
  /** Throws in CI when the prerequisite is missing; call it first in the test (or in beforeAll). */
  check(): void
}

export function prerequisite(what: string, present: boolean, howTo: string): Prerequisite {
  const ci = Boolean(process.env.CI)
  const skip = !present && !ci
  if (skip) console.warn(`SKIPPED (not CI): ${what} is missing; ${howTo}`)
  return {
    skip,
    note: skip ? ` (skipped: ${what} is missing)` : '',
    check() {
      if (!present) throw new Error(`${what} is missing, and CI never skips this test: ${howTo}`)
    },
  }
}

export const CHROMIUM = '/usr/bin/chromium'

/** Debian's headless Chromium, driven through playwright-core (no browser downloads). */
export function chromiumPrerequisite(): Prerequisite {
  return prerequisite(CHROMIUM, existsSync(CHROMIUM), 'apt-get install -y chromium (.ci/run installs it)')
}
