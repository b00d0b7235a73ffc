// Typed mode loads the PROJECT's own `typescript` (never openws's): a test project made in a
// temporary directory gets one, linked from the repository's install.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'

const repoTypeScript = resolve(import.meta.dirname, '../../node_modules/typescript')

export function linkProjectTypeScript(projectDir: string): void {
  const target = join(projectDir, 'node_modules', 'typescript')
  if (existsSync(target)) return
  mkdirSync(join(projectDir, 'node_modules'), { recursive: true })
  symlinkSync(repoTypeScript, target, 'junction')
}
