// Request/reply through the real transformer: the reply fixtures (test/runtime/fixtures/reply-*.ts)
// compiled in syntax mode carry the reply table in their artifact and answer requests as the
// interpreter does.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { transformSource } from '../../src/transformer/core/index'
import type { BindingsCore } from '../../src/runtime/contract/types'
import type { CompiledArtifact } from '../../src/runtime/artifact/types'
import { harness } from '../../src/runtime/harness/index'
import { replyClassBindings } from '../runtime/fixtures/reply-class'
import { relink, root, RUNTIME_SHIM, toJs } from '../helpers/transformer-load'
import { scratchDir } from '../helpers/scratch'

const runtimeFixtures = resolve(root, 'test/runtime/fixtures')
const PUBLIC: Array<[RegExp, string]> = [
  [/(['"])\.\.\/\.\.\/\.\.\/src\/runtime\/contract\/class\/index\1/g, "'openws'"],
  [/(['"])\.\.\/\.\.\/\.\.\/src\/runtime\/contract\/fluent\/index\1/g, "'openws/fluent'"],
  [/(['"])\.\.\/\.\.\/\.\.\/src\/runtime\/spec\/index\1/g, "'openws/fluent'"],
  [/(['"])\.\.\/\.\.\/\.\.\/src\/runtime\/schema\/index\1/g, "'openws/schema'"],
]
const outDir = scratchDir(import.meta.dirname, 'reply')

async function compiled(file: string, exportName: string): Promise<() => BindingsCore> {
  const id = join(runtimeFixtures, file)
  let code = readFileSync(id, 'utf8')
  for (const [re, to] of PUBLIC) code = code.replace(re, to)
  const result = transformSource(code, id, { mode: 'syntax', runtimeModule: RUNTIME_SHIM })
  expect(result?.diagnostics).toEqual([])
  expect(result?.code).toMatch(/compiled(Fluent)?Bindings\(/)
  const js = relink(toJs(result!.code, file)).replace(
    /(from\s+)(['"])(\.\.?\/[^'"]+)\.mjs\2/g,
    (_a: string, pre: string, q: string, spec: string) => `${pre}${q}${resolve(dirname(id), spec)}.ts${q}`,
  )
  mkdirSync(outDir, { recursive: true })
  const target = join(outDir, file.replace(/\.ts$/, '.mjs'))
  writeFileSync(target, js)
  return ((await import(/* @vite-ignore */ target)) as Record<string, () => BindingsCore>)[exportName]
}

describe.each([
  ['class-first', 'reply-class.ts', 'replyClassBindings'],
  ['fluent', 'reply-fluent.ts', 'replyFluentBindings'],
])('request/reply compiled by the transformer (%s)', (_style, file, exportName) => {
  it('the artifact carries the reply table and the network its reply schemas', async () => {
    const binder = (await compiled(file, exportName))()
    expect((binder.compiled as CompiledArtifact).replies?.inbound.map((r) => r !== undefined)).toEqual([true, true, true, true, false])
    expect(Object.keys((binder.compiled as CompiledArtifact).replies?.outbound.client ?? {})).toEqual(['confirm'])
    expect(binder.network).toEqual(replyClassBindings().network)
  })

  it('answers requests and asks back like the interpreter', async () => {
    const h = harness((await compiled(file, exportName))(), { onInternalError: () => {} })
    const a = h.connect('client')
    expect((await a.request('add', { a: 1, b: 2 }))?.payload).toEqual({ sum: 3 })
    expect((await a.request('badSum', {}))?.payload).toMatchObject({ code: 'OPENWS_ERR_REPLY_INVALID' })
    const p = (a.session.peer as { confirm(p: unknown): Promise<unknown> }).confirm({ q: '?' })
    await a.reply(a.take().at(-1)!.id!, { ok: true })
    expect(await p).toEqual({ ok: true })
  })
})
