// Builds the chat fixture once with every bundler (with the plugin) and once without it (the
// untransformed baseline), runs each bundle with node, and compares. Builds are slow on 2 cores:
// each happens once per run and every assertion reuses its output.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUNDLERS, build, type Bundler, type BuildOutput } from '../../bench/support/builders'
import { bannedConstructs } from '../helpers/inspect'

const run = promisify(execFile)
const entry = join(import.meta.dirname, 'fixtures', 'chat', 'main.ts')
const out = mkdtempSync(join(tmpdir(), 'openws-builds-'))

interface Outcome {
  build?: BuildOutput
  stdout?: string
  buildError?: unknown
  runError?: unknown
}
const outcomes = new Map<Bundler | 'baseline', Outcome>()

async function buildAndRun(name: Bundler | 'baseline'): Promise<void> {
  const o: Outcome = {}
  outcomes.set(name, o)
  try {
    o.build = await build(name === 'baseline' ? 'esbuild' : name, {
      entry,
      outDir: join(out, name),
      plugin: name === 'baseline' ? false : {},
    })
  } catch (err) {
    o.buildError = err
    return
  }
  try {
    o.stdout = (await run(process.execPath, [o.build.file], { timeout: 20_000 })).stdout
  } catch (err) {
    o.runError = err
  }
}

beforeAll(async () => {
  await buildAndRun('baseline')
  for (const b of BUNDLERS) await buildAndRun(b)
}, 240_000)

afterAll(() => rmSync(out, { recursive: true, force: true }))

function built(name: Bundler | 'baseline'): BuildOutput {
  const o = outcomes.get(name)!
  if (o.buildError) throw o.buildError
  return o.build!
}

function stdout(name: Bundler | 'baseline'): string {
  built(name)
  const o = outcomes.get(name)!
  if (o.runError) throw o.runError
  return o.stdout!
}

describe('untransformed baseline', () => {
  it('runs the conversation', () => {
    const result = JSON.parse(stdout('baseline'))
    expect(result.crashed).toBeUndefined()
    expect(result.class.length).toBeGreaterThan(10)
    expect(result.class).toEqual(result.decorator)
  })
})

describe.each(BUNDLERS)('%s build with the openws plugin', (bundler) => {
  it('builds without warnings from openws', () => {
    expect(built(bundler).warnings.filter((w) => /openws|OPENWS_/.test(w))).toEqual([])
  })

  it('was transformed (precompiled bindings, no runtime reading of the definitions)', () => {
    const { code } = built(bundler)
    expect(code).toMatch(/switch\s*\(\s*\w+\s*\)\s*\{\s*case\s*"createRoom"/)
    expect(code).toContain('openws.artifact')
  })

  it('behaves exactly like the untransformed build', () => {
    expect(JSON.parse(stdout(bundler))).toEqual(JSON.parse(stdout('baseline')))
  })

  it('contains no new Function, no eval, no CONFIG reads and no decorator metadata', () => {
    expect(bannedConstructs(built(bundler).code)).toEqual([])
  })
})
