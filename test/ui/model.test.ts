// The page's pure parts, without a browser: reading the spec into roles, messages and arrows;
// constraint and issue texts; starting values for the payload editor.
import { describe, expect, it } from 'vitest'
import { chatServerBindings } from '../adapters/fixtures/chat'
import { specJson } from '../../src/runtime/adapters/spec-document'
import { readSpec, remoteRoles, sendable } from '../../src/ui/model'
import { constraints } from '../../src/ui/schema-view'
import { issueText } from '../../src/ui/issues'
import { sample } from '../../src/ui/form'
import { interpret } from '../../src/runtime/interpret/index'

describe('readSpec', () => {
  const model = readSpec(JSON.parse(specJson(chatServerBindings())))

  it('reads roles, the host and who may send what', () => {
    expect(model.network).toBe('chat')
    expect(model.host).toBe('server')
    expect(model.roles.map((r) => [r.name, r.host, r.handles.length])).toEqual([
      ['server', true, 8],
      ['client', false, 2],
      ['portal', false, 2],
    ])
    expect(remoteRoles(model).map((r) => r.name)).toEqual(['client', 'portal'])
    expect(sendable(model, 'portal').map((m) => m.name)).toEqual(['sendMessage', 'requestRoomStats', 'boom', 'whoami'])
    // A message without `from` may come from any other role.
    const joined = model.messages.find((m) => m.name === 'joinedRoom')!
    expect([joined.from, joined.senders]).toEqual([undefined, ['server', 'portal']])
  })

  it('groups arrows per sender -> handler pair', () => {
    const arrows = model.edges.map((e) => `${e.from}>${e.to}:${e.messages.map((m) => m.name).join(',')}`)
    expect(arrows).toContain('portal>server:sendMessage,requestRoomStats,boom,whoami')
    expect(arrows).toContain('client>server:createRoom,joinRoom,sendMessage,boom,slow,flood,whoami')
    expect(model.edges.reduce((n, e) => n + e.messages.length, 0)).toBe(model.messages.reduce((n, m) => n + m.senders.length, 0))
  })

  it('ignores `from` names that are no role, and keeps `__proto__` as data', () => {
    const doc = {
      openws: '0.0.2',
      networks: {
        n: { roles: { h: { 'x-openws-host': true, messages: { m: { payload: {}, from: ['ghost', 'r'] } } }, r: { messages: {} } } },
      },
    }
    const m = readSpec(doc)
    expect(m.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['r>h'])
    expect(() => readSpec({})).toThrow(/not an OpenWS document/)
    expect(() => readSpec(JSON.parse('{"networks":{"__proto__":{"roles":{}}}}'))).not.toThrow()
  })
})

describe('texts', () => {
  it('constraints', () => {
    expect(constraints({ type: 'integer', minimum: 0, maximum: 5000 })).toEqual(['0 ≤ value ≤ 5000'])
    expect(constraints({ exclusiveMinimum: 0 })).toEqual(['value > 0'])
    expect(constraints({ maximum: 9, multipleOf: 3 })).toEqual(['value ≤ 9', 'multiple of 3'])
    expect(constraints({ minLength: 1, maxLength: 40, pattern: '^a' })).toEqual(['1 ≤ length ≤ 40', 'pattern /^a/'])
    expect(constraints({ minItems: 1, uniqueItems: true, enum: ['a', 1] })).toEqual(['items ≥ 1', 'unique items', 'one of: "a", 1'])
    expect(constraints({ const: null })).toEqual(['= null'])
  })

  it('issues, as the interpreter reports them', () => {
    const v = interpret({
      type: 'object',
      properties: { a: { type: 'string', maxLength: 2 }, n: { type: 'integer', maximum: 3 } },
      required: ['a', 'b'],
      additionalProperties: false,
    })
    expect(v.explain({ a: 'abc', n: 4, x: 1 }, 10).map(issueText)).toEqual([
      '/b: required',
      '/a: at most 2 characters, got 3',
      '/n: must be ≤ 3, got 4',
      '/x: not allowed (no such field)',
    ])
    expect(issueText({ path: '', code: 'type', expected: 'object', received: 'array' })).toBe('(payload): expected object, got array')
  })
})

describe('sample', () => {
  it('starts from examples, defaults and minimal valid shapes', () => {
    const schema = {
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        n: { type: 'integer', minimum: 2 },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['at', 'n'],
    }
    const value = sample(schema, schema)
    expect(value).toEqual({ at: '1970-01-01T00:00:00.000Z', n: 2 })
    expect(interpret(schema as never).is(value)).toBe(true)
    expect(sample({ examples: [{ a: 1 }], type: 'object' }, {})).toEqual({ a: 1 })
    const recursive = {
      $defs: { node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } }, required: ['next'] } },
      $ref: '#/$defs/node',
    }
    expect(() => sample(recursive, recursive)).not.toThrow()
  })
})
