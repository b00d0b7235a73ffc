// DESIGN principle 6: the build entries load without optional peers. Syntax mode parses with
// oxc-parser; `typescript`, `typia` and `@typia/*` are loaded lazily (createRequire) by typed mode
// only, so no module an entry imports statically may import them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { reachablePackages, staticGraph } from './import-graph'

const root = join(import.meta.dirname, '..', '..')
const entries = ['vite', 'esbuild', 'rollup', 'webpack', 'rspack'].map((b) => `src/unplugin/${b}.ts`).concat('src/transformer/index.ts')
const optionalPeer = /^(?:typescript|typia|@typia\/[^/]+)(?:\/|$)/

function peersReached(entry: string): string[] {
  return [...reachablePackages(entry)]
    .filter(([spec]) => optionalPeer.test(spec))
    .map(([spec, chain]) => `${spec} via ${chain.map((f) => relative(root, f)).join(' -> ')}`)
}

describe('build entries without optional peers', () => {
  it.each(entries)('%s reaches no typescript, typia or @typia/* through static value imports', (entry) => {
    const reached = reachablePackages(join(root, entry))
    expect(reached.has('oxc-parser'), 'the walk reaches the core').toBe(true)
    expect(peersReached(join(root, entry))).toEqual([])
  })

  it.each(entries.slice(0, 5))('%s leaves the language service and TypeScript resolver to typed mode (imported on first need)', (entry) => {
    const { files } = staticGraph(join(root, entry))
    const typedOnly = ['src/unplugin/language-service.ts', 'src/unplugin/ts-resolver.ts'].map((f) => join(root, f))
    expect(files.has(join(root, 'src/unplugin/context.ts'))).toBe(true)
    expect(typedOnly.filter((f) => files.has(f))).toEqual([])
  })

  describe('the check itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openws-graph-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('finds a peer two modules away, and ignores type-only and lazy imports', () => {
      writeFileSync(
        join(dir, 'entry.ts'),
        "import { a } from './a'\nimport type ts from 'typescript'\nexport { type T } from 'typia'\nexport const x = a\n",
      )
      writeFileSync(join(dir, 'a.ts'), "export * from './b'\nexport const a = 1\nexport const lazy = () => import('typia')\n")
      writeFileSync(
        join(dir, 'b.ts'),
        "import { MetadataFactory } from '@typia/core'\nimport { type Program } from 'typescript'\nexport const b = MetadataFactory\n",
      )
      expect(peersReached(join(dir, 'entry.ts'))).toEqual([
        `@typia/core via ${['entry.ts', 'a.ts', 'b.ts'].map((f) => relative(root, join(dir, f))).join(' -> ')}`,
      ])
    })
  })
})
