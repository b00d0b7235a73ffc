// openws/esbuild's own onLoad hook: files the filter rejects go back to esbuild untouched (it
// reads them itself), transformed files carry a source map to the original text, and the
// imported schema modules are reported as watch files.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { createContext } from '../../src/unplugin/context'
import { esbuildSetup, type EsbuildBuild } from '../../src/unplugin/esbuild-loader'
import openwsEsbuild from '../../src/unplugin/esbuild'
import { openwsEntry, resolveRelative } from '../../bench/support/paths'

const fixtures = join(import.meta.dirname, 'fixtures', 'transform')

/** The onLoad callback the hook registers, with TypeScript-style resolution standing in for esbuild's. */
function loader() {
  let onLoad: Parameters<EsbuildBuild['onLoad']>[1] | undefined
  let filter: RegExp | undefined
  const fake: EsbuildBuild = {
    onStart() {},
    onLoad(options, callback) {
      filter = options.filter
      onLoad = callback
    },
    async resolve(spec, { importer }) {
      const path = openwsEntry(spec) ?? resolveRelative(spec, importer)
      return { errors: path ? [] : [{}], external: false, path: path ?? '' }
    },
  }
  esbuildSetup(createContext({ runtimeModule: openwsEntry('openws') }))(fake)
  return { filter: filter!, load: (path: string) => onLoad!({ path }) }
}

describe('openws/esbuild', () => {
  it('only scripts cross into JS, and what the filter rejects is left to esbuild', async () => {
    const { filter, load } = loader()
    expect(filter.test('/a/b.ts') && filter.test('/a/b.mjs') && filter.test('/a/b.tsx')).toBe(true)
    expect(filter.test('/a/b.css') || filter.test('/a/b.json')).toBe(false)
    expect(await load(join(fixtures, 'plain.ts'))).toBeUndefined() // mentions openws, nothing to change
    expect(await load('/nowhere/node_modules/x/index.js')).toBeUndefined() // excluded: never read
    expect(await load(join(fixtures, 'missing-file.ts'))).toBeUndefined() // unreadable: esbuild reports it
  })

  it('transforms a definition, with the imported schema modules as watch files', async () => {
    const { load } = loader()
    const result = await load(join(fixtures, 'imported.ts'))
    expect(result?.contents).toContain('openws.artifact')
    expect(result?.loader).toBe('ts')
    expect(result?.errors).toEqual([])
    expect(result?.watchFiles).toContain(join(fixtures, '..', 'chat', 'schemas.ts'))
  })

  it('maps the bundle back to the original source', async () => {
    const out = await build({
      entryPoints: [join(fixtures, 'class-static.ts')],
      bundle: true,
      write: false,
      sourcemap: 'external',
      outdir: '/virtual',
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
      plugins: [
        openwsEsbuild({}),
        {
          name: 'openws-source',
          setup: (b) => void b.onResolve({ filter: /^openws(\/[a-z]+)?$/ }, (a) => ({ path: openwsEntry(a.path)! })),
        },
      ],
    })
    const js = out.outputFiles.find((f) => f.path.endsWith('.js'))!.text
    const map = JSON.parse(out.outputFiles.find((f) => f.path.endsWith('.map'))!.text) as { sources: string[]; sourcesContent: string[] }
    expect(js).toContain('openws.artifact')
    const i = map.sources.findIndex((s) => s.endsWith('class-static.ts'))
    expect(i).toBeGreaterThanOrEqual(0)
    expect(map.sourcesContent[i]).toBe(readFileSync(join(fixtures, 'class-static.ts'), 'utf8')) // as written, not as transformed
  })
})
