// Type tests for a shared contract: the client's Api of the server comes from the contract's
// `handlers`, and a role implementation that `implements Handlers<typeof Role>` has its
// parameters checked against the schemas.
import { describe, expectTypeOf, it } from 'vitest'
import { bindings, type Api, type Handlers, type Payload } from '../../src/runtime/contract/class/index'
import { S } from '../../src/runtime/schema/index'

class Client {
  static CONFIG = { name: 'client', messages: { joinedRoom: { payload: S.obj({ joinerId: S.str, roomId: S.str }) } } }
}
class Server {
  static CONFIG = {
    name: 'server',
    handlers: {
      createRoom: { payload: S.obj({ userId: S.str, roomId: S.str }), from: [Client] },
      ping: { payload: S.num },
    },
  }
}

describe('shared contract types', () => {
  it('Api<typeof Server> is typed from the contract handlers (the client side)', () => {
    expectTypeOf<Api<typeof Server>>().toEqualTypeOf<{
      createRoom: (payload: { userId: string; roomId: string }) => Promise<void>
      ping: (payload: number) => Promise<void>
    }>()
    const api = {} as Api<typeof Server>
    // @ts-expect-error the server accepts no such message
    void api.createRom({ userId: 'a', roomId: 'r' })
    // @ts-expect-error roomId is required
    void api.createRoom({ userId: 'a' })
  })

  it('a subclass of a contract class keeps its Api', () => {
    class ServerImpl extends Server {
      createRoom(_p: Payload<typeof Server, 'createRoom'>, _api: Api<typeof Client>) {}
      ping(_n: number) {}
    }
    expectTypeOf<Api<typeof ServerImpl>>().toEqualTypeOf<Api<typeof Server>>()
    expectTypeOf<Payload<typeof Server, 'createRoom'>>().toEqualTypeOf<{ userId: string; roomId: string }>()
  })

  it('implements Handlers<typeof Role>: a wrong parameter type or a missing handler is an error', () => {
    class Good extends Server implements Handlers<typeof Server> {
      async createRoom({ userId, roomId }: { userId: string; roomId: string }, api: Api<typeof Client>) {
        await api.joinedRoom({ joinerId: userId, roomId })
      }
      ping(_n: number) {}
    }
    class WrongPayload extends Server implements Handlers<typeof Server> {
      // @ts-expect-error createRoom's payload has userId: string
      createRoom(_p: { userId: number; roomId: string }) {}
      ping(_n: number) {}
    }
    // @ts-expect-error ping is not implemented
    class Missing extends Server implements Handlers<typeof Server> {
      createRoom(_p: { userId: string; roomId: string }) {}
    }
    class Client2 extends Client implements Handlers<typeof Client> {
      joinedRoom(_p: { joinerId: string; roomId: string }) {}
    }
    void [Good, WrongPayload, Missing, Client2]
  })
})

describe('bindings() checks handler payload parameters against the schemas', () => {
  it('accepts matching, wider and untyped parameters; refuses a parameter the payload does not fit', () => {
    class Good extends Server {
      createRoom(_p: { userId: string; roomId: string }) {}
      ping(_n: number | string) {}
    }
    class Narrow extends Server {
      createRoom(_p: { userId: string }) {}
      ping() {}
    }
    class Wrong extends Server {
      createRoom(_p: { userId: number; roomId: string }) {}
      ping(_n: number) {}
    }
    bindings({ name: 'chat', roles: [Good, Client] })
    bindings({ name: 'chat', roles: [Narrow, Client] })
    // @ts-expect-error createRoom takes userId: number, the schema says string
    bindings({ name: 'chat', roles: [Wrong, Client] })
  })
})
