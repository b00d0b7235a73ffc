// Type tests for request/reply: `await api.x()` is the reply's type for a message with a `reply`
// schema (and void without one), and a handler returning the wrong type is a compile error.
import { describe, expectTypeOf, it } from 'vitest'
import { bindings, type Api, type Handlers, type Reply, type RequestOptions } from '../../src/runtime/entries/index'
import { S } from '../../src/runtime/schema/index'

class Client {
  static CONFIG = {
    name: 'client',
    messages: { confirm: { payload: S.obj({ q: S.str }), reply: S.obj({ ok: S.bool }) }, note: { payload: S.str } },
  }
}
class Server {
  static CONFIG = {
    name: 'server',
    handlers: { createRoom: { payload: S.obj({ roomId: S.str }), reply: S.obj({ id: S.int }), from: [Client] } },
  }
}

describe('request/reply types', () => {
  it('api.x() of a request resolves to the reply type and takes request options', async () => {
    const api = {} as Api<typeof Server>
    expectTypeOf(api.createRoom).toEqualTypeOf<(payload: { roomId: string }, options?: RequestOptions) => Promise<{ id: number }>>()
    const reply = await api.createRoom({ roomId: 'r' }, { timeoutMs: 1000, signal: new AbortController().signal })
    expectTypeOf(reply).toEqualTypeOf<{ id: number }>()
    expectTypeOf<Reply<typeof Server, 'createRoom'>>().toEqualTypeOf<{ id: number }>()
    // @ts-expect-error timeoutMs is a number
    void api.createRoom({ roomId: 'r' }, { timeoutMs: 'soon' })
  })

  it('a message without a reply stays (payload) => Promise<void>', () => {
    expectTypeOf<Api<typeof Client>['note']>().toEqualTypeOf<(payload: string) => Promise<void>>()
    expectTypeOf<Reply<typeof Client, 'note'>>().toEqualTypeOf<void>()
  })

  it('Handlers<typeof Role>: a handler must return the reply (or a promise of it)', () => {
    class Good extends Server implements Handlers<typeof Server> {
      async createRoom(_p: { roomId: string }) {
        return { id: 1 }
      }
    }
    class Wrong extends Server implements Handlers<typeof Server> {
      // @ts-expect-error the reply's id is a number
      createRoom(_p: { roomId: string }) {
        return { id: 'one' }
      }
    }
    void [Good, Wrong]
  })

  it('bindings({ roles }) rejects a handler whose return type does not fit the reply schema', () => {
    class BadServer extends Server {
      createRoom(_p: { roomId: string }) {
        return { id: 'one' }
      }
    }
    class GoodServer extends Server {
      createRoom(_p: { roomId: string }) {
        return Promise.resolve({ id: 1 })
      }
    }
    // @ts-expect-error createRoom returns { id: string }, the reply schema says { id: number }
    bindings({ name: 'n', roles: [BadServer, Client] })
    bindings({ name: 'n', roles: [GoodServer, Client] })
  })

  it('a decorated stub that returns a value is a request typed by it', () => {
    class Stub {
      async confirm(_: { q: string }): Promise<{ ok: boolean }> {
        return { ok: true }
      }
      async note(_: string) {}
    }
    type A = Api<typeof Stub>
    expectTypeOf<A['confirm']>().toEqualTypeOf<(payload: { q: string }, options?: RequestOptions) => Promise<{ ok: boolean }>>()
    expectTypeOf<A['note']>().toEqualTypeOf<(payload: string) => Promise<void>>()
  })
})

describe('request/reply types (fluent)', () => {
  it('fluent .reply(): api methods of requests resolve to the reply; handlers must return it', async () => {
    const { bindings: fluentBindings } = await import('../../src/runtime/contract/fluent/index')
    const { message, network, role } = await import('../../src/runtime/spec/index')
    const client = role('client')
      .message(
        message('confirm')
          .payload(S.obj({ q: S.str }))
          .reply(S.obj({ ok: S.bool })),
      )
      .message(message('note').payload(S.str))
    const server = role('server')
      .asHost()
      .message(
        message('add')
          .payload(S.obj({ a: S.int }))
          .reply(S.obj({ sum: S.int }))
          .from('client'),
      )
    const binder = fluentBindings(network('n').role(server).role(client))
    binder.fromRoles.client.on('add', async ({ a }, api) => {
      expectTypeOf(api.confirm).toEqualTypeOf<(payload: { q: string }, options?: RequestOptions) => Promise<{ ok: boolean }>>()
      expectTypeOf(api.note).toEqualTypeOf<(payload: string) => Promise<void>>()
      const { ok } = await api.confirm({ q: '?' })
      return { sum: ok ? a : 0 }
    })
    // @ts-expect-error the reply's sum is a number
    binder.fromRoles.client.on('add', () => ({ sum: 'x' }))
  })
})
