// Fluent bindings: fromRoles[role].on() fills routes, from lists are enforced at definition time.
import { describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { expectCode } from '../helpers/errors'
import { S } from '../../src/runtime/schema/index'
import { message, network, role } from '../../src/runtime/spec/index'
import { CHAT_IR, fluentChat, fluentNetwork } from './fixtures/chat'

describe('fluent bindings', () => {
  it('has one binder per remote role; .on() chains and fills routes with the functions', () => {
    const binder = fluentChat()
    expect(Object.keys(binder.fromRoles)).toEqual(['client', 'portal'])
    expect(binder.hostClass).toBeUndefined()
    const create = async () => {}
    const send = async () => {}
    const stats = async () => {}
    const chained = binder.fromRoles.client.on('createRoom', create).on('sendMessage', send)
    expect(chained).toBe(binder.fromRoles.client)
    binder.fromRoles.portal.on('requestRoomStats', stats).on('sendMessage', send)
    expect(binder.routes).toEqual({
      createRoom: { client: create },
      joinRoom: {},
      sendMessage: { client: send, portal: send },
      requestRoomStats: { portal: stats },
    })
  })

  it('lifecycle hooks per remote role, chainable', () => {
    const binder = fluentChat()
    const open = () => {}
    const close = () => {}
    const fail = () => {}
    expect(binder.fromRoles.client.onOpen(open).onClose(close).onError(fail)).toBe(binder.fromRoles.client)
    expect(binder.lifecycle).toEqual({ client: { onOpen: open, onClose: close, onError: fail }, portal: {} })
    expectCode(() => binder.fromRoles.client.onOpen(open), 'OPENWS_ERR_INVALID_OPTION', /already set/)
    expectCode(() => binder.fromRoles.portal.onClose('x' as never), 'OPENWS_ERR_INVALID_OPTION', /needs a function/)
  })

  it('enforces from: a handler for a sender the message does not allow is a definition error', () => {
    const binder = fluentChat()
    expectCode(
      () => binder.fromRoles.portal.on('createRoom', async () => {}),
      'OPENWS_ERR_HANDLER_NOT_ALLOWED',
      /role "portal" may not send this message \(from: client\)/,
    )
    expectCode(() => binder.fromRoles.client.on('requestRoomStats', async () => {}), 'OPENWS_ERR_HANDLER_NOT_ALLOWED')
    expect(binder.routes.createRoom).toEqual({})
  })

  it('a message without from may be sent by any remote role', () => {
    const host = role('server').asHost().message(message('hello').payload(S.str))
    const net = network('n').role(host).role(role('a')).role(role('b'))
    const binder = bindings(net)
    const fn = () => {}
    binder.fromRoles.a.on('hello', fn)
    binder.fromRoles.b.on('hello', fn)
    expect(binder.routes).toEqual({ hello: { a: fn, b: fn } })
  })

  it('unknown messages, non-function handlers and double registration are errors', () => {
    const binder = fluentChat()
    expectCode(
      () => binder.fromRoles.client.on('nope' as never, () => {}),
      'OPENWS_ERR_UNKNOWN_MESSAGE',
      /host role "server" has no message "nope" \(messages: createRoom, joinRoom, sendMessage, requestRoomStats\)/,
    )
    expectCode(() => binder.fromRoles.client.on('joinedRoom' as never, () => {}), 'OPENWS_ERR_UNKNOWN_MESSAGE')
    expectCode(() => binder.fromRoles.client.on('toString' as never, () => {}), 'OPENWS_ERR_UNKNOWN_MESSAGE')
    expectCode(() => binder.fromRoles.client.on(42 as never, () => {}), 'OPENWS_ERR_UNKNOWN_MESSAGE')
    expectCode(() => binder.fromRoles.client.on('createRoom', 'fn' as never), 'OPENWS_ERR_INVALID_OPTION', /must be a function/)
    binder.fromRoles.client.on('createRoom', () => {})
    expectCode(() => binder.fromRoles.client.on('createRoom', () => {}), 'OPENWS_ERR_INVALID_OPTION', /already registered/)
  })

  it('accepts a plain NetworkIR (e.g. another binder’s network) and gives the same IR', () => {
    const binder = bindings(JSON.parse(JSON.stringify(CHAT_IR)))
    expect(binder.network).toStrictEqual(CHAT_IR)
    expect(Object.keys(binder.fromRoles)).toEqual(['client', 'portal'])
    expect(bindings(fluentChat().network).network).toStrictEqual(CHAT_IR)
  })

  it('keeps unknown fields and x- extensions of a fluent network', () => {
    const host = role('server').asHost().metadata('owner', 'ops').message(message('m').payload(S.str).metadata('rate', 3))
    const binder = bindings(network('n').metadata('team', 'x').role(host).role(role('c')))
    expect(binder.network).toStrictEqual({
      name: 'n',
      'x-team': 'x',
      roles: {
        server: { 'x-openws-host': true, 'x-owner': 'ops', messages: { m: { payload: { type: 'string' }, 'x-rate': 3 } } },
        c: { messages: {} },
      },
    })
  })

  it('definition errors on the network itself', () => {
    expectCode(() => bindings(network('n').role(role('a')).role(role('b'))), 'OPENWS_ERR_NO_HOST_ROLE')
    expectCode(() => bindings(network('n').role(role('a').asHost()).role(role('b').asHost())), 'OPENWS_ERR_NO_HOST_ROLE')
    expectCode(
      () => bindings(network('n').role(role('a').asHost().message(message('m').payload(S.str).from('ghost')))),
      'OPENWS_ERR_UNKNOWN_FROM_ROLE',
    )
    expectCode(() => bindings(null as never), 'OPENWS_ERR_INVALID_SPEC')
    expectCode(() => bindings({ name: 'n', roles: [] } as never), 'OPENWS_ERR_INVALID_SPEC')
    expectCode(
      () => bindings({ name: 'n', roles: { a: { 'x-openws-host': true, messages: { m: 5 } } } } as never),
      'OPENWS_ERR_INVALID_SPEC',
    )
    expectCode(
      () => bindings({ name: 'n', roles: { a: { 'x-openws-host': true, messages: { m: { payload: true, from: 'b' } } } } } as never),
      'OPENWS_ERR_INVALID_SPEC',
    )
    expectCode(
      () => bindings({ name: 'n', roles: { a: { 'x-openws-host': true, messages: { m: {} } } } } as never),
      'OPENWS_ERR_INVALID_SCHEMA',
    )
    expectCode(() => bindings({ name: 'n', roles: { a: { 'x-openws-host': 'yes', messages: {} } } } as never), 'OPENWS_ERR_NO_HOST_ROLE')
    expectCode(() => bindings({ name: 'n', roles: { __proto__: { messages: {} } } } as never), 'OPENWS_ERR_INVALID_SPEC')
  })

  it('a builder network is read once; later builder changes do not leak into the binder', () => {
    const net = fluentNetwork()
    const binder = bindings(net)
    net.role(role('late'))
    expect(Object.keys(binder.network.roles)).toEqual(['server', 'client', 'portal'])
  })
})
