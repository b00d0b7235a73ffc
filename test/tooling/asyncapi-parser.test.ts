// Every network of the test suite, exported with toAsyncApi and read back by the official
// AsyncAPI parser (@asyncapi/parser 3.6): no error, no warning, no hint.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Parser } from '@asyncapi/parser'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import type { NetworkIR } from '../../src/runtime/ir/types'
import { spec, toAsyncApi } from '../../src/runtime/spec/index'
import * as D from '../../src/runtime/contract/decorator/index'
import { S } from '../../src/runtime/schema/index'
import * as Spec from '../../src/runtime/spec/index'
import { transformSource } from '../../src/transformer/core/index'
import { scratchDir } from '../helpers/scratch'
import { fixturesDir, relink, RUNTIME_SHIM, toJs, transformerDir } from '../helpers/transformer-load'
import { FIXTURE_COMPILER_OPTIONS } from '../helpers/tspatch'
import { loadDecorated } from '../helpers/decorators'
import { CHAT_IR, classChat, fluentChat } from '../contract/fixtures/chat'
import type decoratedChat from '../contract/fixtures/decorated-chat'
import { chatNetwork as adapterChat } from '../adapters/fixtures/chat'
import { handNetwork } from '../runtime/fixtures/hand-binder'
import { binder as readmeClass } from '../contract/readme/class-first'
import { binder as readmeFluent } from '../contract/readme/fluent'
import { TYPED_SHAPES } from './fixtures/typed-shapes'
import { replyClassBindings } from '../runtime/fixtures/reply-class'

/** The typed-mode fixture through the real transformer (typia): payloads with `$ref`/`$defs`. */
async function typedNetwork(): Promise<NetworkIR> {
  const id = join(fixturesDir, 'typed', 'typed-chat.ts')
  const program = ts.createProgram([id], FIXTURE_COMPILER_OPTIONS)
  const result = transformSource(readFileSync(id, 'utf8'), id, { mode: 'typed', program, runtimeModule: RUNTIME_SHIM })
  const dir = scratchDir(transformerDir, 'asyncapi')
  const file = join(dir, 'typed-chat.mjs')
  writeFileSync(file, relink(toJs(result!.code, id)))
  return ((await import(/* @vite-ignore */ file)) as { binder: { network: NetworkIR } }).binder.network
}

const decorated = (await loadDecorated<typeof decoratedChat>('contract/fixtures/decorated-chat.ts', 'esbuild-tc39'))(D, S, Spec).binder
  .network
const typed = await typedNetwork()

const networks: Record<string, NetworkIR> = {
  'README class-first': readmeClass.network,
  'README fluent': readmeFluent.network,
  'README decorator (fixture)': decorated,
  'contract CHAT_IR': CHAT_IR as NetworkIR,
  'contract class': classChat().binder.network,
  'contract fluent': fluentChat().network,
  'adapters chat': adapterChat(),
  'hand network (prototype names)': handNetwork(),
  'typed mode (typia)': typed,
  'request/reply': replyClassBindings().network,
  ...TYPED_SHAPES,
}

async function diagnostics(doc: unknown): Promise<string[]> {
  const { diagnostics } = await new Parser().parse(JSON.stringify(doc))
  return diagnostics.map((d) => `${d.code} (${d.severity}) ${d.message} @ ${d.path.join('.')}`)
}

describe('toAsyncApi through @asyncapi/parser', () => {
  it('the typed fixture really has $defs', () => {
    expect(JSON.stringify(typed)).toContain('"$ref":"#/$defs/')
  })

  it.each(Object.entries(networks))('%s: no diagnostics', async (_name, net) => {
    const doc = spec('0.0.2', net.name).version('1.0.0').network(net).valueOf()
    const api = toAsyncApi(doc)
    expect(api.asyncapi).toBe('3.1.0')
    expect(await diagnostics(api)).toEqual([])
  })

  it('a document with every network at once: no diagnostics', async () => {
    let s = spec('0.0.2', 'all').version('1.0.0')
    const seen = new Set<string>()
    for (const net of Object.values(networks)) {
      if (seen.has(net.name)) continue
      seen.add(net.name)
      s = s.network(net)
    }
    expect(await diagnostics(toAsyncApi(s.valueOf()))).toEqual([])
  })

  it('a request carries its reply: operation.reply names the $reply message of the same channel', async () => {
    const api = toAsyncApi(spec('0.0.2', 'calc').version('1.0.0').network(replyClassBindings().network).valueOf()) as any
    const op = api.operations['calc.client.receive.server.add']
    expect(op.reply).toEqual({
      channel: { $ref: '#/channels/calc.client' },
      messages: [{ $ref: '#/channels/calc.client/messages/server.add.reply' }],
    })
    const reply = api.components.messages['calc.server.add.reply']
    expect(reply.payload.required).toEqual(['fromRole', 'messageName', 'payload', 'id'])
    expect(reply.payload.properties.messageName).toEqual({ type: 'string', const: '$reply' })
    expect(api.components.schemas['calc.server.add.reply']).toEqual({
      type: 'object',
      properties: { sum: { type: 'integer' } },
      required: ['sum'],
      additionalProperties: false,
    })
    // The host asks the client too: its send operation has the client's reply.
    expect(api.operations['calc.client.send.client.confirm'].reply.messages).toEqual([
      { $ref: '#/channels/calc.client/messages/client.confirm.reply' },
    ])
    expect(api.operations['calc.client.receive.server.tell'].reply).toBeUndefined()
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(api))
    expect(diagnostics).toEqual([])
    expect(
      document!
        .operations()
        .get('calc.client.receive.server.add')!
        .reply()!
        .messages()
        .all()
        .map((m) => m.name()),
    ).toEqual(['$reply'])
  })
})
