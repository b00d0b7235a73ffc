import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { build, type Plugin } from 'esbuild'
import openws from '../../src/unplugin/esbuild'
import { openwsEntry, root } from '../../test/unplugin/harness/paths'
const entry = join(root, 'examples', 'vite', 'src', 'main.ts')
const openwsSource: Plugin = { name: 's', setup(b) { b.onResolve({ filter: /^openws(\/[a-z]+)?$/ }, (a) => ({ path: openwsEntry(a.path)! })) } }
const r = await build({ entryPoints: [entry], bundle: true, write: false, minifySyntax: true, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'silent', plugins: [openws({ root }), openwsSource], metafile: true })
writeFileSync('/tmp/bundle.js', r.outputFiles[0]!.text)
const out = Object.values(r.metafile!.outputs)[0]!
for (const [f, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) console.log(String(v.bytesInOutput).padStart(7), f)
