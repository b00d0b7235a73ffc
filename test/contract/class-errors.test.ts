// Every definition error of class-first bindings: a coded OpenWsError, never a raw crash.
import { describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/class/index'
import { expectCode } from '../helpers/errors'
import { S } from '../../src/runtime/schema/index'

class Client {
  static CONFIG = { messages: { joined: { payload: S.str } } }
}

describe('class-first definition errors', () => {
  it('a host message without a method names the method to add', () => {
    class Server {
      static CONFIG = { handlers: { createRoom: { payload: S.str, from: [Client] } } }
    }
    const error = expectCode(
      () => bindings({ name: 'chat', roles: [Server, Client] }),
      'OPENWS_ERR_MISSING_HANDLER',
      /add `async createRoom\(payload, api\)/,
    )
    expect(error.messageName).toBe('createRoom')
    expect(error.role).toBe('server')
  })

  it('a class field (not a prototype method) does not count as a handler', () => {
    class Server {
      static CONFIG = { handlers: { m: { payload: S.str, from: [Client] } } }
      m = () => {}
    }
    expectCode(() => bindings({ name: 'n', roles: [Server] }), 'OPENWS_ERR_MISSING_HANDLER', /no method "m"/)
  })

  it('a from class that is not a role', () => {
    class NotARole {}
    class Server {
      static CONFIG = { handlers: { m: { payload: S.str, from: [NotARole] } } }
      m() {}
    }
    expectCode(() => bindings({ name: 'n', roles: [Server] }), 'OPENWS_ERR_UNKNOWN_FROM_ROLE', /class NotARole, which is not a role/)
  })

  it('a from entry that is not a class (undefined from a circular import, a number, an object)', () => {
    for (const bad of [undefined, 42, {}, null]) {
      class Server {
        static CONFIG = { handlers: { m: { payload: S.str, from: [bad] } } }
        m() {}
      }
      expectCode(() => bindings({ name: 'n', roles: [Server] }), 'OPENWS_ERR_UNKNOWN_FROM_ROLE', /must be a role class/)
    }
  })

  it('a from string naming no role', () => {
    class Server {
      static CONFIG = { handlers: { m: { payload: S.str, from: ['ghost'] } } }
      m() {}
    }
    expectCode(() => bindings({ name: 'n', roles: [Server, Client] }), 'OPENWS_ERR_UNKNOWN_FROM_ROLE', /"ghost"/)
  })

  it('a role sending to itself', () => {
    class Server {
      static CONFIG = { handlers: { m: { payload: S.str, from: [Server] } } }
      m() {}
    }
    expectCode(() => bindings({ name: 'n', roles: [Server, Client] }), 'OPENWS_ERR_UNKNOWN_FROM_ROLE', /cannot send to itself/)
  })

  it('two classes with one role name, naming both classes', () => {
    class Other {
      static CONFIG = { name: 'client', messages: {} }
    }
    class Server {
      static CONFIG = { handlers: { m: { payload: S.str, from: [Client, Other] } } }
      m() {}
    }
    expectCode(() => bindings({ name: 'n', roles: [Server] }), 'OPENWS_ERR_DUPLICATE_ROLE', /class Client and class Other/)
  })

  it('no host, or two hosts', () => {
    expectCode(() => bindings({ name: 'n', roles: [Client] }), 'OPENWS_ERR_NO_HOST_ROLE', /found none/)
    class H1 {
      static CONFIG = { handlers: {} }
    }
    class H2 {
      static CONFIG = { handlers: {} }
    }
    expectCode(() => bindings({ name: 'n', roles: [H1, H2] }), 'OPENWS_ERR_NO_HOST_ROLE', /"h1", "h2"/)
  })

  it('both messages and handlers, unknown CONFIG fields, non-object CONFIG, throwing CONFIG getter', () => {
    class Both {
      static CONFIG = { messages: {}, handlers: {} }
    }
    expectCode(() => bindings({ name: 'n', roles: [Both] }), 'OPENWS_ERR_INVALID_OPTION', /both "messages" and "handlers"/)
    class Typo {
      static CONFIG = { handler: {} }
    }
    expectCode(() => bindings({ name: 'n', roles: [Typo] }), 'OPENWS_ERR_INVALID_OPTION', /unknown field "handler"/)
    class Str {
      static CONFIG = 'server'
    }
    expectCode(() => bindings({ name: 'n', roles: [Str] }), 'OPENWS_ERR_INVALID_OPTION', /must be an object/)
    class Getter {
      static get CONFIG(): never {
        throw new Error('boom')
      }
    }
    expectCode(() => bindings({ name: 'n', roles: [Getter] }), 'OPENWS_ERR_INVALID_OPTION', /threw/)
    class BadMessage {
      static CONFIG = { messages: { m: S.str } }
    }
    expectCode(() => bindings({ name: 'n', roles: [BadMessage] }), 'OPENWS_ERR_INVALID_OPTION', /must be \{payload/)
  })

  it('bad bindings() config', () => {
    expectCode(() => bindings(null as never), 'OPENWS_ERR_INVALID_OPTION', /needs \{name/)
    expectCode(() => bindings({ name: 'n', roles: [] }), 'OPENWS_ERR_INVALID_OPTION', /non-empty array/)
    expectCode(() => bindings({ name: 'n', roles: ['server' as never] }), 'OPENWS_ERR_INVALID_OPTION', /roles\[0\] must be a role class/)
    class Plain {}
    expectCode(() => bindings({ name: 'n', roles: [Plain] }), 'OPENWS_ERR_INVALID_OPTION', /not a role/)
  })

  it('invalid and reserved names', () => {
    class H {
      static CONFIG = { handlers: { m: { payload: S.str, from: [Client] } } }
      m() {}
    }
    expectCode(() => bindings({ name: 'bad name', roles: [H] }), 'OPENWS_ERR_INVALID_NAME', /network name "bad name"/)
    expectCode(() => bindings({ name: undefined as never, roles: [H] }), 'OPENWS_ERR_INVALID_NAME')
    class BadRole {
      static CONFIG = { name: '9lives', messages: {} }
    }
    expectCode(() => bindings({ name: 'n', roles: [H, BadRole] }), 'OPENWS_ERR_INVALID_NAME', /role name "9lives"/)
    class Reserved {
      static CONFIG = { messages: { $error: { payload: S.str } } }
    }
    expectCode(() => bindings({ name: 'n', roles: [H, Reserved] }), 'OPENWS_ERR_RESERVED_NAME')
    const Anonymous = (() =>
      class {
        static CONFIG = { messages: {} }
      })()
    expectCode(() => bindings({ name: 'n', roles: [H, Anonymous] }), 'OPENWS_ERR_INVALID_NAME')
  })

  it('missing, malformed and unsupported payloads name the message', () => {
    class NoPayload {
      static CONFIG = { messages: { m: { description: 'x' } } }
    }
    class H {
      static CONFIG = { handlers: { m: { payload: S.str, from: [Client] } } }
      m() {}
    }
    expectCode(() => bindings({ name: 'n', roles: [H, NoPayload] }), 'OPENWS_ERR_INVALID_SCHEMA', /message "m": the message has no payload/)
    class NotJson {
      static CONFIG = { messages: { m: { payload: { type: 'string', pattern: /x/ } } } }
    }
    expectCode(() => bindings({ name: 'n', roles: [H, NotJson] }), 'OPENWS_ERR_INVALID_SCHEMA', /role "notJson", message "m"/)
    class Unsupported {
      static CONFIG = { messages: { m: { payload: { type: 'string', if: {} } } } }
    }
    expectCode(() => bindings({ name: 'n', roles: [H, Unsupported] }), 'OPENWS_ERR_UNSUPPORTED_KEYWORD')
  })

  it('bad descriptions and endpoints', () => {
    class H {
      static CONFIG = { description: 5, handlers: {} }
    }
    expectCode(() => bindings({ name: 'n', roles: [H] }), 'OPENWS_ERR_INVALID_OPTION', /description must be a string/)
    for (const endpoints of [
      'ws://x',
      [{ host: 'x', port: 0, path: '/' }],
      [{ host: '', port: 1, path: '/' }],
      [{ host: 'x', port: 1 }],
      [null],
    ]) {
      class E {
        static CONFIG = { endpoints, handlers: {} }
      }
      expectCode(() => bindings({ name: 'n', roles: [E] }), 'OPENWS_ERR_INVALID_OPTION', /endpoint/)
    }
  })

  it('hostile objects (throwing getters, proxies) give a coded error, not a raw crash', () => {
    class Getter {
      static CONFIG = {
        get messages(): never {
          throw new TypeError('boom')
        },
      }
    }
    class H {
      static CONFIG = { handlers: { m: { payload: S.str, from: [Getter] } } }
      m() {}
    }
    expectCode(() => bindings({ name: 'n', roles: [H] }), 'OPENWS_ERR_INVALID_OPTION', /boom/)
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap')
        },
      },
    )
    class P {
      static CONFIG = { messages: trap }
    }
    expectCode(() => bindings({ name: 'n', roles: [H, P] }), 'OPENWS_ERR_INVALID_OPTION')
    const badEndpoint = {
      kind: 'openws.endpoint',
      valueOf: () => {
        throw new Error('nope')
      },
    }
    class E {
      static CONFIG = { endpoints: [badEndpoint], handlers: {} }
    }
    expectCode(() => bindings({ name: 'n', roles: [E] }), 'OPENWS_ERR_INVALID_OPTION', /nope/)
  })
})
