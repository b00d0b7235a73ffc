// The runtime's protocol suite, run on the probe fixtures COMPILED by the transformer
// (test/runtime/fixtures/probe-*.ts, with their source imports read as the public openws modules).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { transformSource } from '../../src/transformer/core/index'
import type { BindingsCore } from '../../src/runtime/contract/types'
import { protocolSuite } from '../helpers/protocol-suite/protocol-suite'
import { codeOf, type Probe } from '../helpers/protocol-suite/probe'
import { scratchDir } from '../helpers/scratch'
import { relink, RUNTIME_SHIM, toJs } from '../helpers/transformer-load'

const runtimeFixtures = resolve(import.meta.dirname, '../runtime/fixtures')

/** The probe fixtures import the sources; the transformer recognises the public module names. */
const PUBLIC: Array<[RegExp, string]> = [
  [/(['"])\.\.\/\.\.\/\.\.\/src\/runtime\/contract\/class\/index\1/g, "'openws'"],
  [/(['"])\.\.\/\.\.\/\.\.\/src\/runtime\/contract\/fluent\/index\1/g, "'openws/fluent'"],
  [/(['"])\.\.\/\.\.\/\.\.\/src\/runtime\/spec\/index\1/g, "'openws/fluent'"],
  [/(['"])\.\.\/\.\.\/\.\.\/src\/runtime\/schema\/index\1/g, "'openws/schema'"],
]

function publicSource(file: string): string {
  let code = readFileSync(join(runtimeFixtures, file), 'utf8')
  for (const [re, to] of PUBLIC) code = code.replace(re, to)
  if (file === 'probe-decorated.ts') {
    // This fixture receives D and S as parameters (for decorator modes); compiled, they are imports.
    code = code
      .replace(/import type \* as DecoratorApi from [^\n]+/, "import * as D from 'openws/decorator'")
      .replace(/import type \* as SchemaApi from [^\n]+/, "import { S } from 'openws/schema'")
      .replace(/\(D: typeof DecoratorApi, S: typeof SchemaApi\.S, /, '(_d: unknown, _s: unknown, ')
  }
  return code
}

const outDir = scratchDir(import.meta.dirname, 'protocol')

async function compiled<T>(file: string, exportName: string): Promise<T> {
  const id = join(runtimeFixtures, file)
  const result = transformSource(publicSource(file), id, { mode: 'syntax', runtimeModule: RUNTIME_SHIM })
  expect(result?.diagnostics).toEqual([])
  expect(result?.code).toMatch(/compiled(Fluent)?Bindings\(/)
  const js = relink(toJs(result!.code, file)).replace(
    /(from\s+)(['"])(\.\.?\/[^'"]+)\.mjs\2/g,
    (_a, pre: string, q: string, spec: string) => `${pre}${q}${resolve(dirname(id), spec)}.ts${q}`,
  )
  mkdirSync(outDir, { recursive: true })
  const target = join(outDir, file.replace(/\.ts$/, '.mjs'))
  writeFileSync(target, js)
  return ((await import(/* @vite-ignore */ target)) as Record<string, T>)[exportName]
}

type Make = (probe: Probe) => BindingsCore

const classMake = await compiled<Make>('probe-class.ts', 'probeClassBindings')
const fluentMake = await compiled<Make>('probe-fluent.ts', 'probeFluentBindings')
const decoratedFixture = await compiled<(d: unknown, s: unknown, probe: Probe, code: typeof codeOf) => BindingsCore>(
  'probe-decorated.ts',
  'default',
)

describe('compiled probes', () => {
  it('carry a precompiled artifact', () => {
    const probe = {} as Probe
    expect(classMake(probe).compiled).toBeDefined()
    expect(fluentMake(probe).compiled).toBeDefined()
    expect(decoratedFixture(null, null, probe, codeOf).compiled).toBeDefined()
  })
})

protocolSuite('compiled class-first', async (probe) => classMake(probe))
protocolSuite('compiled decorator', async (probe) => decoratedFixture(null, null, probe, codeOf))
protocolSuite('compiled fluent', async (probe) => fluentMake(probe))
