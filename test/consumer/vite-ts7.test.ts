// The project `npm create vite@latest -- --template vanilla-ts` gives a new user today: Vite 8 and
// TypeScript 7 (the native port: no JS compiler API), no typia. The plugin must work syntax-only,
// and the published declarations must type-check under TypeScript 7 with skipLibCheck off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addChatApp, chatTranscript, expectCompiled, expectedChatTranscript, TYPES_CHECK } from './app'
import { createProject, ok, type Project } from './project'

let p: Project
beforeAll(() => {
  p = createProject('vite-ts7', { devDependencies: { vite: '^8.0.0', typescript: '~7.0.2', '@types/node': '^20.19.0' } })
  addChatApp(p)
  p.write('src/types-check.ts', TYPES_CHECK)
  p.write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM'],
        types: ['node'],
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        verbatimModuleSyntax: true,
      },
      include: ['src'],
    }),
  )
  // A server-side (SSR) build, so node runs it.
  p.write(
    'vite.config.ts',
    `
import { defineConfig } from 'vite'
import openws from 'openws/vite'
export default defineConfig({
  plugins: [openws()],
  ssr: { noExternal: true },
  build: { ssr: 'src/main.ts', outDir: 'dist', target: 'es2022', minify: false, rollupOptions: { output: { entryFileNames: 'main.mjs' } } },
})
`,
  )
})
afterAll(() => p?.remove())

/** vite.typed.config.ts: the same build with `typed: true`, which TypeScript 7 cannot serve. */
const TYPED_CONFIG = `
import { defineConfig } from 'vite'
import openws from 'openws/vite'
export default defineConfig({ plugins: [openws({ typed: true })], logLevel: 'silent', ssr: { noExternal: true }, build: { ssr: 'src/main.ts', outDir: 'dist-typed' } })
`

describe('Vite 8 + TypeScript 7, syntax mode', () => {
  it('installs TypeScript 7 and no typia', () => {
    expect(JSON.parse(p.read('node_modules/typescript/package.json')).version).toMatch(/^7\./)
    expect(() => p.read('node_modules/typia/package.json')).toThrow()
  })

  it('builds with openws/vite; the bundle is precompiled and runs the same conversation as the interpreter', async () => {
    ok(p.bin('vite', ['build', '--config', 'vite.config.ts', '--logLevel', 'warn']))
    expectCompiled(p.read('dist/main.mjs'))
    expect(chatTranscript(ok(p.node(['dist/main.mjs'])).stdout)).toEqual(await expectedChatTranscript())
  })

  it('typed mode on TypeScript 7 fails with one coded error saying what to install', () => {
    p.write('vite.typed.config.ts', TYPED_CONFIG)
    const build = p.bin('vite', ['build', '--config', 'vite.typed.config.ts'])
    expect(build.status).not.toBe(0)
    expect(build.out).toContain('OPENWS_ERR_TYPED_MODE_UNAVAILABLE')
    expect(build.out).toMatch(/typescript@6|TypeScript 5\.9|6\.x/)
  })

  it('type-checks the app against the published .d.ts with tsc 7 (skipLibCheck: false)', () => {
    const tsc = p.bin('tsc', ['-p', 'tsconfig.json'])
    expect(tsc.out).toBe('')
    expect(tsc.status).toBe(0)
  })
})
