// Which role is the host when server and client share contract classes (static CONFIG only) and
// each implements its own role: the implemented class, else the one with handlers, else `host`.
import { describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/class/index'
import { harness } from '../../src/runtime/harness/index'
import { S } from '../../src/runtime/schema/index'

class Client {
  static CONFIG = { name: 'client', messages: { joinedRoom: { payload: S.obj({ roomId: S.str }) } } }
}
class Server {
  static CONFIG = { name: 'server', handlers: { createRoom: { payload: S.obj({ roomId: S.str }), from: [Client] } } }
}

describe('shared contract classes', () => {
  it('a subclass implementing the server role makes the server the host', () => {
    class ServerImpl extends Server {
      async createRoom(p: { roomId: string }, api: any) {
        await api.joinedRoom(p)
      }
    }
    const binder = bindings({ name: 'chat', roles: [ServerImpl, Client] })
    expect(binder.hostRole).toBe('server')
    expect(binder.hostClass).toBe(ServerImpl)
    expect(Object.keys(binder.network.roles)).toEqual(['server', 'client'])
  })

  it('a subclass implementing the client role makes the client the host, though the server declares handlers', async () => {
    const seen: string[] = []
    class ClientImpl extends Client {
      joinedRoom({ roomId }: { roomId: string }) {
        seen.push(roomId)
      }
    }
    const binder = bindings({ name: 'chat', roles: [ClientImpl, Server] })
    expect(binder.hostRole).toBe('client')
    expect(binder.network.roles.client['x-openws-host']).toBe(true)
    expect(binder.network.roles.server['x-openws-host']).toBeUndefined()
    expect(binder.routes).toEqual({ joinedRoom: { server: 'joinedRoom' } })
    const s = harness(binder).connect('server')
    await s.send('joinedRoom', { roomId: 'r1' })
    expect(seen).toEqual(['r1'])
  })

  it('the contract class and its implementation are one role, whichever a from list names', () => {
    class Echo {
      static CONFIG = { name: 'echo', messages: { pong: { payload: S.str, from: [Server] } } }
    }
    class ServerImpl extends Server {
      createRoom() {}
    }
    const binder = bindings({ name: 'chat', roles: [ServerImpl, Client, Echo] })
    expect(Object.keys(binder.network.roles)).toEqual(['server', 'client', 'echo'])
    expect(binder.network.roles.echo.messages.pong.from).toEqual(['server'])
    // the base class listed first, its implementation found later: still one role, the implementation hosts
    const again = bindings({ name: 'chat', roles: [Echo, ServerImpl, Client] })
    expect(again.hostClass).toBe(ServerImpl)
  })

  it('an unnamed contract role takes the contract class name, not the implementation name', () => {
    class Hub {
      static CONFIG = { messages: { hello: { payload: S.str } } }
    }
    class HubImpl extends Hub {
      hello() {}
    }
    class Peer {
      static CONFIG = { messages: {} }
    }
    const binder = bindings({ name: 'n', roles: [HubImpl, Peer] })
    expect(binder.hostRole).toBe('hub')
  })

  it('host: names the role explicitly (a class or a role name)', () => {
    class ServerImpl extends Server {
      createRoom() {}
    }
    class ClientImpl extends Client {
      joinedRoom() {}
    }
    expect(bindings({ name: 'chat', roles: [ServerImpl, ClientImpl], host: ClientImpl }).hostRole).toBe('client')
    expect(bindings({ name: 'chat', roles: [ServerImpl, ClientImpl], host: 'server' }).hostRole).toBe('server')
    expect(() => bindings({ name: 'chat', roles: [ServerImpl, ClientImpl], host: 'nobody' })).toThrow(
      expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION', message: expect.stringContaining('"host"') }),
    )
  })

  it('a role with nothing to implement (it only sends) is named with host:', () => {
    class Sender {
      static CONFIG = { name: 'sender', messages: {} }
    }
    class Hub {
      static CONFIG = { name: 'hub', handlers: { hello: { payload: S.str, from: [Sender] } } }
    }
    const binder = bindings({ name: 'n', roles: [Sender, Hub], host: Sender })
    expect(binder.hostRole).toBe('sender')
    expect(binder.routes).toEqual({})
  })

  it('two implemented roles and no host: option is an error that says how to choose', () => {
    class Other {
      static CONFIG = { name: 'other', handlers: { x: { payload: S.str } } }
    }
    class ServerImpl extends Server {
      createRoom() {}
    }
    class OtherImpl extends Other {
      x() {}
    }
    expect(() => bindings({ name: 'chat', roles: [ServerImpl, OtherImpl, Client] })).toThrow(
      expect.objectContaining({ code: 'OPENWS_ERR_NO_HOST_ROLE', message: expect.stringContaining('host: TheRole') }),
    )
  })

  it('nothing implemented: the role with handlers is the host, and its missing method is reported', () => {
    expect(() => bindings({ name: 'chat', roles: [Server, Client] })).toThrow(
      expect.objectContaining({ code: 'OPENWS_ERR_MISSING_HANDLER' }),
    )
  })
})
