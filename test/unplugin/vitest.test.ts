// Vitest through the Vite plugin: a project's own tests see the transformed (precompiled) code.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { root } from '../../bench/support/paths'

const run = promisify(execFile)

it('a project tested with vitest + openws/vite runs precompiled bindings', async () => {
  const dir = join(import.meta.dirname, 'fixtures', 'vitest')
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
  const result = await run(
    process.execPath,
    [vitest, 'run', '--config', join(dir, 'vitest.config.ts'), '--root', dir, '--reporter', 'json'],
    {
      cwd: dir,
      timeout: 60_000,
      env: {
        ...process.env,
        NO_COLOR: '1',
        VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
        VITEST: undefined,
        VITEST_POOL_ID: undefined,
        VITEST_WORKER_ID: undefined,
        NODE_OPTIONS: undefined,
      },
    },
  ).catch((err: { stdout?: string; stderr?: string }) => err)
  const report = JSON.parse(String(result.stdout).slice(String(result.stdout).indexOf('{')))
  expect(report.numTotalTests, String(report.testResults?.[0]?.message ?? result.stderr).slice(0, 1000)).toBe(1)
  expect(
    report.testResults[0].assertionResults.map((a: { status: string; failureMessages: string[] }) => [
      a.status,
      a.failureMessages.join('\n').slice(0, 500),
    ]),
  ).toEqual([['passed', '']])
}, 90_000)
