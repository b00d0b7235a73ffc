// Class-first (static CONFIG) normalisation: names, from resolution, pick-up, routes.
import { describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/class/index'
import { S } from '../../src/runtime/schema/index'
import { classChat } from './fixtures/chat'

describe('class-first bindings', () => {
  it('routes every allowed sender to the method named like the message, and keeps the host class', () => {
    const { binder, Server } = classChat()
    expect(binder.hostClass).toBe(Server)
    expect(binder.routes).toEqual({
      createRoom: { client: 'createRoom' },
      joinRoom: { client: 'joinRoom' },
      sendMessage: { client: 'sendMessage', portal: 'sendMessage' },
      requestRoomStats: { portal: 'requestRoomStats' },
    })
    expect(Object.isFrozen(binder.routes.sendMessage)).toBe(true)
    expect(binder.lifecycle).toEqual({})
  })

  it('defaults a role name to the class name with a lower-case first letter', () => {
    class ChatUser {
      static CONFIG = { messages: { ping: { payload: S.obj({}) } } }
    }
    class Hub {
      static CONFIG = { handlers: { hello: { payload: { type: 'string' }, from: [ChatUser] } } }
      hello() {}
    }
    const binder = bindings({ name: 'n', roles: [Hub, ChatUser] })
    expect(Object.keys(binder.network.roles)).toEqual(['hub', 'chatUser'])
    expect(binder.hostRole).toBe('hub')
    expect(binder.network.roles.hub.messages.hello).toEqual({ payload: { type: 'string' }, from: ['chatUser'] })
  })

  it('resolves a from class by its configured name, not its class name', () => {
    class BrowserClient {
      static CONFIG = { name: 'client', messages: {} }
    }
    class Server {
      static CONFIG = { name: 'srv', handlers: { go: { payload: S.str, from: [BrowserClient] } } }
      go() {}
    }
    const binder = bindings({ name: 'n', roles: [Server, BrowserClient] })
    expect(binder.network.roles.srv.messages.go.from).toEqual(['client'])
    expect(binder.routes).toEqual({ go: { client: 'go' } })
  })

  it('picks up roles named only in from lists, transitively', () => {
    class Auditor {
      static CONFIG = { messages: {} }
    }
    class Admin {
      static CONFIG = { messages: { audited: { payload: S.str, from: [Auditor] } } }
    }
    class Server {
      static CONFIG = { handlers: { kick: { payload: S.str, from: Admin } } }
      kick() {}
    }
    const binder = bindings({ name: 'n', roles: [Server] })
    expect(Object.keys(binder.network.roles)).toEqual(['server', 'admin', 'auditor'])
    expect(binder.network.roles.admin.messages.audited.from).toEqual(['auditor'])
  })

  it('a handler without from may be sent by every remote role', () => {
    class A {
      static CONFIG = { messages: {} }
    }
    class B {
      static CONFIG = { messages: {} }
    }
    class H {
      static CONFIG = { handlers: { any: { payload: true } } }
      any() {}
    }
    const binder = bindings({ name: 'n', roles: [H, A, B] })
    expect(binder.network.roles.h.messages.any).toEqual({ payload: true })
    expect(binder.routes).toEqual({ any: { a: 'any', b: 'any' } })
  })

  it('keeps descriptions, versions, endpoints, x- extensions and plain JSON Schema payloads', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer', minimum: 0 } }, required: ['n'] }
    class Peer {
      static CONFIG = { version: '2', messages: { tick: { payload: schema, description: 'a tick', 'x-rate': 5 } } }
    }
    class Host {
      static CONFIG = {
        description: 'the host',
        endpoints: [{ host: 'example.com', port: 443, path: '/ws', scheme: 'wss' }],
        'x-owner': 'ops',
        handlers: { tock: { payload: S.int, from: [Peer] } },
      }
      tock() {}
    }
    const binder = bindings({ name: 'clock', description: 'ticks', 'x-team': 'a', roles: [Host, Peer] })
    expect(binder.network).toStrictEqual({
      name: 'clock',
      description: 'ticks',
      'x-team': 'a',
      roles: {
        host: {
          description: 'the host',
          endpoints: [{ host: 'example.com', port: 443, path: '/ws', scheme: 'wss' }],
          messages: { tock: { payload: { type: 'integer' }, from: ['peer'] } },
          'x-owner': 'ops',
          'x-openws-host': true,
        },
        peer: { version: '2', messages: { tick: { payload: schema, description: 'a tick', 'x-rate': 5 } } },
      },
    })
    schema.required.push('later')
    expect(binder.network.roles.peer.messages.tick.payload).toEqual({ ...schema, required: ['n'] })
  })

  it('accepts a role class listed twice and a from list naming a role by string', () => {
    class C {
      static CONFIG = { messages: {} }
    }
    class H {
      static CONFIG = { handlers: { m: { payload: S.str, from: ['c'] } } }
      m() {}
    }
    const binder = bindings({ name: 'n', roles: [H, C, C] })
    expect(binder.routes).toEqual({ m: { c: 'm' } })
  })

  it('finds handler methods inherited from a base class', () => {
    class C {
      static CONFIG = { messages: {} }
    }
    class Base {
      m() {}
    }
    class H extends Base {
      static CONFIG = { handlers: { m: { payload: S.str, from: [C] } } }
    }
    expect(bindings({ name: 'n', roles: [H] }).routes).toEqual({ m: { c: 'm' } })
  })
})
