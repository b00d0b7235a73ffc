// The client's API to the server is typed by the server role class, as handlers' `api` is.
import { expectTypeOf, test } from 'vitest'
import { connect, type OpenWsClient } from '../../src/runtime/adapters/client/index'
import type { Api } from '../../src/runtime/entries/index'
import type { BindingsCore } from '../../src/runtime/contract/types'

declare class Server {
  createRoom(payload: { userId: string; roomId: string }, api: unknown): Promise<void>
}
declare const binder: BindingsCore

test('connect<Api<typeof Server>> types client.api', () => {
  const client = connect<Api<typeof Server>>({ bindings: binder, url: 'ws://localhost/chat/client' })
  expectTypeOf(client).toEqualTypeOf<OpenWsClient<Api<typeof Server>>>()
  expectTypeOf(client.api.createRoom).parameter(0).toEqualTypeOf<{ userId: string; roomId: string }>()
  // @ts-expect-error not a server message
  client.api.joinedRoom({})
  client.on('close', (event) => expectTypeOf(event.reconnecting).toBeBoolean())
})
