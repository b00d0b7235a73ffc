// Builds the openws UI into static files: index.html, app.js (bundled and minified with esbuild,
// the eval-free validator interpreter included) and app.css. No CDN, no framework, works offline.
//
//   node src/ui/build.mjs [outDir]   default outDir: dist/ui (what the package ships; the adapters
//                                    read it next to their built module)
//   buildUi(outDir?)                 default outDir: src/ui/.build (the source tree: tests, demo)
//
// Files are written under a temporary name and renamed, so a server reading them concurrently
// never sees half a file.
import { build } from 'esbuild'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const here = dirname(fileURLToPath(import.meta.url))
export const SOURCE_OUT = join(here, '.build')
export const DIST_OUT = join(here, '..', '..', 'dist', 'ui')

/** Builds the UI into `outDir`; returns each file's bytes, minified and min+gzip. */
export async function buildUi(outDir = SOURCE_OUT) {
  outDir = resolve(outDir)
  const result = await build({
    entryPoints: [join(here, 'app.ts'), join(here, 'app.css')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    write: false,
    outdir: outDir,
    logLevel: 'warning',
  })
  const html = (await readFile(join(here, 'index.html'), 'utf8')).replace(/>\s+</g, '><').trim()
  const files = new Map(result.outputFiles.map((f) => [basename(f.path), f.contents]))
  files.set('index.html', Buffer.from(html))
  await mkdir(outDir, { recursive: true })
  const sizes = {}
  // index.html last: the adapters take a folder holding it as complete.
  for (const name of ['app.js', 'app.css', 'index.html']) {
    const bytes = files.get(name)
    if (!bytes) throw new Error(`UI build wrote no ${name}`)
    const tmp = join(outDir, `.${name}.${process.pid}.tmp`)
    await writeFile(tmp, bytes)
    await rename(tmp, join(outDir, name))
    sizes[name] = { min: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength }
  }
  return { outDir, sizes }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { outDir, sizes } = await buildUi(process.argv[2] ?? DIST_OUT)
  const total = Object.values(sizes).reduce((sum, s) => sum + s.gzip, 0)
  console.log(
    `openws UI -> ${outDir}: ${Object.entries(sizes)
      .map(([n, s]) => `${n} ${s.min} B (${s.gzip} B gz)`)
      .join(', ')}; ${total} B min+gz`,
  )
}
