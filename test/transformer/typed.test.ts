// Types as payloads: @handler/@message without `payload` take the method's parameter type
// through typia (tags included) in typed mode, and their return type as the reply (void: one-way); syntax mode says it needs types; without the
// transformer, bindings() throws OPENWS_ERR_TRANSFORMER_REQUIRED.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import type { BindingsCore } from '../../src/runtime/contract/types'
import type { CompiledArtifact } from '../../src/runtime/artifact/types'
import { bindings as fluentBindings } from '../../src/runtime/contract/fluent/index'
import { harness } from '../../src/runtime/harness/index'
import { transformSource } from '../../src/transformer/core/index'
import { scratchDir } from '../helpers/scratch'
import { fixturesDir, relink, RUNTIME_SHIM, toJs } from '../helpers/transformer-load'
import { compileWithTransformer, FIXTURE_COMPILER_OPTIONS } from '../helpers/tspatch'

const id = join(fixturesDir, 'typed', 'typed-chat.ts')
const code = readFileSync(id, 'utf8')
const outDir = scratchDir(import.meta.dirname, 'typed')

async function importJs(name: string, js: string): Promise<{ binder: BindingsCore }> {
  mkdirSync(outDir, { recursive: true })
  const file = join(outDir, name)
  writeFileSync(file, relink(js))
  return (await import(/* @vite-ignore */ file)) as { binder: BindingsCore }
}

/** transformSource (typed) over `file` with its text replaced by `text`, in a program that sees the same text. */
function transformVariant(file: string, text: string) {
  const host = ts.createCompilerHost(FIXTURE_COMPILER_OPTIONS)
  const readFile = host.readFile
  host.readFile = (f) => (f === file ? text : readFile.call(host, f))
  const getSourceFile = host.getSourceFile
  host.getSourceFile = (f, lang, ...rest) => (f === file ? ts.createSourceFile(f, text, lang) : getSourceFile.call(host, f, lang, ...rest))
  const program = ts.createProgram([file], FIXTURE_COMPILER_OPTIONS, host)
  return transformSource(text, file, { mode: 'typed', program, runtimeModule: RUNTIME_SHIM })
}

describe('types as payloads', () => {
  it('compiles with ts-patch (typed): the parameter types become the payload schemas, tags included', async () => {
    const build = compileWithTransformer([id])
    expect(build.diagnostics.map((d) => d.messageText)).toEqual([])
    const { binder } = await importJs('tspatch.mjs', build.outputs.get(id)!)
    expect(binder.compiled).toBeDefined()
    const payload = binder.network.roles.server.messages.joinRoom.payload as Record<string, any>
    expect(JSON.stringify(payload)).toContain('"format":"uuid"')
    expect(JSON.stringify(payload)).toContain('"minLength":1')
    expect(binder.network.roles.client.messages.joinedRoom.payload).toMatchObject({ required: ['joinerId', 'roomId', 'count'] })

    const h = harness(binder)
    const a = h.connect('client')
    const roomId = '123e4567-e89b-42d3-a456-426614174000'
    await a.send('joinRoom', { userId: 'u', roomId })
    expect(a.frames[0]).toMatchObject({ messageName: 'joinedRoom', payload: { joinerId: 'u', roomId, count: 1 } })
    await a.send('joinRoom', { userId: 'u', roomId: 'not-a-uuid' })
    await a.send('joinRoom', { userId: '', roomId })
    await a.send('joinRoom', { userId: 'u', roomId, nickname: 'far too long' })
    expect(a.frames.slice(1).map((f) => (f.payload as { code: string }).code)).toEqual([
      'OPENWS_ERR_INVALID_PAYLOAD',
      'OPENWS_ERR_INVALID_PAYLOAD',
      'OPENWS_ERR_INVALID_PAYLOAD',
    ])
  })

  it('object types are strict like S.obj; an index signature allows other keys (compiled and interpreted agree)', async () => {
    const file = join(fixturesDir, 'typed', 'typed-strict.ts')
    const build = compileWithTransformer([file])
    expect(build.diagnostics.map((d) => d.messageText)).toEqual([])
    const { binder } = await importJs('strict.mjs', build.outputs.get(file)!)
    const messages = binder.network.roles.server.messages
    // Named interfaces arrive as { $ref: '#/$defs/Name', $defs }.
    const target = (p: any) => (p.$ref ? p.$defs[p.$ref.split('/').pop()] : p)
    expect(target(messages.strict.payload)).toMatchObject({ additionalProperties: false })
    expect(target(messages.open.payload).additionalProperties).not.toBe(false)
    expect(JSON.stringify(messages.nested.payload).match(/"additionalProperties":false/g)).toHaveLength(3)
    // The interpreter over the same network must decide alike.
    const interpreted = fluentBindings(binder.network)
    for (const name of ['strict', 'open', 'nested']) interpreted.fromRoles.client.on(name, () => {})
    const sends: Array<[string, unknown]> = [
      ['strict', { roomId: 'r' }],
      ['strict', { roomId: 'r', extra: 1 }],
      ['open', { roomId: 'r', extra: 1 }],
      ['nested', { room: { id: 'a' }, tags: [{ name: 't' }] }],
      ['nested', { room: { id: 'a', x: 1 } }],
      ['nested', { room: { id: 'a' }, tags: [{ name: 't', x: 1 }] }],
    ]
    for (const b of [binder, interpreted]) {
      expect(b.compiled === undefined).toBe(b === interpreted)
      const c = harness(b).connect('client')
      for (const [name, payload] of sends) await c.send(name, payload)
      expect(c.frames.map((f) => (f.payload as { code?: string })?.code ?? 'ok')).toEqual([
        'OPENWS_ERR_INVALID_PAYLOAD',
        'OPENWS_ERR_INVALID_PAYLOAD',
        'OPENWS_ERR_INVALID_PAYLOAD',
      ])
      expect(c.frames.map((f) => (f.payload as { issues?: Array<{ path: string }> }).issues?.[0]?.path)).toEqual([
        '/extra',
        '/room/x',
        '/tags/0/x',
      ])
    }
  })

  it("a handler's return type is its reply schema: the artifact carries the reply table, requests get validated replies (compiled and interpreted agree)", async () => {
    const file = join(fixturesDir, 'typed', 'typed-reply.ts')
    const build = compileWithTransformer([file])
    expect(build.diagnostics.map((d) => d.messageText)).toEqual([])
    const { binder } = await importJs('reply.mjs', build.outputs.get(file)!)
    expect(binder.compiled).toBeDefined()
    const messages = binder.network.roles.server.messages
    const target = (p: any) => (p.$ref ? p.$defs[p.$ref.split('/').pop()] : p)
    expect(messages.add.reply).toEqual({
      type: 'object',
      properties: { sum: { type: 'number' } },
      required: ['sum'],
      additionalProperties: false,
    })
    expect(target(messages.named.reply)).toMatchObject({
      properties: { sum: { type: 'number' } },
      required: ['sum'],
      additionalProperties: false,
    })
    expect(messages.inferred.reply).toMatchObject({ properties: { twice: { type: 'number' } }, additionalProperties: false })
    // void / no return: one-way, as before; an explicit `reply` wins over the return type.
    expect(messages.ping.reply).toBeUndefined()
    expect(messages.bare.reply).toBeUndefined()
    expect(binder.network.roles.client.messages.pinged.reply).toBeUndefined()
    expect(messages.explicit.reply).toEqual({ type: 'object', properties: { label: { type: 'string' } }, required: ['label'] })
    const names = Object.keys(messages)
    const table = (binder.compiled as CompiledArtifact).replies?.inbound ?? []
    expect(names.filter((_n, i) => table[i] !== undefined).sort()).toEqual(['add', 'badSum', 'explicit', 'inferred', 'named'])
    // A @message stub's return type: the reply the host expects when it asks the client.
    expect(binder.network.roles.client.messages.confirm.reply).toEqual({
      type: 'object',
      properties: { ok: { type: 'boolean' } },
      required: ['ok'],
      additionalProperties: false,
    })
    expect(Object.keys((binder.compiled as CompiledArtifact).replies?.outbound.client ?? {})).toEqual(['confirm'])

    const interpreted = fluentBindings(binder.network)
    const on = interpreted.fromRoles.client
    on.on('add', (p: { a: number; b: number }) => ({ sum: p.a + p.b }))
    on.on('named', (p: { a: number }) => ({ sum: p.a }))
    on.on('badSum', () => ({ sum: 'not a number' }))
    on.on('inferred', (p: { a: number }) => ({ twice: p.a * 2 }))
    on.on('ping', async (p: { n: number }, api: Record<string, (payload?: unknown) => Promise<void>>) => {
      await api.pinged({ n: p.n })
    })
    on.on('bare', () => {})
    on.on('explicit', (p: { n: number }) => ({ label: String(p.n) }))
    for (const b of [binder, interpreted]) {
      expect(b.compiled === undefined).toBe(b === interpreted)
      const c = harness(b, { onInternalError: () => {} }).connect('client')
      expect((await c.request('add', { a: 1, b: 2 }))?.payload).toEqual({ sum: 3 })
      expect((await c.request('named', { a: 4 }))?.payload).toEqual({ sum: 4 })
      expect((await c.request('inferred', { a: 4 }))?.payload).toEqual({ twice: 8 })
      expect((await c.request('explicit', { n: 7 }))?.payload).toEqual({ label: '7' })
      const bad = await c.request('badSum', { a: 1 })
      expect(bad).toMatchObject({ messageName: '$error', payload: { code: 'OPENWS_ERR_REPLY_INVALID' } })
      // A one-way message stays one-way: no $reply, the handler's sends only.
      await c.send('ping', { n: 5 })
      expect(c.frames.at(-1)).toMatchObject({ messageName: 'pinged', payload: { n: 5 } })
      expect(c.frames.some((f) => f.messageName === '$reply' && (f.payload as { n?: number })?.n !== undefined)).toBe(false)
      // host -> client: the client's reply is validated against the stub's return type.
      const asked = (c.session.peer as { confirm(p: unknown): Promise<unknown> }).confirm({ q: '?' })
      await c.reply(c.take().at(-1)!.id!, { ok: true })
      expect(await asked).toEqual({ ok: true })
      const wrong = (c.session.peer as { confirm(p: unknown): Promise<unknown> }).confirm({ q: '?' })
      const refused = expect(wrong).rejects.toMatchObject({ code: 'OPENWS_ERR_REPLY_INVALID' })
      await c.reply(c.take().at(-1)!.id!, { ok: 'yes' })
      await refused
    }
  })

  it('refuses an `any` return type, saying what to write', () => {
    const file = join(fixturesDir, 'typed', 'typed-reply.ts')
    const anyReturn = readFileSync(file, 'utf8').replace(
      'async named(p: { a: number }): Promise<Sum>',
      'async named(p: { a: number }): Promise<any>',
    )
    const result = transformVariant(file, anyReturn)
    const errors = result!.diagnostics.filter((d) => d.severity === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      code: 'OPENWS_ERR_INVALID_OPTION',
      message: expect.stringMatching(/@handler named: the return type is `any`.*Promise<void>.*"reply"/),
    })
    expect(anyReturn.split('\n')[errors[0].line - 1]).toContain('Promise<any>')
    expect(result!.code).not.toMatch(/compiledBindings\(/)
  })

  it('transformSource in typed mode with a program gives the same network', () => {
    const program = ts.createProgram([id], FIXTURE_COMPILER_OPTIONS)
    const result = transformSource(code, id, { mode: 'typed', program, runtimeModule: RUNTIME_SHIM })
    expect(result?.diagnostics).toEqual([])
    expect(result?.code).toMatch(/compiled(Fluent)?Bindings\(/)
    expect(result?.code).not.toMatch(/@WS\./)
  })

  it('refuses an `any` payload type and an Api-typed first parameter, saying what to write', () => {
    const file = join(fixturesDir, 'typed', 'typed-open.ts')
    const program = ts.createProgram([file], FIXTURE_COMPILER_OPTIONS)
    const result = transformSource(readFileSync(file, 'utf8'), file, { mode: 'typed', program, runtimeModule: RUNTIME_SHIM })
    const errors = result!.diagnostics.filter((d) => d.severity === 'error')
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]).toMatchObject({
      code: 'OPENWS_ERR_INVALID_OPTION',
      message: expect.stringMatching(/`any`.*payload: \{ roomId: string \}/),
    })
    expect(result!.code).not.toMatch(/compiledBindings\(/)
    // the Api-typed first parameter, alone
    const apiFirst = readFileSync(file, 'utf8').replace('async joinedRoom(_payload: any)', 'async joinedRoom(_payload: { n: number })')
    const host = ts.createCompilerHost(FIXTURE_COMPILER_OPTIONS)
    const readFile = host.readFile
    host.readFile = (f) => (f === file ? apiFirst : readFile.call(host, f))
    const getSourceFile = host.getSourceFile
    host.getSourceFile = (f, lang, ...rest) =>
      f === file ? ts.createSourceFile(f, apiFirst, lang) : getSourceFile.call(host, f, lang, ...rest)
    const program2 = ts.createProgram([file], FIXTURE_COMPILER_OPTIONS, host)
    const second = transformSource(apiFirst, file, { mode: 'typed', program: program2, runtimeModule: RUNTIME_SHIM })
    expect(second!.diagnostics.filter((d) => d.severity === 'error')[0]).toMatchObject({
      code: 'OPENWS_ERR_INVALID_OPTION',
      message: expect.stringContaining('outbound API'),
    })
  })

  it('transformSource in typed mode with a LanguageService (what bundler plugins keep alive)', () => {
    const host: ts.LanguageServiceHost = {
      getCompilationSettings: () => FIXTURE_COMPILER_OPTIONS,
      getScriptFileNames: () => [id],
      getScriptVersion: () => '1',
      getScriptSnapshot: (f) => (ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)!) : undefined),
      getCurrentDirectory: () => process.cwd(),
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    }
    const languageService = ts.createLanguageService(host)
    const result = transformSource(code, id, { mode: 'typed', languageService, runtimeModule: RUNTIME_SHIM })
    expect(result?.diagnostics).toEqual([])
    expect(result?.code).toContain('"format":"uuid"'.replace(/"/g, '\\"'))
  })

  it('syntax mode reports OPENWS_WARN_NEEDS_TYPES at the decorator and leaves the file to typed mode', () => {
    const result = transformSource(code, id, { mode: 'syntax', runtimeModule: RUNTIME_SHIM })
    const d = result?.diagnostics.find((x) => x.code === 'OPENWS_WARN_NEEDS_TYPES')
    expect(d?.severity).toBe('warning')
    expect(code.split('\n')[d!.line - 1]).toContain('@WS.')
    expect(result?.code).not.toMatch(/compiled(Fluent)?Bindings\(/)
  })

  it('without the transformer, bindings() throws OPENWS_ERR_TRANSFORMER_REQUIRED', async () => {
    await expect(importJs('plain.mjs', toJs(code, 'typed-chat.ts'))).rejects.toMatchObject({
      code: 'OPENWS_ERR_TRANSFORMER_REQUIRED',
      message: expect.stringContaining('openws transformer not configured'),
    })
  })
})
