import { describe, expect, it } from 'vitest'
import { isOpenWsError, type OpenWsError } from '../../src/runtime/openws-error'
import { OPENWS_DOCUMENT_SCHEMA, specIssues, validate } from '../../src/runtime/spec/index'
import { checkSupported } from '../../src/runtime/validate/supported-subset'

type Doc = Record<string, any>

function valid(): Doc {
  return {
    openws: '0.0.2',
    title: 'Chat',
    networks: {
      chat: {
        description: 'A chat network',
        roles: {
          server: {
            'x-openws-host': true,
            endpoints: [{ scheme: 'ws', host: 'localhost', port: 8082, path: '/chat' }],
            messages: {
              createRoom: { payload: { type: 'object', properties: { roomId: { type: 'string' } } }, from: ['client'] },
            },
          },
          client: { messages: { joined: { payload: true } } },
        },
      },
    },
  }
}

function rejection(doc: unknown): OpenWsError {
  try {
    validate(doc)
  } catch (e) {
    if (isOpenWsError(e)) return e
    throw e
  }
  throw new Error('expected validate to throw')
}

describe('OPENWS_DOCUMENT_SCHEMA', () => {
  it('is plain JSON Schema inside the supported subset', () => {
    expect(checkSupported(OPENWS_DOCUMENT_SCHEMA)).toEqual([])
    expect(JSON.parse(JSON.stringify(OPENWS_DOCUMENT_SCHEMA))).toEqual(OPENWS_DOCUMENT_SCHEMA)
  })
})

describe('validate: valid documents', () => {
  it('returns the same document for both versions', () => {
    const doc = valid()
    expect(validate(doc)).toBe(doc)
    doc.openws = '0.0.1'
    expect(validate(doc)).toBe(doc)
  })
  it('accepts and preserves unknown fields on every level', () => {
    const doc = valid()
    doc['x-top'] = { a: 1 }
    doc.unknownTop = [1, 2]
    doc.networks.chat['x-net'] = true
    doc.networks.chat.roles.server['x-role'] = 'r'
    doc.networks.chat.roles.server.endpoints[0]['x-endpoint'] = 1
    doc.networks.chat.roles.server.messages.createRoom['x-message'] = null
    const copy = structuredClone(doc)
    expect(validate(doc)).toEqual(copy)
  })
  it('accepts an endpoint without scheme, an empty endpoint list and an empty messages map', () => {
    const doc = valid()
    doc.networks.chat.roles.server.endpoints = [
      { host: 'h', port: 65535, path: '' },
      { host: 'h', port: 1, path: '/' },
    ]
    doc.networks.chat.roles.client.endpoints = []
    doc.networks.chat.roles.client.messages = {}
    expect(() => validate(doc)).not.toThrow()
  })
  it('accepts single-letter and dashed/underscored names', () => {
    const doc = valid()
    doc.networks['a'] = { roles: { 'b-c_d': { messages: { e2: { payload: false } } } } }
    expect(() => validate(doc)).not.toThrow()
  })
})

describe('validate: invalid documents', () => {
  const cases: Array<[string, (d: Doc) => void, string]> = [
    ['unknown version', (d) => (d.openws = '0.0.3'), 'openws must be one of "0.0.1", "0.0.2"'],
    ['missing version', (d) => delete d.openws, 'openws is required'],
    ['no networks field', (d) => delete d.networks, 'networks is required'],
    ['empty networks', (d) => (d.networks = {}), 'networks must have at least 1 entry'],
    ['empty roles', (d) => (d.networks.chat.roles = {}), 'network "chat": roles must have at least 1 entry'],
    ['missing roles', (d) => delete d.networks.chat.roles, 'network "chat": roles is required'],
    ['bad network key', (d) => (d.networks['chat room'] = d.networks.chat), 'network "chat room": network name is invalid'],
    ['network key starting with a digit', (d) => (d.networks['1chat'] = d.networks.chat), 'network "1chat": network name is invalid'],
    ['bad role key', (d) => (d.networks.chat.roles['client-'] = { messages: {} }), 'network "chat", role "client-": role name is invalid'],
    [
      'bad message key',
      (d) => (d.networks.chat.roles.client.messages['a.b'] = { payload: true }),
      'network "chat", role "client", message "a.b": message name is invalid',
    ],
    [
      'reserved message key',
      (d) => (d.networks.chat.roles.client.messages['$error'] = { payload: true }),
      'message "$error": message names starting with "$" are reserved',
    ],
    [
      'port 0',
      (d) => (d.networks.chat.roles.server.endpoints[0].port = 0),
      'network "chat", role "server": endpoints[0].port must be >= 1',
    ],
    [
      'port 65536',
      (d) => (d.networks.chat.roles.server.endpoints[0].port = 65536),
      'network "chat", role "server": endpoints[0].port must be <= 65535',
    ],
    [
      'port 1.5',
      (d) => (d.networks.chat.roles.server.endpoints[0].port = 1.5),
      'network "chat", role "server": endpoints[0].port must be integer',
    ],
    ['port as string', (d) => (d.networks.chat.roles.server.endpoints[0].port = '80'), 'endpoints[0].port must be integer'],
    ['endpoint without host', (d) => delete d.networks.chat.roles.server.endpoints[0].host, 'endpoints[0].host is required'],
    ['endpoints not an array', (d) => (d.networks.chat.roles.server.endpoints = {}), 'endpoints must be array'],
    ['missing messages', (d) => delete d.networks.chat.roles.client.messages, 'network "chat", role "client": messages is required'],
    [
      'missing payload',
      (d) => delete d.networks.chat.roles.server.messages.createRoom.payload,
      'network "chat", role "server", message "createRoom": payload is required',
    ],
    [
      'payload a number',
      (d) => (d.networks.chat.roles.server.messages.createRoom.payload = 5),
      'message "createRoom": payload must be object or boolean',
    ],
    [
      'from not an array',
      (d) => (d.networks.chat.roles.server.messages.createRoom.from = 'client'),
      'message "createRoom": from must be array',
    ],
    [
      'from with a bad role name',
      (d) => (d.networks.chat.roles.server.messages.createRoom.from = ['client', 'no such']),
      'message "createRoom": from[1] must match',
    ],
    ['description not a string', (d) => (d.networks.chat.description = 5), 'network "chat": description must be string'],
    ['title not a string', (d) => (d.title = {}), 'title must be string'],
  ]
  for (const [name, mutate, text] of cases) {
    it(name, () => {
      const doc = valid()
      mutate(doc)
      const e = rejection(doc)
      expect(e.code).toBe('OPENWS_ERR_INVALID_SPEC')
      expect(e.message).toContain(text)
      expect(e.issues?.length).toBeGreaterThan(0)
      expect(specIssues(doc).map((i) => i.message)).toContainEqual(expect.stringContaining(text))
    })
  }
  it('names the location in the error fields and keeps the raw issue', () => {
    const doc = valid()
    doc.networks.chat.roles.server.endpoints[0].port = 70000
    const e = rejection(doc)
    expect(e.network).toBe('chat')
    expect(e.role).toBe('server')
    expect(e.issues?.[0]).toMatchObject({ path: '/networks/chat/roles/server/endpoints/0/port', code: 'maximum', expected: 65535 })
  })
  it('lists several issues, numbered', () => {
    const doc = valid()
    doc.openws = 'x'
    doc.networks.chat.roles.server.endpoints[0].port = 0
    const e = rejection(doc)
    expect(e.message).toMatch(/\(2 issues\):\n {2}1\. .+\n {2}2\. /)
  })
  it('caps the issue list', () => {
    const doc = valid()
    for (let i = 0; i < 50; i++) doc.networks.chat.roles.client.messages[`m${i}`] = { payload: 1 }
    const e = rejection(doc)
    expect(e.issues).toHaveLength(20)
    expect(e.message).toContain('20+ issues')
  })
  it('survives hostile inputs', () => {
    for (const input of [null, undefined, 0, 'doc', [], () => 1, { openws: '0.0.2', networks: [] }]) {
      expect(rejection(input).code).toBe('OPENWS_ERR_INVALID_SPEC')
    }
    const proto = JSON.parse('{"openws":"0.0.2","networks":{"__proto__":{"roles":{}}}}')
    expect(rejection(proto).message).toContain('network "__proto__"')
  })
})
