// Folders for files a test writes and then imports or runs (compiled fixtures, emitted modules).
// Each is new (mkdtemp), sits in `<dir>/out/` inside the repository, so bare imports in the files
// still resolve from node_modules and relative paths keep their depth, and is removed after the
// test file's tests: `out/` folders no longer pile up (they are git-ignored as well).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []
// Registered when a test file imports this module (directly or through a helper), during collection.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh folder `<dir>/out/<name>-XXXXXX`, removed after the current test file. */
export function scratchDir(dir: string, name: string): string {
  mkdirSync(join(dir, 'out'), { recursive: true })
  const path = mkdtempSync(join(dir, 'out', `${name}-`))
  made.push(path)
  return path
}
