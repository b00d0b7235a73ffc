// Type tests: Api/Peer for CONFIG and decorated classes, ApiProto, typed fluent handlers,
// and the payload check of @handler/@message in TC39 mode.
import { describe, expectTypeOf, it } from 'vitest'
import type { Api, ApiProto, Peer } from '../../src/runtime/contract/class/index'
import type { UntypedMessageStub } from '../../src/runtime/contract/shared/api-types'
import * as D from '../../src/runtime/contract/decorator/index'
import * as F from '../../src/runtime/contract/fluent/index'
import { S } from '../../src/runtime/schema/index'
import { fluentNetwork } from './fixtures/chat'

class Client {
  static CONFIG = {
    name: 'client',
    messages: {
      joinedRoom: { payload: S.obj({ joinerId: S.str, roomId: S.str }) },
      note: { payload: { type: 'string' }, description: 'plain JSON Schema: payload is unknown' },
    },
  }
}

class DecoratedClient {
  rooms: string[] = []
  async joinedRoom() {}
  async receivedMessage(_payload: { text: string }) {}
}

describe('Api<typeof Role>', () => {
  it('CONFIG class: one method per message, payload inferred from the schema', () => {
    expectTypeOf<Api<typeof Client>>().toEqualTypeOf<{
      joinedRoom: (payload: { joinerId: string; roomId: string }) => Promise<void>
      note: (payload: unknown) => Promise<void>
    }>()
    expectTypeOf<Peer<typeof Client>>().toEqualTypeOf<Api<typeof Client>>()
  })

  it('CONFIG class: unknown messages and wrong payloads are type errors', () => {
    const api = {} as Api<typeof Client>
    void api.joinedRoom({ joinerId: 'a', roomId: 'r' })
    // @ts-expect-error the client accepts no such message
    void api.createRoom({ userId: 'a', roomId: 'r' })
    // @ts-expect-error joinerId must be a string
    void api.joinedRoom({ joinerId: 1, roomId: 'r' })
    // @ts-expect-error roomId is required
    void api.joinedRoom({ joinerId: 'a' })
    // @ts-expect-error no extra fields
    void api.joinedRoom({ joinerId: 'a', roomId: 'r', extra: true })
  })

  it('decorated class: one method per declared method, payload from the first parameter; a stub without one is uncallable', () => {
    expectTypeOf<Api<typeof DecoratedClient>>().toEqualTypeOf<{
      joinedRoom: (payload: UntypedMessageStub) => Promise<void>
      receivedMessage: (payload: { text: string }) => Promise<void>
    }>()
    const api = {} as Api<typeof DecoratedClient>
    // @ts-expect-error joinedRoom() declares no payload type: not callable (no silent `unknown`)
    void api.joinedRoom({ roomId: 'r' })
    // @ts-expect-error not a method of the role
    void api.rooms([])
    // @ts-expect-error text must be a string
    void api.receivedMessage({ text: 1 })
  })

  it('every typed API is assignable to the loose ApiProto', () => {
    expectTypeOf<Api<typeof Client>>().toMatchTypeOf<ApiProto>()
    expectTypeOf<Api<typeof DecoratedClient>>().toMatchTypeOf<ApiProto>()
    const loose = {} as ApiProto
    void loose.anything({ any: 'payload' })
  })
})

describe('fluent handlers', () => {
  const binder = F.bindings(fluentNetwork())

  it('infers the payload from the message schema and types api by the sender role', () => {
    binder.fromRoles.client.on('createRoom', async (payload, api) => {
      expectTypeOf(payload).toEqualTypeOf<{ userId: string; roomId: string }>()
      expectTypeOf(api.joinedRoom).parameter(0).toEqualTypeOf<{ joinerId: string; roomId: string }>()
      // @ts-expect-error the client does not accept receivedRoomStats
      void api.receivedRoomStats({ roomId: 'r', members: [] })
    })
    binder.fromRoles.portal.on('requestRoomStats', (payload, api) => {
      expectTypeOf(payload).toEqualTypeOf<{ roomId: string }>()
      void api.receivedRoomStats({ roomId: payload.roomId, members: [] })
    })
  })

  it('unknown message names and roles are type errors; the host is not in fromRoles', () => {
    // @ts-expect-error no such host message
    binder.fromRoles.client.on('joinedRoom', () => {})
    // @ts-expect-error no such remote role
    void binder.fromRoles.ghost
    // @ts-expect-error the host does not send to itself
    void binder.fromRoles.server
  })

  it('a handler annotated with ApiProto still fits', () => {
    binder.fromRoles.client.on('joinRoom', async (payload: { userId: string; roomId: string }, api: ApiProto) => {
      await api.joinedRoom({ roomId: payload.roomId, joinerId: payload.userId })
    })
  })

  it('a plain NetworkIR gives loosely typed binders', () => {
    const loose = F.bindings(binder.network)
    loose.fromRoles.anyRole?.on('anything', (payload: { x: number }, api: ApiProto) => api.x(payload))
  })
})

describe('decorator payload check (TC39)', () => {
  it('a handler whose first parameter clashes with the payload schema is a type error', () => {
    class Server {
      @D.handler({ payload: S.obj({ roomId: S.str }), from: Client })
      ok(_p: { roomId: string }, _api: Api<typeof Client>) {}

      // @ts-expect-error roomId is a string in the schema
      @D.handler({ payload: S.obj({ roomId: S.str }), from: Client })
      bad(_p: { roomId: number }) {}
    }
    expectTypeOf<Api<typeof Server>>().toHaveProperty('ok')
  })
})
