// The ts-patch transformer under TypeScript 6: the devDependency `typescript6` (npm:typescript@6),
// or another unpacked typescript@6 package named by OPENWS_TS6. `npm ci` installs it; skipped with a
// message when it is missing outside CI, never on CI.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import openwsTransformer from '../../src/transformer/index'
import type { BindingsCore } from '../../src/runtime/contract/types'
import { harness } from '../../src/runtime/harness/index'
import { scratchDir } from '../helpers/scratch'
import { fixturesDir, relink, RUNTIME_SHIM } from '../helpers/transformer-load'
import { FIXTURE_COMPILER_OPTIONS } from '../helpers/tspatch'
import { prerequisite } from '../helpers/prerequisite'

const TS6 = process.env.OPENWS_TS6 ?? join(import.meta.dirname, '../../node_modules/typescript6')
const available = existsSync(join(TS6, 'package.json'))
const needsTs6 = prerequisite(`TypeScript 6 (${TS6})`, available, 'run `npm install` (devDependency typescript6) or set OPENWS_TS6')

describe.skipIf(needsTs6.skip)(`TypeScript 6${needsTs6.note}`, () => {
  beforeAll(() => needsTs6.check())
  const ts6 = (available ? createRequire(import.meta.url)(TS6) : undefined) as typeof ts
  const emit = (files: string[]) => {
    const program = ts6.createProgram(files, { ...FIXTURE_COMPILER_OPTIONS, ignoreDeprecations: '6.0' } as ts.CompilerOptions)
    const diagnostics: ts.Diagnostic[] = []
    const outputs = new Map<string, string>()
    const transformer = openwsTransformer(
      program as never,
      { runtimeModule: RUNTIME_SHIM, ts: ts6 },
      { addDiagnostic: (d) => diagnostics.push(d), ts: ts6 },
    )
    for (const sf of program.getSourceFiles()) {
      if (!files.includes(sf.fileName)) continue
      program.emit(
        sf,
        (name, text) => {
          if (name.endsWith('.js')) outputs.set(sf.fileName, text)
        },
        undefined,
        false,
        { before: [transformer as never] },
      )
    }
    return { diagnostics, outputs, version: ts6.version }
  }

  it('compiles the three styles, and the output runs', async () => {
    const files = readdirSync(fixturesDir)
      .filter((n) => n.endsWith('.ts'))
      .map((n) => join(fixturesDir, n))
    const build = emit(files)
    expect(build.version.startsWith('6.')).toBe(true)
    expect(build.diagnostics).toEqual([])
    const dir = scratchDir(import.meta.dirname, 'ts6')
    for (const [file, js] of build.outputs)
      writeFileSync(join(dir, file.slice(fixturesDir.length + 1).replace(/\.ts$/, '.mjs')), relink(js))
    for (const style of ['class-chat', 'decorator-chat', 'fluent-chat']) {
      const { binder } = (await import(/* @vite-ignore */ join(dir, `${style}.mjs`))) as { binder: BindingsCore }
      expect(binder.compiled).toBeDefined()
      const a = harness(binder).connect('client')
      await a.send('createRoom', { userId: 'a', roomId: 'r1' })
      await a.send('createRoom', { userId: 'a' })
      expect(a.frames.map((f) => f.messageName)).toEqual(['joinedRoom', '$error'])
    }
  })

  it('reports the coded diagnostics at the same nodes', () => {
    const file = join(fixturesDir, 'diagnostics', 'unknown-from.ts')
    const build = emit([file])
    expect(build.diagnostics.map((d) => String(d.messageText).split(':')[0])).toEqual(['OPENWS_ERR_UNKNOWN_FROM_ROLE'])
  })

  it('types as payloads: warns instead of misreading types when typia uses another TypeScript', () => {
    const build = emit([join(fixturesDir, 'typed', 'typed-chat.ts')])
    const codes = build.diagnostics.map((d) => String(d.messageText).split(':')[0])
    expect(codes).toContain('OPENWS_WARN_NEEDS_TYPES')
    expect(build.diagnostics.every((d) => d.category === 0)).toBe(true) // warnings only
  })
})
