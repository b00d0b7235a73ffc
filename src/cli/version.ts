// The package version, read from the package.json above this file (src/cli or dist/).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'openws' && typeof pkg.version === 'string') return pkg.version
    } catch {
      // keep looking upwards
    }
    dir = dirname(dir)
  }
  return 'unknown'
}
