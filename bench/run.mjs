#!/usr/bin/env node
// `npm run bench`: runs every bench/<name>/index.ts in turn (or only those named on the
// command line). Each bench prints ops/s and ratios against baselines measured in the same run.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const order = ['validators', 'dispatch', 'e2e', 'size', 'build', 'install']
const wanted = process.argv.slice(2)
const available = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
const benches = wanted.length ? available.filter((b) => wanted.includes(b)) : available

let failed = 0
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`)
  const tsx = join(here, '..', 'node_modules', '.bin', 'tsx')
  const run = spawnSync(tsx, ['--expose-gc', join(here, name, 'index.ts')], { stdio: 'inherit' })
  if (run.status !== 0) {
    failed++
    console.error(`bench/${name} exited with ${run.status}`)
  }
}
process.exit(failed ? 1 : 0)
