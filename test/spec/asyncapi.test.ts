import { describe, expect, it } from 'vitest'
import { isOpenWsError } from '../../src/runtime/openws-error'
import { S } from '../../src/runtime/schema/index'
import { endpoint, message, network, role, spec, toAsyncApi } from '../../src/runtime/spec/index'

const chat = network('chat')
  .desc('A chat network')
  .role(
    role('server')
      .asHost()
      .endpoint(endpoint('ws', 'localhost', 8082, '/chat'))
      .message(
        message('createRoom')
          .payload(S.obj({ roomId: S.str }))
          .from('client')
          .desc('Create a room'),
      )
      .message(message('stats').payload(true).from('portal'))
      .message(message('both').payload(S.obj({})).from('client', 'portal')),
  )
  .role(role('client').message(message('joinedRoom').payload(S.obj({ roomId: S.str }))))
  .role(role('portal').message(message('receivedRoomStats').payload(false)))

const doc = spec('0.0.2', 'Chat Example').version('1.0.0').desc('Chat docs').network(chat).valueOf()

/** Follows a local `$ref` through `root`. */
function resolve(root: unknown, ref: string): any {
  let at: any = root
  for (const seg of ref.slice(2).split('/')) at = at?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')]
  return at
}

describe('toAsyncApi', () => {
  const api = toAsyncApi(doc) as Record<string, any>

  it('writes AsyncAPI 3.1.0 info from title, version and description', () => {
    expect(api.asyncapi).toBe('3.1.0')
    expect(api.defaultContentType).toBe('application/json')
    expect(api.info).toMatchObject({ title: 'Chat Example', version: '1.0.0', description: 'Chat docs', 'x-openws': '0.0.2' })
  })

  it('one channel per connecting role at {pathname}/{role}: the adapters route', () => {
    expect(Object.keys(api.channels)).toEqual(['chat.client', 'chat.portal'])
    expect(api.servers['chat.server.0']).toEqual({ host: 'localhost:8082', protocol: 'ws', pathname: '/chat', 'x-openws-role': 'server' })
    expect(api.channels['chat.client']).toMatchObject({
      address: '/client',
      description: 'A chat network',
      servers: [{ $ref: '#/servers/chat.server.0' }],
      'x-openws-host': 'server',
      'x-openws-role': 'client',
    })
    // pathname + address is the route a client connects to
    expect(api.servers['chat.server.0'].pathname + api.channels['chat.portal'].address).toBe('/chat/portal')
  })

  it('messages are the wire envelope: fromRole = the sender role(s), messageName const, payload by reference', () => {
    const create = api.components.messages['chat.server.createRoom']
    expect(create).toMatchObject({
      name: 'createRoom',
      summary: 'Create a room',
      'x-openws-from': ['client'],
      contentType: 'application/json',
    })
    expect(create.payload).toMatchObject({
      type: 'object',
      required: ['fromRole', 'messageName', 'payload'],
      properties: {
        fromRole: { type: 'string', const: 'client' },
        messageName: { type: 'string', const: 'createRoom' },
        payload: { $ref: '#/components/schemas/chat.server.createRoom.payload' },
      },
    })
    expect(create.payload.properties.id.anyOf).toHaveLength(2)
    expect(api.components.schemas['chat.server.createRoom.payload']).toEqual(doc.networks.chat.roles.server.messages.createRoom.payload)
    expect(api.components.messages['chat.server.both'].payload.properties.fromRole).toEqual({ type: 'string', enum: ['client', 'portal'] })
    // what the host sends carries the host's role
    expect(api.components.messages['chat.client.joinedRoom'].payload.properties.fromRole).toEqual({ type: 'string', const: 'server' })
    // boolean schemas become object schemas
    expect(api.components.schemas['chat.server.stats.payload']).toEqual({})
    expect(api.components.schemas['chat.portal.receivedRoomStats.payload']).toEqual({ not: {} })
  })

  it('describes $error frames sent by the host on every channel', () => {
    const error = api.components.messages['chat.error']
    expect(error.name).toBe('$error')
    expect(error.payload.properties.messageName).toEqual({ type: 'string', const: '$error' })
    expect(error.payload.properties.fromRole).toEqual({ type: 'string', const: 'server' })
    expect(api.components.schemas['chat.error'].required).toEqual(['code', 'message'])
    expect(Object.keys(api.components.schemas['chat.error'].properties)).toEqual(['code', 'message', 'messageName', 'id', 'issues'])
    expect(api.operations['chat.client.send.error'].action).toBe('send')
    expect(api.channels['chat.portal'].messages.error).toEqual({ $ref: '#/components/messages/chat.error' })
  })

  it('operations are seen from the host, per channel: it receives what that role may send, sends that role its messages', () => {
    expect(api.operations['chat.client.receive.server.createRoom']).toEqual({
      action: 'receive',
      channel: { $ref: '#/channels/chat.client' },
      messages: [{ $ref: '#/channels/chat.client/messages/server.createRoom' }],
      'x-openws-role': 'server',
    })
    expect(api.operations['chat.portal.receive.server.createRoom']).toBeUndefined()
    expect(api.operations['chat.portal.receive.server.stats'].action).toBe('receive')
    expect(api.operations['chat.client.receive.server.both']).toBeDefined()
    expect(api.operations['chat.portal.receive.server.both']).toBeDefined()
    expect(api.operations['chat.client.send.client.joinedRoom'].action).toBe('send')
    expect(api.operations['chat.portal.send.portal.receivedRoomStats'].action).toBe('send')
    expect(Object.keys(api.channels['chat.client'].messages)).toEqual(['server.createRoom', 'server.both', 'client.joinedRoom', 'error'])
  })

  it('every $ref resolves inside the document', () => {
    const refs: string[] = []
    JSON.stringify(api, (k, v) => (k === '$ref' && refs.push(v), v))
    expect(refs.length).toBeGreaterThan(10)
    for (const ref of refs) expect(resolve(api, ref), ref).toBeDefined()
  })

  it('hoists $defs/definitions into components.schemas and rewrites local references (schema positions only)', () => {
    const payload = {
      $ref: '#/$defs/Join',
      $defs: {
        Join: {
          type: 'object',
          properties: { p: { $ref: '#/$defs/a~1b' }, self: { $ref: '#' }, deep: { $ref: '#/$defs/Join/properties/p' } },
        },
        'a/b': { type: 'string', const: 'x' },
        'Tree<string>': { items: { $ref: '#/$defs/Tree%3Cstring%3E' } },
      },
      definitions: { Old: { type: 'integer' } },
      properties: { old: { $ref: '#/definitions/Old' }, data: { const: { $ref: '#/$defs/Join' } } },
    }
    const out = toAsyncApi(
      spec('0.0.2')
        .network(
          network('n')
            .role(role('h').asHost().message(message('m').payload(payload)))
            .role(role('r')),
        )
        .valueOf(),
    ) as any
    const schemas = out.components.schemas
    expect(Object.keys(schemas)).toEqual([
      'n.h.m.payload.defs.Join',
      'n.h.m.payload.defs.a_b',
      'n.h.m.payload.defs.Tree_string_',
      'n.h.m.payload.definitions.Old',
      'n.h.m.payload',
      'n.error',
    ])
    expect(schemas['n.h.m.payload']).toEqual({
      $ref: '#/components/schemas/n.h.m.payload.defs.Join',
      properties: { old: { $ref: '#/components/schemas/n.h.m.payload.definitions.Old' }, data: { const: { $ref: '#/$defs/Join' } } },
    })
    expect(schemas['n.h.m.payload.defs.Join'].properties).toEqual({
      p: { $ref: '#/components/schemas/n.h.m.payload.defs.a_b' },
      self: { $ref: '#/components/schemas/n.h.m.payload' },
      deep: { $ref: '#/components/schemas/n.h.m.payload.defs.Join/properties/p' },
    })
    expect(schemas['n.h.m.payload.defs.Tree_string_'].items).toEqual({ $ref: '#/components/schemas/n.h.m.payload.defs.Tree_string_' })
  })

  it('without a host mark: one channel per role, each receives its own messages; no $error', () => {
    const plain = spec('0.0.1')
      .network(network('n').role(role('a').message(message('m').payload(true))))
      .valueOf()
    const out = toAsyncApi(plain) as Record<string, any>
    expect(out.operations['n.a.receive.a.m'].action).toBe('receive')
    expect(out.channels['n.a'].address).toBe('/n/a')
    expect(out.info).toMatchObject({ title: 'n', version: '0.0.0' })
    expect('servers' in out).toBe(false)
    expect(out.components.messages['n.error']).toBeUndefined()
  })

  it('exports one network on request, and rejects an unknown one', () => {
    const two = spec('0.0.2')
      .network(chat)
      .network(network('other').role(role('x')))
      .valueOf()
    expect(Object.keys((toAsyncApi(two) as any).channels)).toEqual(['chat.client', 'chat.portal', 'other.x'])
    expect(Object.keys((toAsyncApi(two, { network: 'other' }) as any).channels)).toEqual(['other.x'])
    try {
      toAsyncApi(two, { network: 'nope' })
      expect.unreachable()
    } catch (e) {
      expect(isOpenWsError(e) && e.code).toBe('OPENWS_ERR_INVALID_OPTION')
    }
  })

  it('validates its input', () => {
    try {
      toAsyncApi({ openws: '0.0.2' })
      expect.unreachable()
    } catch (e) {
      expect(isOpenWsError(e) && e.code).toBe('OPENWS_ERR_INVALID_SPEC')
    }
  })
})
