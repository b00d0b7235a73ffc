// Build time of a generated 50-file project with each bundler, without the plugin, with it in
// syntax mode (target: at most 1.5x the plain build) and in typed mode (first build), printed as
// ratios against the plain build measured in the same run. The "hook floor" is a plugin that
// declines every script through the hook openws uses (bench/support/hook-floor.ts): what
// any transforming plugin costs before it does any work. Then one-file rebuild times (edit a
// schema module) for esbuild and rollup in watch/incremental mode, plain vs syntax vs typed.
// BENCH_RUNS (default 3) timed runs per cell after one warm-up; the median is reported.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUNDLERS, build, type Bundler } from '../support/builders'
import type { OpenWsPluginOptions } from '../../src/unplugin/plugin'
import { generateProject } from './project'
import { linkProjectTypeScript } from '../support/project-typescript'
import { esbuildRebuild, rollupRebuild, type Rebuilder } from './rebuild'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const work = mkdtempSync(join(tmpdir(), 'openws-bench-build-'))
const project = generateProject(join(work, 'project'))
// Typed mode loads the project's own TypeScript, as in a user's project.
linkProjectTypeScript(project.dir)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(8)

// The runtime's sources stand in for an installed node_modules/openws, which the plugin's default
// filter never looks at: exclude them the same way, so the overhead measured is the user's files'.
const asInstalled = /[\\/]src[\\/]runtime[\\/]/
const modes: Array<[string, OpenWsPluginOptions | false | 'hook-floor']> = [
  ['plain', false],
  // A plugin that declines every script through the hook openws uses: what the hook alone costs.
  ['floor', 'hook-floor'],
  ['syntax', { root: project.dir, exclude: asInstalled }],
  ['typed', { root: project.dir, typed: true, exclude: asInstalled }],
]

async function time(bundler: Bundler, plugin: OpenWsPluginOptions | false | 'hook-floor', tag: string): Promise<number> {
  const t = performance.now()
  const out = await build(bundler, { entry: project.entry, outDir: join(work, 'out', bundler, tag), plugin })
  const elapsed = performance.now() - t
  if (plugin === 'hook-floor') return elapsed
  if (plugin && !out.code.includes('openws.artifact')) throw new Error(`${bundler}: the plugin did not compile the network`)
  if (plugin && out.warnings.some((w) => w.includes('OPENWS_'))) throw new Error(`${bundler}: ${out.warnings.join('\n')}`)
  return elapsed
}

// Fast bundlers build in tens of milliseconds, where one disturbed run moves a median of three: they
// get more rounds (about SAMPLE_MS of plain builds each). Typed builds (hundreds of ms) stay at RUNS.
const SAMPLE_MS = 1500
const MAX_RUNS = 15
const roundsFor = (plainMs: number) => Math.max(RUNS, Math.min(MAX_RUNS, Math.ceil(SAMPLE_MS / plainMs)))

console.log(
  `generated project: ${project.files} files; ${RUNS}-${MAX_RUNS} runs per cell after a warm-up (median; typed: ${RUNS}); target: syntax/plain <= 1.5x\n`,
)
console.log('first build      plain  hook floor    syntax     typed   syntax/plain          typed/plain   syntax overhead   floor/plain')
const failures: string[] = []
for (const bundler of BUNDLERS) {
  // Modes are interleaved round by round so JIT warm-up and machine noise hit all of them alike.
  const runs: Record<string, number[]> = { plain: [], floor: [], syntax: [], typed: [] }
  let rounds = RUNS
  for (let r = -1; r < rounds; r++) {
    for (const [mode, plugin] of modes) {
      if (runs[mode] === undefined || (mode === 'typed' && r >= RUNS)) continue
      try {
        const t = await time(bundler, plugin, `${mode}-${r}`)
        if (r >= 0) runs[mode]!.push(t) // round -1 is the warm-up
        if (r === 0 && mode === 'plain') rounds = roundsFor(t)
      } catch (err) {
        failures.push(`${bundler} ${mode}: ${String((err as Error).message ?? err).split('\n')[0]}`)
        delete runs[mode]
      }
    }
  }
  const medians: Record<string, number> = Object.fromEntries(modes.map(([m]) => [m, runs[m] ? median(runs[m]!) : NaN]))
  const syntax = medians.syntax! / medians.plain!
  const typed = medians.typed! / medians.plain!
  console.log(
    `${bundler.padEnd(10)} ${ms(medians.plain!)}  ${ms(medians.floor!)}  ${ms(medians.syntax!)}  ${ms(medians.typed!)}     ${`${syntax.toFixed(2)}x ${syntax <= 1.5 ? 'MET' : 'NOT MET'}`.padEnd(16)}  ${`${typed.toFixed(2)}x`.padEnd(12)}  +${(medians.syntax! - medians.plain!).toFixed(0)} ms`.padEnd(
      15,
    ) + `   ${(medians.floor! / medians.plain!).toFixed(2)}x`,
  )
}

console.log('\none-file rebuild (edit src/schemas/s3.ts; the network module must be regenerated)')
console.log('                 first build   rebuild (median of edits)   rebuild vs plain rebuild')
const rebuilders: Array<[string, Rebuilder]> = [
  ['esbuild', esbuildRebuild],
  ['rollup', rollupRebuild],
]
for (const [name, rebuild] of rebuilders) {
  let plainRebuild = NaN
  for (const [mode, plugin] of modes) {
    if (plugin === 'hook-floor') continue
    try {
      const { first, rebuilds } = await rebuild(project, join(work, 'rebuild', name, mode), plugin, Math.max(3, RUNS))
      const r = median(rebuilds)
      if (mode === 'plain') plainRebuild = r
      console.log(
        `${`${name} ${mode}`.padEnd(16)} ${ms(first)}      ${ms(r)}                  ${mode === 'plain' ? '' : `${(r / plainRebuild).toFixed(2)}x`}`,
      )
    } catch (err) {
      failures.push(`${name} rebuild ${mode}: ${String((err as Error).message ?? err).split('\n')[0]}`)
    }
  }
}

rmSync(work, { recursive: true, force: true })
if (failures.length) {
  console.log(`\nfailed cells:\n  ${failures.join('\n  ')}`)
  process.exitCode = 1
}
