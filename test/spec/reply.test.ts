// Reply schemas in the network description: the same in every style, in the OpenWS document,
// validated and checked for the supported subset like payloads.
import { describe, expect, it } from 'vitest'
import * as D from '../../src/runtime/contract/decorator/index'
import { bindings } from '../../src/runtime/contract/class/index'
import { S } from '../../src/runtime/schema/index'
import { fromJson, spec, validate } from '../../src/runtime/spec/index'
import { replyClassBindings } from '../runtime/fixtures/reply-class'
import { replyFluentBindings } from '../runtime/fixtures/reply-fluent'
import { loadDecorated } from '../helpers/decorators'

describe('reply schemas in the spec', () => {
  it('the three styles yield the same document, with `reply` on request messages only', async () => {
    const decorated = (
      await loadDecorated<(d: typeof D, s: typeof S) => { network: unknown }>('runtime/fixtures/reply-decorated.ts', 'esbuild-tc39')
    )(D, S)
    const net = replyClassBindings().network
    expect(replyFluentBindings().network).toEqual(net)
    expect(decorated.network).toEqual(net)
    expect(net.roles.server.messages.add.reply).toEqual({
      type: 'object',
      properties: { sum: { type: 'integer' } },
      required: ['sum'],
      additionalProperties: false,
    })
    expect(net.roles.server.messages.tell).not.toHaveProperty('reply')
    expect(net.roles.client.messages.confirm.reply).toMatchObject({ properties: { ok: { type: 'boolean' } } })
  })

  it('the OpenWS document carries it, validates and survives fromJson', () => {
    const doc = spec('0.0.2', 'calc').network(replyClassBindings().network).valueOf()
    expect(validate(doc)).toBeTruthy()
    expect(fromJson(doc).valueOf()).toEqual(doc)
    expect(() => validate({ ...doc, networks: { calc: { roles: { a: { messages: { m: { payload: {}, reply: 3 } } } } } } })).toThrow(
      expect.objectContaining({ code: 'OPENWS_ERR_INVALID_SPEC' }),
    )
  })

  it('a reply outside the supported subset is refused when the network is defined, naming the reply', () => {
    class Server {
      static CONFIG = { name: 'server', handlers: { ask: { payload: S.obj({}), reply: { type: 'string', contentEncoding: 'base64' } } } }
      ask() {
        return ''
      }
    }
    class Client {
      static CONFIG = { name: 'client', messages: {} }
    }
    expect(() => bindings({ name: 'n', roles: [Server, Client] })).toThrow(
      expect.objectContaining({ code: 'OPENWS_ERR_UNSUPPORTED_KEYWORD', message: expect.stringContaining('reply') }),
    )
  })

  it('a reply that is no schema is refused, naming the reply', () => {
    class Client {
      static CONFIG = { name: 'client', messages: { note: { payload: S.str } } }
    }
    class Bad {
      static CONFIG = { name: 'server', handlers: { ask: { payload: S.obj({}), reply: 'nope' } } }
      ask() {}
    }
    expect(() => bindings({ name: 'n', roles: [Bad as never, Client] })).toThrow(
      expect.objectContaining({ code: 'OPENWS_ERR_INVALID_SCHEMA', message: expect.stringContaining('invalid reply') }),
    )
  })
})
