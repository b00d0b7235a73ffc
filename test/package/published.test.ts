// The published package used the way its README says, from dist/ and nothing else: `tspc` with
// { "transform": "openws/transformer" } in tsconfig, and esbuild with `openws/esbuild`. A project
// folder under out/ links `node_modules/openws` to the repository root, as `npm install` would.
// Runs after `npm run build` (as in CI); skipped with a message when dist/ has not been built.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bannedConstructs } from '../unplugin/harness/inspect'

const root = join(import.meta.dirname, '..', '..')
const built = existsSync(join(root, 'dist', 'transformer.cjs')) && existsSync(join(root, 'dist', 'esbuild.js'))
const project = join(import.meta.dirname, 'out', `published-${process.pid}`)
const fixture = join(root, 'test', 'transformer', 'fixtures', 'class-chat.ts')

/** Drives the compiled chat network in-process and prints the frames the server sent. */
const SCENARIO = `
import { harness } from 'openws'
import { binder } from './roles.js'
const h = harness(binder)
const alice = h.connect('client')
await alice.send('createRoom', { userId: 'alice', roomId: 'r1' })
await alice.send('createRoom', { userId: 42, roomId: 'r1' })
console.log(JSON.stringify({ compiled: Boolean(binder.compiled), frames: alice.take() }))
`

function node(args: string[], cwd = project) {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120_000 })
  return { status: run.status, out: run.stdout + run.stderr, stdout: run.stdout }
}

function expectChat(stdout: string): void {
  const result = JSON.parse(stdout.trim().split('\n').pop()!)
  expect(result.compiled).toBe(true)
  expect(result.frames[0]).toEqual({ fromRole: 'server', messageName: 'joinedRoom', payload: { roomId: 'r1', joinerId: 'alice' } })
  expect(result.frames[1]).toMatchObject({ fromRole: 'server', messageName: '$error', payload: { code: 'OPENWS_ERR_INVALID_PAYLOAD' } })
  expect(result.frames[1].payload.issues[0]).toMatchObject({ path: '/userId', code: 'type' })
}

function expectNoReflection(code: string): void {
  expect(code).toMatch(/compiled(Fluent)?Bindings\(/)
  expect(bannedConstructs(code)).toEqual([])
}

describe.skipIf(!built)('the published package (dist)', () => {
  beforeAll(() => {
    mkdirSync(join(project, 'src'), { recursive: true })
    mkdirSync(join(project, 'node_modules'), { recursive: true })
    symlinkSync(root, join(project, 'node_modules', 'openws'), 'dir')
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-openws', private: true, type: 'module' }))
    copyFileSync(fixture, join(project, 'src', 'roles.ts'))
    writeFileSync(join(project, 'src', 'main.ts'), SCENARIO)
  })
  afterAll(() => rmSync(project, { recursive: true, force: true }))

  if (!built) console.warn('test/package/published: SKIPPED: run `npm run build` first (dist/ is missing)')

  it('compiles with tspc and { "transform": "openws/transformer" }, and the output runs precompiled', () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: false, skipLibCheck: true, types: [],
        rootDir: './src', outDir: './tsc-out', plugins: [{ transform: 'openws/transformer' }],
      },
      include: ['src'],
    }))
    const build = node([join(root, 'node_modules', 'ts-patch', 'bin', 'tspc.js'), '-p', 'tsconfig.json'])
    expect(build.status, build.out).toBe(0)
    expectNoReflection(readFileSync(join(project, 'tsc-out', 'roles.js'), 'utf8'))
    // tsc keeps './roles.js' as written; node runs the ESM output as is.
    const run = node([join(project, 'tsc-out', 'main.js')])
    expect(run.status, run.out).toBe(0)
    expectChat(run.stdout)
  })

  it('bundles with esbuild and openws/esbuild, and the bundle runs precompiled', () => {
    writeFileSync(join(project, 'build.mjs'), `
import { build } from 'esbuild'
import openws from 'openws/esbuild'
await build({ entryPoints: ['src/main.ts'], bundle: true, platform: 'node', format: 'esm', outfile: 'esbuild-out/main.mjs', plugins: [openws()], logLevel: 'error' })
`)
    // esbuild itself comes from the repository's node_modules, as a user's own devDependency would.
    symlinkSync(join(root, 'node_modules', 'esbuild'), join(project, 'node_modules', 'esbuild'), 'dir')
    const build = node(['build.mjs'])
    expect(build.status, build.out).toBe(0)
    const bundle = readFileSync(join(project, 'esbuild-out', 'main.mjs'), 'utf8')
    expectNoReflection(bundle)
    const run = node([join(project, 'esbuild-out', 'main.mjs')])
    expect(run.status, run.out).toBe(0)
    expectChat(run.stdout)
  })
})
