// What a runtime-only consumer installs: `npm i <tarball> ws --omit=dev` into a fresh project
// (target: at most 8 MB and no compiler package). Packs dist/ (run `npm run build` first), then
// prints the bytes of node_modules (file sizes, not disk blocks) and the largest packages.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const TARGET_BYTES = 8e6
const COMPILERS = /^(typescript|typia|@typia\/.+|@typescript\/.+|@babel\/core)$/
const root = join(import.meta.dirname, '..', '..')

function bytesUnder(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.size
  return readdirSync(path).reduce((sum, e) => sum + bytesUnder(join(path, e)), 0)
}

function packages(nodeModules: string): Array<[string, number]> {
  const out: Array<[string, number]> = []
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue
    const names = entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).map((s) => `${entry}/${s}`) : [entry]
    for (const name of names) out.push([name, bytesUnder(join(nodeModules, name))])
  }
  return out.sort((a, b) => b[1] - a[1])
}

const work = mkdtempSync(join(tmpdir(), 'openws-bench-install-'))
try {
  const tgz = execFileSync('npm', ['pack', '--pack-destination', work, '--loglevel=error'], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!
  const project = join(work, 'app')
  execFileSync('mkdir', ['-p', project])
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'runtime-only', private: true }))
  execFileSync('npm', ['install', join(work, tgz), 'ws', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: project,
  })
  const nm = join(project, 'node_modules')
  const all = packages(nm)
  const total = bytesUnder(nm)
  const compilers = all.filter(([n]) => COMPILERS.test(n)).map(([n]) => n)
  console.log(`runtime-only install (openws + ws, --omit=dev): ${(total / 1e6).toFixed(2)} MB in ${all.length} packages`)
  for (const [name, bytes] of all.slice(0, 8)) console.log(`  ${name.padEnd(36)} ${(bytes / 1e6).toFixed(2)} MB`)
  console.log(
    `target ≤ ${TARGET_BYTES / 1e6} MB: ${total <= TARGET_BYTES ? 'met' : 'NOT met'} (${(total / TARGET_BYTES).toFixed(2)}x of target)`,
  )
  console.log(`no compiler package: ${compilers.length === 0 ? 'met' : `NOT met (${compilers.join(', ')})`}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
