// The built executable (dist/cli.js, from `npm run build`): a shebang, the package version, and a
// command that works with plain node (no TS loader). Skipped when dist/ has no cli.js.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const exec = promisify(execFile)
const root = resolve(import.meta.dirname, '../..')
const cli = join(root, 'dist', 'cli.js')

it.skipIf(!existsSync(cli))('dist/cli.js runs under plain node', async () => {
  expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
  expect(statSync(cli).mode & 0o111).not.toBe(0)
  const version = await exec(process.execPath, [cli, '--version'])
  expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version)
  const spec = await exec(process.execPath, [cli, 'spec', join(import.meta.dirname, 'fixtures/cli/two-networks.mjs'), '--export', 'alpha'])
  expect(Object.keys(JSON.parse(spec.stdout).networks)).toEqual(['alpha'])
  const usage = await exec(process.execPath, [cli, 'nope']).catch((e: { code: number }) => e)
  expect((usage as { code: number }).code).toBe(2)
})
