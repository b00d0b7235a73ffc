import { describe, expectTypeOf, it } from 'vitest'
import { S } from '../../src/runtime/schema/index'
import {
  fromJson,
  message,
  network,
  role,
  spec,
  type HostRoleName,
  type HostRoleOf,
  type IsHostRole,
  type MessageBuilder,
  type MessageName,
  type MessagePayload,
  type NetworkBuilder,
  type NetworkName,
  type NetworkRoles,
  type RemoteRolesOf,
  type RoleBuilder,
  type RoleMessages,
  type RoleName,
  type SpecBuilder,
} from '../../src/runtime/spec/index'

type Room = { userId: string; roomId: string }
type Text = { userId: string; roomId: string; text: string }

const createRoom = message('createRoom').payload(S.obj({ userId: S.str, roomId: S.str }))
const sendMessage = message('sendMessage')
  .payload(S.obj({ userId: S.str, roomId: S.str, text: S.str }))
  .desc('d')
const server = role('server').asHost().message(createRoom).message(sendMessage)
const client = role('client')
  .desc('c')
  .message(message('joinedRoom').payload(S.obj({ roomId: S.str })))
const chat = network('chat').role(server).role(client).desc('A chat network')

describe('message types', () => {
  it('carries the literal name and the payload type', () => {
    expectTypeOf(createRoom).toEqualTypeOf<MessageBuilder<'createRoom', Room>>()
    expectTypeOf<MessageName<typeof createRoom>>().toEqualTypeOf<'createRoom'>()
    expectTypeOf<MessagePayload<typeof sendMessage>>().toEqualTypeOf<Text>()
  })
  it('a message without payload is unknown; a plain JSON Schema payload is unknown', () => {
    expectTypeOf(message('ping')).toEqualTypeOf<MessageBuilder<'ping', unknown>>()
    expectTypeOf<MessagePayload<ReturnType<typeof plain>>>().toEqualTypeOf<unknown>()
    function plain() {
      return message('p').payload({ type: 'object' })
    }
  })
  it('from() and desc() keep the type', () => {
    expectTypeOf(createRoom.from('client').desc('x')).toEqualTypeOf<MessageBuilder<'createRoom', Room>>()
  })
  it('distinguishes names and payloads', () => {
    expectTypeOf<MessageBuilder<'a', Room>>().not.toEqualTypeOf<MessageBuilder<'b', Room>>()
    expectTypeOf<MessageBuilder<'a', Room>>().not.toEqualTypeOf<MessageBuilder<'a', Text>>()
  })
})

describe('role types', () => {
  it('accumulates messages and the host mark', () => {
    expectTypeOf(server).toEqualTypeOf<RoleBuilder<'server', { createRoom: Room; sendMessage: Text }, true>>()
    expectTypeOf(role('x')).toEqualTypeOf<RoleBuilder<'x', {}, false>>()
    expectTypeOf<RoleName<typeof server>>().toEqualTypeOf<'server'>()
    expectTypeOf<RoleMessages<typeof server>>().toEqualTypeOf<{ createRoom: Room; sendMessage: Text }>()
    expectTypeOf<IsHostRole<typeof server>>().toEqualTypeOf<true>()
    expectTypeOf<IsHostRole<typeof client>>().toEqualTypeOf<false>()
  })
  it('asHost after messages keeps them', () => {
    const r = role('s').message(createRoom).asHost().desc('x').metadata('a', 1)
    expectTypeOf(r).toEqualTypeOf<RoleBuilder<'s', { createRoom: Room }, true>>()
  })
  it('only takes message builders', () => {
    // @ts-expect-error a plain object is not a message builder
    role('s').message({ name: 'x' })
  })
})

describe('network types', () => {
  it('maps role names to role builders', () => {
    expectTypeOf(chat).toEqualTypeOf<
      NetworkBuilder<
        'chat',
        {
          server: RoleBuilder<'server', { createRoom: Room; sendMessage: Text }, true>
          client: RoleBuilder<'client', { joinedRoom: { roomId: string } }, false>
        }
      >
    >()
    expectTypeOf<NetworkName<typeof chat>>().toEqualTypeOf<'chat'>()
    expectTypeOf<keyof NetworkRoles<typeof chat>>().toEqualTypeOf<'server' | 'client'>()
  })
  it('finds the host role and the remote roles', () => {
    expectTypeOf<HostRoleName<typeof chat>>().toEqualTypeOf<'server'>()
    expectTypeOf<HostRoleOf<typeof chat>>().toEqualTypeOf<typeof server>()
    expectTypeOf<RemoteRolesOf<typeof chat>>().toEqualTypeOf<{ client: typeof client }>()
    expectTypeOf<RoleMessages<RemoteRolesOf<typeof chat>['client']>>().toEqualTypeOf<{ joinedRoom: { roomId: string } }>()
  })
  it('a network without host has HostRoleName never and every role remote', () => {
    const n = network('n').role(client)
    expectTypeOf<HostRoleName<typeof n>>().toEqualTypeOf<never>()
    expectTypeOf<keyof RemoteRolesOf<typeof n>>().toEqualTypeOf<'client'>()
  })
  it('valueOf gives the IR', () => {
    expectTypeOf(chat.valueOf().name).toEqualTypeOf<string>()
  })
})

describe('spec types', () => {
  it('valueOf gives an OpenWS document', () => {
    const doc = spec('0.0.2').network(chat).valueOf()
    expectTypeOf(doc.openws).toEqualTypeOf<'0.0.1' | '0.0.2'>()
    // @ts-expect-error only known versions
    spec('1.0')
  })
  it('accumulates networks by name', () => {
    const s = spec('0.0.2').network(chat).title('t').version('1')
    expectTypeOf(s).toEqualTypeOf<SpecBuilder<{ chat: typeof chat }>>()
  })
  it('accepts a NetworkIR', () => {
    spec('0.0.2').network(chat.valueOf())
  })
  it('fromJson gives builders of unknown shape', () => {
    const n = [...fromJson({}).networks.values()][0]
    expectTypeOf(n.name).toEqualTypeOf<string>()
  })
})
