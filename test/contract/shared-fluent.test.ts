// bindings(network, { host }): one fluent network (a shared contract module) hosted from either end.
import { describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { S } from '../../src/runtime/schema/index'
import { message, network, role } from '../../src/runtime/spec/index'

const chat = () =>
  network('chat')
    .role(
      role('server')
        .asHost()
        .message(
          message('createRoom')
            .payload(S.obj({ roomId: S.str }))
            .from('client'),
        ),
    )
    .role(role('client').message(message('joinedRoom').payload(S.obj({ roomId: S.str }))))

describe('fluent bindings with { host }', () => {
  it('hosts the named role, whichever role the network marks', () => {
    const binder = bindings(chat(), { host: 'client' })
    expect(binder.hostRole).toBe('client')
    expect(binder.network.roles.server['x-openws-host']).toBeUndefined()
    expect(Object.keys(binder.fromRoles)).toEqual(['server'])
    expect(bindings(chat(), { host: 'server' }).hostRole).toBe('server')
    expect(bindings(chat(), {}).hostRole).toBe('server')
  })

  it('refuses a host that is not a role, unknown options and a non-object', () => {
    expect(() => bindings(chat(), { host: 'nobody' as never })).toThrow(
      expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION', message: expect.stringContaining('"host" must name a role') }),
    )
    expect(() => bindings(chat(), { hots: 'client' } as never)).toThrow(
      expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION', message: expect.stringContaining('unknown option "hots"') }),
    )
    expect(() => bindings(chat(), 5 as never)).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
  })
})
