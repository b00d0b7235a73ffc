// `tspc` (ts-patch 3.3) with { "transform": "openws/transformer" }, on TypeScript 5.9 and 6: syntax
// mode, and typed mode with typia 12 using the project's own TypeScript; the esbuild plugin in typed
// mode on the same project; and the published declarations under `skipLibCheck: false`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addChatApp, addTypedApp, chatTranscript, expectCompiled, expectTypedRun, TYPES_CHECK } from './app'
import { bannedConstructs } from '../helpers/inspect'
import { createProject, ok, type Project } from './project'

const TOOLCHAINS = [
  { name: 'ts59', typescript: '~5.9.3' },
  { name: 'ts6', typescript: '~6.0.3' },
]

describe.each(TOOLCHAINS)('tspc on TypeScript $typescript', ({ name, typescript }) => {
  let p: Project
  beforeAll(() => {
    p = createProject(name, {
      dependencies: { ws: '^8.18.0', fastify: '^5.0.0', '@fastify/websocket': '^11.0.0' },
      devDependencies: {
        typescript,
        'ts-patch': '3.3.0',
        typia: '12.2.1',
        esbuild: '^0.28.0',
        '@types/node': '^20.19.0',
        '@types/ws': '^8.18.0',
      },
    })
    addChatApp(p, { withExtensions: true })
    addTypedApp(p)
    p.write(
      'src/types-check.ts',
      `${TYPES_CHECK}
import type { OpenWsServer } from 'openws/ws'
import type { OpenWsClient } from 'openws/client'
import type { FastifyOpenWsOptions } from 'openws/fastify'
export type Adapters = [OpenWsServer, OpenWsClient<never>, FastifyOpenWsOptions]
`,
    )
    const base = { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', types: ['node'], strict: true, skipLibCheck: false }
    p.write(
      'tsconfig.syntax.json',
      JSON.stringify({
        compilerOptions: { ...base, rootDir: 'src', outDir: 'out-syntax', plugins: [{ transform: 'openws/transformer', mode: 'syntax' }] },
        include: ['src'],
      }),
    )
    p.write(
      'tsconfig.typed.json',
      JSON.stringify({
        compilerOptions: {
          ...base,
          experimentalDecorators: false,
          rootDir: 'typed',
          outDir: 'out-typed',
          plugins: [{ transform: 'openws/transformer' }],
        },
        include: ['typed'],
      }),
    )
    p.write(
      'build-typed.mjs',
      `
import { build } from 'esbuild'
import openws from 'openws/esbuild'
await build({ entryPoints: ['typed/main.ts'], bundle: true, platform: 'node', format: 'esm', outfile: 'out-esbuild/main.mjs', plugins: [openws({ typed: true })], logLevel: 'warning' })
`,
    )
  })
  afterAll(() => p?.remove())

  it('compiles the chat app in syntax mode; the output runs precompiled', () => {
    ok(p.bin('tspc', ['-p', 'tsconfig.syntax.json']))
    // main.ts holds the bindings() calls; the role modules keep no decorators and no builders.
    expectCompiled(p.read('out-syntax/main.js'))
    for (const roles of ['class-roles.js', 'decorator-roles.js']) expect(bannedConstructs(p.read(`out-syntax/${roles}`))).toEqual([])
    chatTranscript(ok(p.node(['out-syntax/main.js'])).stdout)
  })

  it("compiles payloads given as TypeScript types in typed mode, with the project's TypeScript", () => {
    const build = p.bin('tspc', ['-p', 'tsconfig.typed.json'])
    expect(build.out).not.toMatch(/OPENWS_WARN|OPENWS_ERR/)
    expect(build.status, build.out).toBe(0)
    expectCompiled(p.read('out-typed/roles.js'))
    expectTypedRun(ok(p.node(['out-typed/main.js'])).stdout)
  })

  it('builds the typed app with openws/esbuild({ typed: true })', () => {
    const build = ok(p.node(['build-typed.mjs']))
    expect(build.out).not.toMatch(/OPENWS_WARN|OPENWS_ERR/)
    expectTypedRun(ok(p.node(['out-esbuild/main.mjs'])).stdout)
  })
})
