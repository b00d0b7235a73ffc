import { describe, expect, it } from 'vitest'
import { isOpenWsError } from '../../src/runtime/openws-error'
import { S } from '../../src/runtime/schema/index'
import { endpoint, fromJson, message, MessageBuilder, network, NetworkBuilder, role, RoleBuilder, spec } from '../../src/runtime/spec/index'

type Doc = Record<string, any>

const minimal: Doc = { openws: '0.0.1', networks: { n: { roles: { r: { messages: {} } } } } }

const extended: Doc = {
  'x-top-first': 1,
  openws: '0.0.2',
  title: 'Chat',
  description: 'All the chat things',
  version: '2.0.0',
  'x-owner': { team: 'rt', tags: ['a', 'b'] },
  unknownTop: [1, { deep: [null] }],
  networks: {
    chat: {
      'x-net': true,
      description: 'A chat network',
      name: 'a stray name field is just data',
      roles: {
        server: {
          messages: {
            createRoom: {
              'x-msg': 'before payload',
              payload: { type: 'object', properties: { roomId: { type: 'string' } }, required: ['roomId'], 'x-schema-ext': 1 },
              from: ['client'],
              description: 'after from',
            },
            any: { payload: true },
            none: { payload: false, from: [] },
          },
          'x-openws-host': true,
          endpoints: [
            { scheme: 'ws', host: 'localhost', port: 8082, path: '/chat', 'x-ep': 1 },
            { host: 'example.com', port: 443, path: '/', extra: { a: 1 } },
          ],
          description: 'server',
          'x-role': [],
        },
        client: { endpoints: [], messages: {}, 'x-empty': {} },
      },
    },
    second: { roles: { only: { messages: { m: { payload: { enum: [1, 'a', null] } } } } } },
  },
  'x-last': 'z',
}

const protoDoc: Doc = JSON.parse(
  JSON.stringify({
    openws: '0.0.2',
    PROTO: { x: 1 },
    networks: {
      n: {
        roles: {
          r: {
            messages: {
              m: { payload: { type: 'object', properties: { PROTO: { type: 'string' }, constructor: {} } }, PROTO: [] },
            },
          },
        },
      },
    },
  }).replaceAll('PROTO', '__proto__'),
)

describe('fromJson', () => {
  it('the __proto__ fixture really has own __proto__ keys', () => {
    expect(Object.keys(protoDoc)).toContain('__proto__')
    expect(Object.keys(protoDoc.networks.n.roles.r.messages.m)).toContain('__proto__')
  })

  for (const [name, doc] of [
    ['minimal', minimal],
    ['extensions and unknown fields on every level', extended],
    ['__proto__ keys as data', protoDoc],
  ] as const) {
    it(`round-trips: ${name}`, () => {
      const before = JSON.stringify(doc)
      const builder = fromJson(doc)
      expect(builder.valueOf()).toEqual(doc)
      // exact: same JSON text, so key order and own-property __proto__ survive
      expect(JSON.stringify(builder.valueOf())).toBe(before)
      // the input is never touched, and outputs are fresh objects
      expect(JSON.stringify(doc)).toBe(before)
      expect(builder.valueOf()).not.toBe(builder.valueOf())
    })
  }

  it('round-trips a document made by the builders', () => {
    const doc = spec('0.0.2', 'T')
      .version('1')
      .metadata('a', 1)
      .network(
        network('chat')
          .desc('d')
          .role(
            role('server')
              .asHost()
              .endpoint(endpoint('wss', 'h', 443, '/'))
              .message(
                message('m')
                  .payload(S.obj({ a: S.int.min(0) }))
                  .from('client')
                  .metadata('k', 'v'),
              ),
          )
          .role(role('client')),
      )
      .valueOf()
    expect(fromJson(doc).valueOf()).toEqual(doc)
    expect(JSON.stringify(fromJson(doc).valueOf())).toBe(JSON.stringify(doc))
  })

  it('rebuilds real builders that keep working', () => {
    const s = fromJson(structuredClone(extended))
    const chat = s.networks.get('chat')!
    expect(chat).toBeInstanceOf(NetworkBuilder)
    expect(chat.name).toBe('chat')
    const server = chat.roles.get('server')!
    expect(server).toBeInstanceOf(RoleBuilder)
    expect(server.isHost).toBe(true)
    expect(server.messages.get('createRoom')).toBeInstanceOf(MessageBuilder)
    server.message(message('added').payload(true))
    chat.role(role('portal'))
    server.messages.get('createRoom')!.from('portal')
    const out = s.valueOf()
    expect(out.networks.chat.roles.server.messages.added).toEqual({ payload: true })
    expect(out.networks.chat.roles.portal).toEqual({ messages: {} })
    expect(out.networks.chat.roles.server.messages.createRoom.from).toEqual(['client', 'portal'])
    expect(() => server.message(message('any').payload(true))).toThrow(/already has a message/)
    // the IR of a rebuilt network carries its key as name
    expect(chat.valueOf().name).toBe('chat')
  })

  it('validates first: invalid documents throw OPENWS_ERR_INVALID_SPEC', () => {
    for (const bad of [null, {}, { openws: '0.0.2', networks: {} }, { ...minimal, openws: '9' }]) {
      try {
        fromJson(bad)
        expect.unreachable()
      } catch (e) {
        expect(isOpenWsError(e) && e.code).toBe('OPENWS_ERR_INVALID_SPEC')
      }
    }
  })
})
