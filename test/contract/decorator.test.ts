// Decorator bindings in all three compilation modes: TC39 via esbuild (context.metadata),
// TC39 via tsc on Node 20 (no Symbol.metadata: method-function keys) and legacy experimentalDecorators.
import { describe, expect, it } from 'vitest'
import * as D from '../../src/runtime/contract/decorator/index'
import { OpenWsError } from '../../src/runtime/errors'
import { S } from '../../src/runtime/schema/index'
import * as Spec from '../../src/runtime/spec/index'
import { compileFixture, loadFixture, MODES } from './compile'
import type cases from './fixtures/decorated-cases'
import type decoratedChat from './fixtures/decorated-chat'

type Cases = typeof cases
const str = { type: 'string' }

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(OpenWsError)
    return `${(error as OpenWsError).code}: ${(error as Error).message}`
  }
  return 'no error'
}

it('each mode takes the decorator path it is meant to test', async () => {
  expect(await compileFixture('decorated-chat.ts', 'esbuild-tc39')).toMatch(/metadata/)
  const tsc = await compileFixture('decorated-chat.ts', 'tsc-tc39')
  expect(tsc).toMatch(/__esDecorate/)
  expect((Symbol as { metadata?: symbol }).metadata).toBeUndefined() // so tsc's context.metadata is undefined
  expect(await compileFixture('decorated-chat.ts', 'tsc-legacy')).toMatch(/__decorate\(/)
})

describe.each(MODES)('decorators compiled by %s', async (mode) => {
  const c = await loadFixture<Cases>('decorated-cases.ts', mode)
  const chat = await loadFixture<typeof decoratedChat>('decorated-chat.ts', mode)

  it('two methods handle one message for different senders: one spec message, merged from, per-sender routes', () => {
    const { binder, Server } = chat(D, S, Spec)
    expect(binder.hostClass).toBe(Server)
    expect(binder.network.roles.server.messages.sendMessage.from).toEqual(['client', 'portal'])
    expect(binder.routes).toEqual({
      createRoom: { client: 'createRoom' },
      joinRoom: { client: 'joinRoom' },
      sendMessage: { client: 'sendMessage', portal: 'sendMessagePortal' },
      requestRoomStats: { portal: 'requestRoomStats' },
    })
  })

  it('defaults names from class names; member decorations alone make a role', () => {
    const binder = c.defaultNames(D, S)
    expect(binder.network.roles).toStrictEqual({
      gameHost: { messages: { hello: { payload: str, description: 'say hi', from: ['chatUser'] } }, 'x-openws-host': true },
      chatUser: { messages: { ping: { payload: str } } },
    })
    expect(binder.routes).toEqual({ hello: { chatUser: 'hello' } })
  })

  it('resolves from classes by configured name; endpoints, version and extensions become real fields', () => {
    const binder = c.configuredNames(D, S)
    expect(binder.network.roles).toStrictEqual({
      srv: { messages: { 'go-now': { payload: { type: 'integer' }, from: ['client'] } }, 'x-owner': 'ops', 'x-openws-host': true },
      client: { version: '3', endpoints: [{ host: 'h', port: 1, path: '/' }], messages: {} },
    })
    expect(binder.routes).toEqual({ 'go-now': { client: 'go' } })
  })

  it('a handler without from takes every sender the others do not claim', () => {
    const binder = c.anySender(D, S)
    expect(binder.network.roles.h.messages.fromA).toEqual({ payload: str })
    expect(binder.routes).toEqual({ fromA: { a: 'fromA', b: 'fromAnyoneElse' } })
  })

  it('inherits decorated methods; an override without decorators implements the base decoration', () => {
    const binder = c.inherited(D, S)
    expect(Object.keys(binder.network.roles.host.messages)).toEqual(['m', 'hidden'])
    expect(binder.routes).toEqual({ m: { c: 'm' }, hidden: { c: 'hidden' } })
  })

  it('definition errors', () => {
    expect(codeOf(() => c.differentPayloads(D, S))).toMatch(/^OPENWS_ERR_DUPLICATE_MESSAGE: .*message "send": methods send and sendPortal handle this message with different payloads/)
    expect(codeOf(() => c.overlappingSenders(D, S))).toMatch(/^OPENWS_ERR_DUPLICATE_MESSAGE: .*methods a and b both handle this message from role "c"/)
    expect(codeOf(() => c.duplicateRemoteMessage(D, S))).toMatch(/^OPENWS_ERR_DUPLICATE_MESSAGE: .*role "c", message "x"/)
    expect(codeOf(() => c.mixed(D, S))).toMatch(/^OPENWS_ERR_INVALID_OPTION: .*mixes @message and @handler/)
    expect(codeOf(() => c.configAndDecorators(D, S))).toMatch(/^OPENWS_ERR_INVALID_OPTION: .*both a static CONFIG and role decorators/)
    expect(codeOf(() => c.fromNotARole(D, S))).toMatch(/^OPENWS_ERR_UNKNOWN_FROM_ROLE: .*class Plain, which is not a role/)
    expect(codeOf(() => c.onField(D, S))).toMatch(/^OPENWS_ERR_INVALID_OPTION: @handler decorates methods/)
    expect(codeOf(() => c.onStatic(D, S))).toMatch(/^OPENWS_ERR_INVALID_OPTION: @handler decorates instance methods, not static ones/)
    expect(codeOf(() => c.badOptions(D))).toMatch(/^OPENWS_ERR_INVALID_SCHEMA: @message needs a payload/)
    expect(codeOf(() => c.unknownOption(D, S))).toMatch(/^OPENWS_ERR_INVALID_OPTION: @handler got unknown option "form"/)
  })
})

describe('decorator misuse called by hand', () => {
  it('rejects unexpected argument shapes and private or symbol-named methods', () => {
    const deco = D.handler({ payload: S.str }) as unknown as (...args: unknown[]) => void
    expect(codeOf(() => deco(1, 2))).toMatch(/unexpected arguments/)
    expect(codeOf(() => deco(() => {}, { kind: 'method', name: '#x', private: true }))).toMatch(/private or symbol-named/)
    expect(codeOf(() => deco(() => {}, { kind: 'method', name: Symbol('x') }))).toMatch(/private or symbol-named/)
    const roleDeco = D.role() as unknown as (...args: unknown[]) => void
    expect(codeOf(() => roleDeco(() => {}, { kind: 'method', name: 'x' }))).toMatch(/decorates classes, not a method/)
    expect(codeOf(() => roleDeco({}))).toMatch(/decorates classes/)
    expect(codeOf(() => D.role(5 as never))).toMatch(/needs an options object/)
  })
})
