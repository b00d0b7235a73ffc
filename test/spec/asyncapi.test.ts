import { describe, expect, it } from 'vitest'
import { isOpenWsError } from '../../src/runtime/errors'
import { S } from '../../src/runtime/schema/index'
import { endpoint, message, network, role, spec, toAsyncApi } from '../../src/runtime/spec/index'

const chat = network('chat')
  .desc('A chat network')
  .role(
    role('server')
      .asHost()
      .endpoint(endpoint('ws', 'localhost', 8082, '/chat'))
      .message(message('createRoom').payload(S.obj({ roomId: S.str })).from('client').desc('Create a room'))
      .message(message('stats').payload(true).from('portal')),
  )
  .role(role('client').message(message('joinedRoom').payload(S.obj({ roomId: S.str }))))
  .role(role('portal').message(message('receivedRoomStats').payload(false)))

const doc = spec('0.0.2', 'Chat Example').version('1.0.0').desc('Chat docs').network(chat).valueOf()

describe('toAsyncApi', () => {
  const api = toAsyncApi(doc) as Record<string, any>

  it('writes AsyncAPI 3.0.0 info from title, version and description', () => {
    expect(api.asyncapi).toBe('3.0.0')
    expect(api.info).toMatchObject({ title: 'Chat Example', version: '1.0.0', description: 'Chat docs' })
  })

  it('has one channel per network, addressed at the host endpoint, with the host marked', () => {
    expect(Object.keys(api.channels)).toEqual(['chat'])
    expect(api.channels.chat).toMatchObject({ address: '/chat', description: 'A chat network', 'x-openws-host': 'server' })
    expect(api.channels.chat.servers).toEqual([{ $ref: '#/servers/chat.server.0' }])
    expect(api.servers['chat.server.0']).toMatchObject({ host: 'localhost:8082', protocol: 'ws', pathname: '/chat' })
  })

  it('has one message per (role, message) with its payload', () => {
    expect(Object.keys(api.components.messages).sort()).toEqual(
      ['chat.client.joinedRoom', 'chat.portal.receivedRoomStats', 'chat.server.createRoom', 'chat.server.stats'].sort(),
    )
    const create = api.components.messages['chat.server.createRoom']
    expect(create.name).toBe('createRoom')
    expect(create.summary).toBe('Create a room')
    expect(create.payload).toEqual(doc.networks.chat.roles.server.messages.createRoom.payload)
    expect(create['x-openws-from']).toEqual(['client'])
    expect(api.components.messages['chat.portal.receivedRoomStats'].payload).toBe(false)
    expect(api.channels.chat.messages['server.createRoom']).toEqual({ $ref: '#/components/messages/chat.server.createRoom' })
  })

  it('operations are seen from the host: it receives its own messages and sends the others', () => {
    expect(api.operations['chat.server.createRoom']).toEqual({
      action: 'receive',
      channel: { $ref: '#/channels/chat' },
      messages: [{ $ref: '#/channels/chat/messages/server.createRoom' }],
      'x-openws-role': 'server',
    })
    expect(api.operations['chat.client.joinedRoom'].action).toBe('send')
    expect(api.operations['chat.portal.receivedRoomStats'].action).toBe('send')
  })

  it('every $ref resolves inside the document', () => {
    const refs: string[] = []
    JSON.stringify(api, (k, v) => (k === '$ref' && refs.push(v), v))
    expect(refs.length).toBeGreaterThan(5)
    for (const ref of refs) {
      let at: any = api
      for (const seg of ref.slice(2).split('/')) at = at?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')]
      expect(at, ref).toBeDefined()
    }
  })

  it('without a host mark, every message is received by its owner role', () => {
    const plain = spec('0.0.1').network(network('n').role(role('a').message(message('m').payload(true)))).valueOf()
    const out = toAsyncApi(plain) as Record<string, any>
    expect(out.operations['n.a.m'].action).toBe('receive')
    expect(out.channels.n.address).toBeNull()
    expect(out.info).toMatchObject({ title: 'n', version: '0.0.0' })
    expect('servers' in out).toBe(false)
  })

  it('exports one network on request, and rejects an unknown one', () => {
    const two = spec('0.0.2').network(chat).network(network('other').role(role('x'))).valueOf()
    expect(Object.keys((toAsyncApi(two) as any).channels)).toEqual(['chat', 'other'])
    expect(Object.keys((toAsyncApi(two, { network: 'other' }) as any).channels)).toEqual(['other'])
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
