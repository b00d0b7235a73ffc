// The framework's share of a browser client bundle, min+gzip (targets: at most 6 KB, and at most
// 0.75x tRPC's wsLink client for the same exchange).
//
// The app is examples/vite (the chat client). Share = gzip(min(app with openws bundled)) minus
// gzip(min(the same app with every `openws…` import left external)); both builds run the plugin, so
// the generated validators and switches count as the app's own code, the runtime as the framework's.
// Also printed: the same app without the plugin (the interpreted path), and each runtime module's
// share of the gzip bytes (leave-one-out), to show where they go.
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { build, transformSync, type Plugin } from 'esbuild'
import openws from '../../src/unplugin/esbuild'
import { openwsEntry, root } from '../support/paths'
import { buildUi } from '../../src/ui/build.mjs'

const TARGET_BYTES = 6 * 1024
const entry = join(root, 'examples', 'vite', 'src', 'main.ts')

const openwsSource: Plugin = {
  name: 'openws-source',
  setup(b) {
    b.onResolve({ filter: /^openws(\/[a-z]+)?$/ }, (a) => ({ path: openwsEntry(a.path)! }))
  },
}

const openwsExternal: Plugin = {
  name: 'openws-external',
  setup(b) {
    b.onResolve({ filter: /^openws(\/[a-z]+)?$/ }, (a) => ({ path: a.path, external: true }))
  },
}

async function bundle(plugins: Plugin[]) {
  return bundleEntry(entry, plugins)
}

async function bundleEntry(entryPoint: string, plugins: Plugin[]) {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins,
  })
  const code = result.outputFiles[0]!.contents
  return { min: code.byteLength, gz: gzipSync(code, { level: 9 }).byteLength }
}

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`

const full = await bundle([openws({ root }), openwsSource])
const appOnly = await bundle([openws({ root }), openwsExternal])
const interpreted = await bundle([openwsSource])
const share = full.gz - appOnly.gz

console.log('browser chat client (examples/vite/src/main.ts), esbuild --minify, gzip -9')
console.log(`  whole bundle, with the plugin        ${kb(full.min).padStart(10)} min  ${kb(full.gz).padStart(9)} min+gz`)
console.log(`  app + generated code, openws external ${kb(appOnly.min).padStart(9)} min  ${kb(appOnly.gz).padStart(9)} min+gz`)
console.log(
  `  whole bundle, WITHOUT the plugin     ${kb(interpreted.min).padStart(10)} min  ${kb(interpreted.gz).padStart(9)} min+gz  (interpreter path)`,
)
console.log(
  `  framework share (min+gz)             ${kb(share).padStart(10)}   target ≤ ${kb(TARGET_BYTES)}: ${share <= TARGET_BYTES ? 'MET' : 'NOT MET'} (${(share / TARGET_BYTES).toFixed(2)}x of target)`,
)
console.log(`  without-plugin / with-plugin (min+gz) ${(interpreted.gz / full.gz).toFixed(2)}x`)

// The same chat exchange written for socket.io and for tRPC's wsLink (bench/size/peers), each
// library's share measured the same way: the bundle minus the bundle with the library external.
const peerShare = async (file: string, pkg: RegExp) => {
  const peerEntry = join(import.meta.dirname, 'peers', file)
  const whole = await bundleEntry(peerEntry, [])
  const external: Plugin = { name: 'external', setup: (b) => b.onResolve({ filter: pkg }, (a) => ({ path: a.path, external: true })) }
  return whole.gz - (await bundleEntry(peerEntry, [external])).gz
}
const socketio = await peerShare('socketio-client.ts', /^socket\.io-client$/)
const trpc = await peerShare('trpc-client.ts', /^@trpc\/client$/)
console.log(
  `\n  library share of the same chat client (min+gz): openws ${kb(share)}, tRPC wsLink ${kb(trpc)}, socket.io-client ${kb(socketio)}`,
)
console.log(
  `  openws / tRPC wsLink ${(share / trpc).toFixed(2)}x (target ≤ 0.75x: ${share <= 0.75 * trpc ? 'MET' : 'NOT MET'}), openws / socket.io ${(share / socketio).toFixed(2)}x`,
)

// Where the gzip bytes go: each runtime module's leave-one-out share, the gzip size of the
// minified bundle minus that of the same bundle minified without the module's code. (Minified
// bytes alone mislead: repetitive generated code compresses far better than hand-written code.)
const readable = await build({
  entryPoints: [entry],
  bundle: true,
  write: false,
  minifySyntax: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'silent',
  plugins: [openws({ root }), openwsSource],
})
const gzMin = (js: string) => gzipSync(transformSync(js, { minify: true, format: 'esm', loader: 'js' }).code, { level: 9 }).byteLength
// esbuild heads each module's code with a `// path` comment when not minifying whitespace.
const chunks = readable.outputFiles[0]!.text.split(/\n(?=\/\/ \S+\.[cm]?[jt]sx?\n)/)
const whole = gzMin(chunks.join('\n'))
const shares = chunks
  .map((chunk, i) => ({ file: /^\/\/ (\S+)/.exec(chunk)?.[1] ?? '', i }))
  .filter(({ file }) => file.includes('src/runtime/'))
  .map(({ file, i }) => ({ file, bytes: whole - gzMin(chunks.filter((_, j) => j !== i).join('\n')) }))
  .sort((a, b) => b.bytes - a.bytes)
console.log(`\n  runtime modules by their share of the min+gz bundle (leave-one-out), top 12 of ${shares.length}:`)
for (const { file, bytes } of shares.slice(0, 12))
  console.log(`    ${String(bytes).padStart(6)}  ${file.replace(/^.*?src\/runtime\//, 'src/runtime/')}`)

// The openws UI served at {path}/ui, as src/ui/build.mjs writes it into dist/ui.
const ui = await buildUi(join(tmpdir(), 'openws-bench-ui'))
const uiFiles = Object.entries(ui.sizes)
  .map(([name, s]) => `${name} ${kb(s.gzip)}`)
  .join(', ')
console.log(
  `\n  openws UI ({path}/ui), min+gz       ${kb(Object.values(ui.sizes).reduce((n, s) => n + s.gzip, 0)).padStart(10)}  (${uiFiles})`,
)
