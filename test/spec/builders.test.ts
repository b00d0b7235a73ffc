import { describe, expect, it } from 'vitest'
import { S } from '../../src/runtime/schema/index'
import { endpoint, message, network, role, spec } from '../../src/runtime/spec/index'
import { isOpenWsError, type OpenWsError } from '../../src/runtime/openws-error'

function thrown(fn: () => unknown): OpenWsError {
  try {
    fn()
  } catch (e) {
    if (isOpenWsError(e)) return e
    throw e
  }
  throw new Error('expected a throw')
}

describe('endpoint', () => {
  it('writes scheme, host, port, path', () => {
    expect(endpoint('ws', 'localhost', 8082, '/chat').valueOf()).toEqual({ scheme: 'ws', host: 'localhost', port: 8082, path: '/chat' })
  })
  it('omits an undefined scheme and keeps metadata and description', () => {
    const e = endpoint(undefined, 'h', 1, '/').desc('main').metadata('region', 'eu')
    expect(e.valueOf()).toEqual({ host: 'h', port: 1, path: '/', description: 'main', 'x-region': 'eu' })
  })
})

describe('message', () => {
  it('stores an S payload as plain JSON Schema', () => {
    const m = message('createRoom')
      .payload(S.obj({ userId: S.str, roomId: S.str }))
      .desc('A room creation request')
    expect(m.name).toBe('createRoom')
    expect(m.valueOf()).toEqual({
      payload: {
        type: 'object',
        properties: { userId: { type: 'string' }, roomId: { type: 'string' } },
        required: ['userId', 'roomId'],
        additionalProperties: false,
      },
      description: 'A room creation request',
    })
  })
  it('copies a plain JSON Schema payload, so later changes do not leak in', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } }
    const m = message('m').payload(schema)
    schema.properties.a.type = 'number'
    expect(m.valueOf().payload).toEqual({ type: 'object', properties: { a: { type: 'string' } } })
  })
  it('accepts boolean payloads', () => {
    expect(message('ping').payload(true).valueOf()).toEqual({ payload: true })
  })
  it('from() takes role names and role builders, appends and ignores repeats', () => {
    const client = role('client')
    const m = message('x').payload(true).from('portal', client).from('client')
    expect(m.valueOf()).toEqual({ payload: true, from: ['portal', 'client'] })
  })
  it('has no from field unless from() was called', () => {
    expect('from' in message('x').payload(true).valueOf()).toBe(false)
  })
  it('prefixes metadata keys with x- once', () => {
    const m = message('x').payload(true).metadata('a', 1).metadata('x-b', 2)
    expect(m.valueOf()).toEqual({ payload: true, 'x-a': 1, 'x-b': 2 })
  })
  it('valueOf gives a fresh object every time', () => {
    const m = message('x').payload({ type: 'object' })
    const a = m.valueOf()
    ;(a.payload as Record<string, unknown>).type = 'string'
    a.description = 'mutated'
    expect(m.valueOf()).toEqual({ payload: { type: 'object' } })
    expect(m.toJson()).toEqual(m.valueOf())
    expect(JSON.parse(JSON.stringify(m))).toEqual(m.valueOf())
  })
  it('rejects reserved and invalid names', () => {
    expect(thrown(() => message('$error')).code).toBe('OPENWS_ERR_RESERVED_NAME')
    expect(thrown(() => message('bad name')).code).toBe('OPENWS_ERR_INVALID_NAME')
    expect(thrown(() => message('trailing-')).code).toBe('OPENWS_ERR_INVALID_NAME')
    expect(thrown(() => message(42 as never)).code).toBe('OPENWS_ERR_INVALID_NAME')
  })
  it('rejects payloads that are not schemas', () => {
    expect(thrown(() => message('m').payload(42 as never)).code).toBe('OPENWS_ERR_INVALID_SCHEMA')
    expect(thrown(() => message('m').payload(null as never)).code).toBe('OPENWS_ERR_INVALID_SCHEMA')
    expect(thrown(() => message('m').payload('string' as never)).code).toBe('OPENWS_ERR_INVALID_SCHEMA')
  })
  it('rejects bad from entries', () => {
    expect(thrown(() => message('m').from('bad role' as never)).code).toBe('OPENWS_ERR_INVALID_NAME')
    expect(thrown(() => message('m').from(null as never)).code).toBe('OPENWS_ERR_INVALID_NAME')
  })
  it('treats __proto__ keys in payloads as data', () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}')
    const out = message('m').payload(schema).valueOf()
    expect(Object.keys((out.payload as { properties: object }).properties)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf((out.payload as { properties: object }).properties)).toBe(Object.prototype)
  })
})

describe('role', () => {
  it('builds messages, endpoints, description and the host mark', () => {
    const r = role('server')
      .asHost()
      .desc('A server role')
      .endpoint(endpoint('ws', 'localhost', 8082, '/chat'))
      .endpoint({ host: 'example.com', port: 443, path: '/ws', scheme: 'wss' })
      .message(message('createRoom').payload(S.obj({ roomId: S.str })))
      .message(message('ping').payload(true).from('client'))
    expect(r.isHost).toBe(true)
    expect(r.valueOf()).toEqual({
      'x-openws-host': true,
      description: 'A server role',
      endpoints: [
        { scheme: 'ws', host: 'localhost', port: 8082, path: '/chat' },
        { host: 'example.com', port: 443, path: '/ws', scheme: 'wss' },
      ],
      messages: {
        createRoom: {
          payload: { type: 'object', properties: { roomId: { type: 'string' } }, required: ['roomId'], additionalProperties: false },
        },
        ping: { payload: true, from: ['client'] },
      },
    })
  })
  it('a bare role has messages {} and no endpoints or host mark', () => {
    const r = role('client')
    expect(r.isHost).toBe(false)
    expect(r.valueOf()).toEqual({ messages: {} })
  })
  it('detects a message added twice', () => {
    const r = role('server').message(message('a').payload(true))
    const e = thrown(() => r.message(message('a').payload(false)))
    expect(e.code).toBe('OPENWS_ERR_DUPLICATE_MESSAGE')
    expect(e.message).toContain('role "server"')
    expect(e.message).toContain('message "a"')
  })
  it('rejects things that are not builders', () => {
    expect(thrown(() => role('r').message({ name: 'x' } as never)).code).toBe('OPENWS_ERR_INVALID_SPEC')
    expect(thrown(() => role('r').endpoint('ws://x' as never)).code).toBe('OPENWS_ERR_INVALID_SPEC')
    expect(thrown(() => role('1r')).code).toBe('OPENWS_ERR_INVALID_NAME')
  })
  it('metadata keys get the x- prefix', () => {
    expect(role('r').metadata('owner', 'team').valueOf()).toEqual({ 'x-owner': 'team', messages: {} })
  })
  it('message names like __proto__ stay data', () => {
    // __proto__ is not a valid key name, so use constructor which is
    const r = role('r').message(message('constructor').payload(true))
    expect(Object.keys(r.valueOf().messages)).toEqual(['constructor'])
  })
})

describe('network', () => {
  it('valueOf gives the NetworkIR with its name', () => {
    const n = network('chat')
      .role(role('server').asHost().message(message('hello').payload(true)))
      .role(role('client'))
      .desc('A chat network')
      .metadata('team', 'x')
    expect(n.valueOf()).toEqual({
      name: 'chat',
      description: 'A chat network',
      'x-team': 'x',
      roles: {
        server: { 'x-openws-host': true, messages: { hello: { payload: true } } },
        client: { messages: {} },
      },
    })
    expect(n.toDoc()).toEqual({ description: 'A chat network', 'x-team': 'x', roles: n.valueOf().roles })
  })
  it('detects a role added twice', () => {
    const n = network('chat').role(role('a'))
    const e = thrown(() => n.role(role('a')))
    expect(e.code).toBe('OPENWS_ERR_DUPLICATE_ROLE')
    expect(e.message).toContain('network "chat"')
    expect(e.message).toContain('role "a"')
  })
  it('rejects non-builders and bad names', () => {
    expect(thrown(() => network('chat').role({ name: 'x' } as never)).code).toBe('OPENWS_ERR_INVALID_SPEC')
    expect(thrown(() => network('chat room')).code).toBe('OPENWS_ERR_INVALID_NAME')
  })
})

describe('spec', () => {
  const chat = () =>
    network('chat')
      .role(role('server').asHost().message(message('hello').payload(true).from('client')))
      .role(role('client').message(message('welcome').payload(S.obj({ text: S.str }))))

  it('builds the full document', () => {
    const doc = spec('0.0.1', 'Chat Example').version('1.2.3').desc('Docs').metadata('a', 1).network(chat()).valueOf()
    expect(doc).toEqual({
      openws: '0.0.1',
      title: 'Chat Example',
      version: '1.2.3',
      description: 'Docs',
      'x-a': 1,
      networks: {
        chat: {
          roles: {
            server: { 'x-openws-host': true, messages: { hello: { payload: true, from: ['client'] } } },
            client: {
              messages: {
                welcome: {
                  payload: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'], additionalProperties: false },
                },
              },
            },
          },
        },
      },
    })
  })
  it('title() sets and replaces the title', () => {
    expect(spec('0.0.2').title('T').network(chat()).valueOf().title).toBe('T')
    expect(spec('0.0.2', 'A').title('B').valueOf().title).toBe('B')
    expect('title' in spec('0.0.2').valueOf()).toBe(false)
  })
  it('accepts a plain NetworkIR (binder.network) and drops its name field', () => {
    const ir = chat().valueOf()
    const doc = spec('0.0.2').network(ir).valueOf()
    expect(doc).toEqual({ openws: '0.0.2', networks: { chat: chat().toDoc() } })
    // copied: changing the IR afterwards does not change the spec
    ir.roles.server.description = 'changed'
    expect(spec('0.0.2').network(chat().valueOf()).valueOf().networks.chat.roles.server.description).toBeUndefined()
  })
  it('rejects an unknown openws version and a network added twice', () => {
    expect(thrown(() => spec('1.0.0' as never)).code).toBe('OPENWS_ERR_INVALID_SPEC')
    const e = thrown(() => spec('0.0.2').network(chat()).network(chat().valueOf()))
    expect(e.code).toBe('OPENWS_ERR_INVALID_SPEC')
    expect(e.message).toContain('network "chat"')
  })
  it('rejects hostile network arguments without crashing', () => {
    expect(thrown(() => spec('0.0.2').network(null as never)).code).toBe('OPENWS_ERR_INVALID_SPEC')
    expect(thrown(() => spec('0.0.2').network({ name: 'n', roles: { r: 5 } } as never)).code).toBe('OPENWS_ERR_INVALID_SPEC')
    expect(thrown(() => spec('0.0.2').network({ name: 'bad name', roles: {} } as never)).code).toBe('OPENWS_ERR_INVALID_NAME')
    expect(thrown(() => spec('0.0.2').network({ name: 'n', roles: { r: { messages: { m: null } } } } as never)).code).toBe(
      'OPENWS_ERR_INVALID_SPEC',
    )
  })
})

describe('builders from another copy of the module', () => {
  it('are recognised by their kind brand, not instanceof', () => {
    // what a role builder from a second bundle (e.g. CJS openws/fluent next to openws/spec) looks like
    const foreignRole = { kind: 'openws.role', name: 'client', fields: {}, valueOf: () => ({ messages: { m: { payload: true } } }) }
    const n = network('chat').role(foreignRole as never)
    expect(n.valueOf().roles.client).toEqual({ messages: { m: { payload: true } } })
    const foreignMessage = { kind: 'openws.message', name: 'm', fields: {}, valueOf: () => ({ payload: false }) }
    expect(
      role('r')
        .message(foreignMessage as never)
        .valueOf(),
    ).toEqual({ messages: { m: { payload: false } } })
    // a brand alone is not enough
    expect(thrown(() => role('r').message({ kind: 'openws.message', name: 'm' } as never)).code).toBe('OPENWS_ERR_INVALID_SPEC')
  })
})

describe('hostile metadata', () => {
  it('copies metadata at the call, so later changes do not leak in', () => {
    const value = { a: [1] }
    const r = role('r').metadata('k', value)
    value.a.push(2)
    expect(r.valueOf()['x-k']).toEqual({ a: [1] })
  })
  it('refuses cyclic data with a coded error instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(thrown(() => role('r').metadata('k', cyclic)).code).toBe('OPENWS_ERR_INVALID_SPEC')
    expect(thrown(() => message('m').payload(cyclic)).code).toBe('OPENWS_ERR_INVALID_SCHEMA')
  })
  it('rejects empty or non-string metadata keys', () => {
    expect(thrown(() => role('r').metadata('', 1)).code).toBe('OPENWS_ERR_INVALID_OPTION')
    expect(thrown(() => role('r').metadata(5 as never, 1)).code).toBe('OPENWS_ERR_INVALID_OPTION')
  })
})
