// The fluent example of the reference README, spec half: builders -> spec -> validate.
import { describe, expect, it } from 'vitest'
import { S } from '../../src/runtime/schema/index'
import * as WS from '../../src/runtime/spec/index'
import { validate } from '../../src/runtime/spec/index'

const clientRole = WS.role('client')
  .desc('A client role')
  .message(
    WS.message('joinedRoom')
      .payload(S.obj({ userId: S.str, roomId: S.str }))
      .desc('A room joined request'),
  )
  .message(
    WS.message('receivedMessage')
      .payload(S.obj({ roomId: S.str, senderId: S.str, text: S.str, sentAt: S.int }))
      .desc('A message received request'),
  )

const portalRole = WS.role('portal')
  .desc('A portal role')
  .message(
    WS.message('receivedRoomStats')
      .payload(S.obj({ roomId: S.str }))
      .desc('A room stats request'),
  )

const serverRole = WS.role('server')
  .asHost()
  .desc('A server role')
  .endpoint(WS.endpoint('ws', 'localhost', 8082, '/chat'))
  .message(
    WS.message('createRoom')
      .payload(S.obj({ userId: S.str, roomId: S.str }))
      .desc('A room creation request'),
  )
  .message(
    WS.message('joinRoom')
      .payload(S.obj({ userId: S.str, roomId: S.str }))
      .desc('A room join request'),
  )
  .message(
    WS.message('sendMessage')
      .payload(S.obj({ userId: S.str, roomId: S.str, text: S.str }))
      .desc('A message send request'),
  )
  .message(
    WS.message('requestRoomStats')
      .payload(S.obj({ roomId: S.str }))
      .desc('A room stats request'),
  )

const network = WS.network('chat').role(serverRole).role(clientRole).role(portalRole).desc('A chat network')

describe('README fluent example', () => {
  it('produces a valid document with every role and message', () => {
    const specJson = WS.spec('0.0.1', 'Chat Example').network(network).valueOf()
    expect(validate(specJson)).toBe(specJson)
    expect(specJson.title).toBe('Chat Example')
    const roles = specJson.networks.chat.roles
    expect(Object.keys(roles)).toEqual(['server', 'client', 'portal'])
    expect(Object.keys(roles.server.messages)).toEqual(['createRoom', 'joinRoom', 'sendMessage', 'requestRoomStats'])
    expect(roles.server['x-openws-host']).toBe(true)
    expect(roles.server.endpoints).toEqual([{ scheme: 'ws', host: 'localhost', port: 8082, path: '/chat' }])
    expect(roles.client.messages.receivedMessage.payload).toMatchObject({ properties: { sentAt: { type: 'integer' } } })
  })

  it('WS.spec(v).network(binder.network).valueOf() gives the same full document', () => {
    const binderNetwork = network.valueOf() // what every style's binder.network is: a NetworkIR
    expect(binderNetwork.name).toBe('chat')
    const fromIr = WS.spec('0.0.2').network(binderNetwork).valueOf()
    const fromBuilder = WS.spec('0.0.2').network(network).valueOf()
    expect(fromIr).toEqual(fromBuilder)
    expect(JSON.stringify(fromIr)).toBe(JSON.stringify(fromBuilder))
    expect(() => WS.spec('0.0.2').network(binderNetwork).assertValid()).not.toThrow()
    expect(() => WS.assertNetwork(binderNetwork, { requireHost: true })).not.toThrow()
    // the bindings object itself is accepted too
    const bindingsLike = { kind: 'openws.bindings', network: binderNetwork } as never
    expect(WS.spec('0.0.2').network(bindingsLike).valueOf()).toEqual(fromBuilder)
  })
})
