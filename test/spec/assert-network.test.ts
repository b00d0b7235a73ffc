import { describe, expect, it } from 'vitest'
import { isOpenWsError, type OpenWsError } from '../../src/runtime/openws-error'
import type { NetworkIR } from '../../src/runtime/ir/types'
import { assertNetwork, message, network, role, spec } from '../../src/runtime/spec/index'

function ir(): NetworkIR {
  return {
    name: 'chat',
    roles: {
      server: {
        'x-openws-host': true,
        messages: {
          createRoom: { payload: { type: 'object', properties: { roomId: { type: 'string' } } }, from: ['client'] },
          sendMessage: { payload: true, from: ['client', 'portal'] },
        },
      },
      client: { messages: { joined: { payload: { type: 'string' } } } },
      portal: { messages: {} },
    },
  }
}

function failure(fn: () => unknown): OpenWsError {
  try {
    fn()
  } catch (e) {
    if (isOpenWsError(e)) return e
    throw e
  }
  throw new Error('expected a throw')
}

describe('assertNetwork', () => {
  it('accepts a well-formed network, with or without requiring a host', () => {
    expect(() => assertNetwork(ir(), { requireHost: true })).not.toThrow()
    expect(() => assertNetwork(ir(), { requireHost: false })).not.toThrow()
  })

  it('OPENWS_ERR_UNKNOWN_FROM_ROLE: from names a role the network lacks', () => {
    const n = ir()
    n.roles.server.messages.createRoom.from = ['client', 'admin']
    const e = failure(() => assertNetwork(n, { requireHost: true }))
    expect(e.code).toBe('OPENWS_ERR_UNKNOWN_FROM_ROLE')
    expect(e.message).toContain('network "chat", role "server", message "createRoom"')
    expect(e.message).toContain('"admin"')
    expect(e.message).toContain('client, portal')
    expect(e.network).toBe('chat')
    expect(e.role).toBe('server')
    expect(e.messageName).toBe('createRoom')
  })

  it('OPENWS_ERR_NO_HOST_ROLE: no host when one is required', () => {
    const n = ir()
    delete n.roles.server['x-openws-host']
    expect(() => assertNetwork(n, { requireHost: false })).not.toThrow()
    const e = failure(() => assertNetwork(n, { requireHost: true }))
    expect(e.code).toBe('OPENWS_ERR_NO_HOST_ROLE')
    expect(e.message).toContain('.asHost()')
  })

  it('OPENWS_ERR_NO_HOST_ROLE: two hosts', () => {
    const n = ir()
    n.roles.client['x-openws-host'] = true
    const e = failure(() => assertNetwork(n, { requireHost: true }))
    expect(e.code).toBe('OPENWS_ERR_NO_HOST_ROLE')
    expect(e.message).toContain('"server", "client"')
  })

  it('a host mark that is not exactly true does not count', () => {
    const n = ir()
    n.roles.server['x-openws-host'] = 'yes' as never
    expect(failure(() => assertNetwork(n, { requireHost: true })).code).toBe('OPENWS_ERR_NO_HOST_ROLE')
  })

  it('OPENWS_ERR_RESERVED_NAME: message names starting with $', () => {
    const n = ir()
    n.roles.client.messages.$error = { payload: true }
    const e = failure(() => assertNetwork(n, { requireHost: true }))
    expect(e.code).toBe('OPENWS_ERR_RESERVED_NAME')
    expect(e.message).toContain('role "client", message "$error"')
  })

  it('OPENWS_ERR_INVALID_NAME: network, role and message names', () => {
    expect(failure(() => assertNetwork({ ...ir(), name: 'chat room' }, { requireHost: true })).code).toBe('OPENWS_ERR_INVALID_NAME')
    const badRole = ir()
    badRole.roles['bad role'] = { messages: {} }
    const e1 = failure(() => assertNetwork(badRole, { requireHost: true }))
    expect(e1.code).toBe('OPENWS_ERR_INVALID_NAME')
    expect(e1.message).toContain('role "bad role"')
    const badMessage = ir()
    badMessage.roles.portal.messages['9lives'] = { payload: true }
    const e2 = failure(() => assertNetwork(badMessage, { requireHost: true }))
    expect(e2.code).toBe('OPENWS_ERR_INVALID_NAME')
    expect(e2.message).toContain('message "9lives"')
  })

  it('networkName overrides the IR name in messages and checks', () => {
    const n = ir()
    n.roles.server.messages.createRoom.from = ['nobody']
    const e = failure(() => assertNetwork(n, { requireHost: true, networkName: 'other' }))
    expect(e.message).toContain('network "other"')
  })

  it('OPENWS_ERR_UNSUPPORTED_KEYWORD: a payload keyword outside the subset', () => {
    const n = ir()
    n.roles.client.messages.joined.payload = { type: 'object', if: { type: 'object' }, then: {} }
    const e = failure(() => assertNetwork(n, { requireHost: true }))
    expect(e.code).toBe('OPENWS_ERR_UNSUPPORTED_KEYWORD')
    expect(e.message).toContain('network "chat", role "client", message "joined"')
    expect(e.message).toContain('"if"')
  })

  it('OPENWS_ERR_INVALID_SCHEMA: a malformed payload', () => {
    const n = ir()
    n.roles.client.messages.joined.payload = { type: 'text' }
    const e = failure(() => assertNetwork(n, { requireHost: true }))
    expect(e.code).toBe('OPENWS_ERR_INVALID_SCHEMA')
    expect(e.message).toContain('message "joined"')
  })

  it('OPENWS_ERR_INVALID_SCHEMA: a missing payload', () => {
    const n = ir()
    delete (n.roles.client.messages.joined as { payload?: unknown }).payload
    const e = failure(() => assertNetwork(n, { requireHost: true }))
    expect(e.code).toBe('OPENWS_ERR_INVALID_SCHEMA')
    expect(e.message).toContain('.payload(schema)')
  })

  it('OPENWS_ERR_INVALID_SPEC: structural garbage never crashes', () => {
    const bad: unknown[] = [
      null,
      'chat',
      { name: 'chat' },
      { name: 'chat', roles: {} },
      { name: 'chat', roles: { a: null } },
      { name: 'chat', roles: { a: { messages: [] } } },
      { name: 'chat', roles: { a: { messages: { m: 1 } } } },
      { name: 'chat', roles: { a: { messages: { m: { payload: true, from: 'a' } } } } },
    ]
    for (const value of bad) {
      expect(failure(() => assertNetwork(value as NetworkIR, { requireHost: false })).code).toBe('OPENWS_ERR_INVALID_SPEC')
    }
  })

  it('OPENWS_ERR_DUPLICATE_MESSAGE and OPENWS_ERR_DUPLICATE_ROLE come from the builders', () => {
    const r = role('server').message(message('a').payload(true))
    expect(failure(() => r.message(message('a').payload(true))).code).toBe('OPENWS_ERR_DUPLICATE_MESSAGE')
    const n = network('chat').role(role('a'))
    expect(failure(() => n.role(role('a').asHost())).code).toBe('OPENWS_ERR_DUPLICATE_ROLE')
  })
})

describe('spec.assertValid', () => {
  it('returns the builder when valid, without requiring a host', () => {
    const s = spec('0.0.2').network(network('chat').role(role('a').message(message('m').payload(true))))
    expect(s.assertValid()).toBe(s)
  })
  it('reports schema problems first', () => {
    const s = spec('0.0.2')
    expect(failure(() => s.assertValid()).code).toBe('OPENWS_ERR_INVALID_SPEC')
    const noPayload = spec('0.0.2').network(network('chat').role(role('a').message(message('m'))))
    const e = failure(() => noPayload.assertValid())
    expect(e.code).toBe('OPENWS_ERR_INVALID_SPEC')
    expect(e.message).toContain('network "chat", role "a", message "m": payload is required')
  })
  it('then semantic problems', () => {
    const s = spec('0.0.2').network(network('chat').role(role('a').message(message('m').payload(true).from('ghost'))))
    const e = failure(() => s.assertValid())
    expect(e.code).toBe('OPENWS_ERR_UNKNOWN_FROM_ROLE')
    const unsupported = spec('0.0.2').network(
      network('chat').role(role('a').message(message('m').payload({ type: 'string', contentEncoding: 'base64' }))),
    )
    expect(failure(() => unsupported.assertValid()).code).toBe('OPENWS_ERR_UNSUPPORTED_KEYWORD')
  })
})
