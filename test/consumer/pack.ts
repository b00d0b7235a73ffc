// Global setup of the consumer suite: pack what `npm run build` wrote into dist/, exactly as
// `npm publish` would, and hand the tarball's path to every test file.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    openwsTarball: string
  }
}

export default function setup(project: TestProject): () => void {
  const root = join(import.meta.dirname, '..', '..')
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: `npm run test:consumer` builds it first')
  const out = mkdtempSync(join(tmpdir(), 'openws-pack-'))
  const name = execFileSync('npm', ['pack', '--pack-destination', out, '--loglevel=error'], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!
  project.provide('openwsTarball', join(out, name))
  return () => rmSync(out, { recursive: true, force: true })
}
