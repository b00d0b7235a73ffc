// Decorator bindings in all three compilation modes: TC39 via esbuild (context.metadata),
// TC39 via tsc on Node 20 (no Symbol.metadata: method-function keys) and legacy experimentalDecorators.
import { describe, expect, it } from 'vitest'
import * as D from '../../src/runtime/contract/decorator/index'
import { S } from '../../src/runtime/schema/index'
import * as Spec from '../../src/runtime/spec/index'
import { compileDecorated, loadDecorated, MODES } from '../helpers/decorators'
import { expectCode } from '../helpers/errors'
import type cases from './fixtures/decorated-cases'
import type decoratedChat from './fixtures/decorated-chat'

type Cases = typeof cases
const str = { type: 'string' }

it('each mode takes the decorator path it is meant to test', async () => {
  expect(await compileDecorated('contract/fixtures/decorated-chat.ts', 'esbuild-tc39')).toMatch(/metadata/)
  const tsc = await compileDecorated('contract/fixtures/decorated-chat.ts', 'tsc-tc39')
  expect(tsc).toMatch(/__esDecorate/)
  expect((Symbol as { metadata?: symbol }).metadata).toBeUndefined() // so tsc's context.metadata is undefined
  expect(await compileDecorated('contract/fixtures/decorated-chat.ts', 'tsc-legacy')).toMatch(/__decorate\(/)
})

describe.each(MODES)('decorators compiled by %s', async (mode) => {
  const c = await loadDecorated<Cases>('contract/fixtures/decorated-cases.ts', mode)
  const chat = await loadDecorated<typeof decoratedChat>('contract/fixtures/decorated-chat.ts', mode)

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
    expectCode(
      () => c.differentPayloads(D, S),
      'OPENWS_ERR_DUPLICATE_MESSAGE',
      /message "send": methods send and sendPortal handle this message with different payloads/,
    )
    expectCode(() => c.overlappingSenders(D, S), 'OPENWS_ERR_DUPLICATE_MESSAGE', /methods a and b both handle this message from role "c"/)
    expectCode(() => c.duplicateRemoteMessage(D, S), 'OPENWS_ERR_DUPLICATE_MESSAGE', /role "c", message "x"/)
    expectCode(() => c.mixed(D, S), 'OPENWS_ERR_INVALID_OPTION', /mixes @message and @handler/)
    expectCode(() => c.configAndDecorators(D, S), 'OPENWS_ERR_INVALID_OPTION', /both a static CONFIG and role decorators/)
    expectCode(() => c.fromNotARole(D, S), 'OPENWS_ERR_UNKNOWN_FROM_ROLE', /class Plain, which is not a role/)
    expectCode(() => c.onField(D, S), 'OPENWS_ERR_INVALID_OPTION', /@handler decorates methods/)
    expectCode(() => c.onStatic(D, S), 'OPENWS_ERR_INVALID_OPTION', /@handler decorates instance methods, not static ones/)
    expectCode(() => c.badOptions(D), 'OPENWS_ERR_INVALID_SCHEMA', /@message needs a payload/)
    expectCode(() => c.unknownOption(D, S), 'OPENWS_ERR_INVALID_OPTION', /@handler got unknown option "form"/)
  })
})

describe('decorator misuse called by hand', () => {
  it('rejects unexpected argument shapes and private or symbol-named methods', () => {
    const deco = D.handler({ payload: S.str }) as unknown as (...args: unknown[]) => void
    expectCode(() => deco(1, 2), 'OPENWS_ERR_INVALID_OPTION', /unexpected arguments/)
    expectCode(() => deco(() => {}, { kind: 'method', name: '#x', private: true }), 'OPENWS_ERR_INVALID_OPTION', /private or symbol-named/)
    expectCode(() => deco(() => {}, { kind: 'method', name: Symbol('x') }), 'OPENWS_ERR_INVALID_OPTION', /private or symbol-named/)
    const roleDeco = D.role() as unknown as (...args: unknown[]) => void
    expectCode(() => roleDeco(() => {}, { kind: 'method', name: 'x' }), 'OPENWS_ERR_INVALID_OPTION', /decorates classes, not a method/)
    expectCode(() => roleDeco({}), 'OPENWS_ERR_INVALID_OPTION', /decorates classes/)
    expectCode(() => D.role(5 as never), 'OPENWS_ERR_INVALID_OPTION', /needs an options object/)
  })
})
