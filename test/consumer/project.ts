// A fresh npm project in a temporary folder, with the packed openws tarball installed the way a
// user installs it (`npm install <tarball>`). npm's own cache is shared by every project (and with
// the repository's `npm ci`), so each toolchain is downloaded at most once per machine.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { inject } from 'vitest'

export const repoRoot = join(import.meta.dirname, '..', '..')
export const chatFixture = join(repoRoot, 'test', 'unplugin', 'fixtures', 'chat')
export const typedFixture = join(repoRoot, 'test', 'unplugin', 'fixtures', 'typed')

export interface RunResult {
  status: number | null
  stdout: string
  /** stdout and stderr together, for failure messages. */
  out: string
}

export interface Project {
  dir: string
  write(file: string, text: string): void
  read(file: string): string
  /** Copies a fixture folder into the project. */
  copy(from: string, to: string): void
  run(command: string, args: string[], env?: Record<string, string>): RunResult
  node(args: string[], env?: Record<string, string>): RunResult
  /** Runs a bin of the project's own node_modules (`tsc`, `vite`, `tspc`, ...). */
  bin(name: string, args: string[]): RunResult
  remove(): void
}

export interface ProjectSpec {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  /** Extra `npm install` flags, e.g. `--omit=dev`. */
  installFlags?: string[]
}

/** The tarball `npm pack` made in the global setup (test/consumer/pack.ts). */
export function tarball(): string {
  return inject('openwsTarball')
}

export function createProject(name: string, spec: ProjectSpec): Project {
  const dir = mkdtempSync(join(tmpdir(), `openws-consumer-${name}-`))
  const project: Project = {
    dir,
    write(file, text) {
      mkdirSync(dirname(join(dir, file)), { recursive: true })
      writeFileSync(join(dir, file), text)
    },
    read: (file) => readFileSync(join(dir, file), 'utf8'),
    copy: (from, to) => cpSync(from, join(dir, to), { recursive: true }),
    run(command, args, env = {}) {
      const r = spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ...env } })
      const stdout = r.stdout ?? ''
      return { status: r.status, stdout, out: `${stdout}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` }
    },
    node: (args, env) => project.run(process.execPath, args, env),
    bin: (name, args) => project.run(join(dir, 'node_modules', '.bin', name), args),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
  project.write(
    'package.json',
    JSON.stringify(
      {
        name: `consumer-${name}`,
        private: true,
        type: 'module',
        dependencies: { openws: `file:${tarball()}`, ...spec.dependencies },
        devDependencies: spec.devDependencies ?? {},
      },
      null,
      2,
    ),
  )
  const install = project.run('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--loglevel=error',
    ...(spec.installFlags ?? []),
  ])
  if (install.status !== 0) throw new Error(`npm install in ${name} failed:\n${install.out}`)
  return project
}

/** Fails with the command's output when it did not exit with 0. */
export function ok(r: RunResult): RunResult {
  if (r.status !== 0) throw new Error(`exit ${r.status}:\n${r.out}`)
  return r
}
