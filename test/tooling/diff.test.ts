// openws diff: every kind of change, classified as a deployed host sees it.
import { describe, expect, it } from 'vitest'
import { diffDocuments, type Change } from '../../src/cli/diff/network-diff'
import { compareSchemas } from '../../src/cli/diff/schema-diff'
import type { NetworkIR, OpenWsDocument } from '../../src/runtime/ir/types'
import { chatNetwork } from '../adapters/fixtures/chat'

const doc = (net: NetworkIR): OpenWsDocument => {
  const { name, ...rest } = net
  return { openws: '0.0.2', networks: { [name]: JSON.parse(JSON.stringify(rest)) } }
}

/** The chat network changed by `edit`, diffed against the original. */
function diff(edit: (net: any) => void) {
  const after = chatNetwork()
  edit(after)
  return diffDocuments(doc(chatNetwork()), doc(after))
}

const summary = (changes: Change[]) =>
  changes.map((c) => `${c.kind} ${[c.role, c.message].filter(Boolean).join('.')}${c.path ? ` ${c.path}` : ''}`)

describe('diffDocuments', () => {
  it('no change, no report', () => {
    expect(diff(() => {})).toEqual({ breaking: [], nonBreaking: [] })
  })

  it('a removed role or message is breaking; added ones are not', () => {
    const r = diff((n) => {
      delete n.roles.portal
      delete n.roles.server.messages.boom
      n.roles.server.messages.ping = { payload: {} }
      n.roles.watcher = { messages: {} }
    })
    // client messages had no `from`: "every other role" lost portal
    expect(summary(r.breaking)).toEqual([
      'message-removed server.boom',
      'from-narrowed client.joinedRoom',
      'from-narrowed client.receivedMessage',
      'role-removed portal',
    ])
    expect(summary(r.nonBreaking)).toEqual([
      'message-added server.ping',
      'from-widened client.joinedRoom',
      'from-widened client.receivedMessage',
      'role-added watcher',
    ])
  })

  it('a message the host sends, removed, is breaking', () => {
    expect(summary(diff((n) => delete n.roles.client.messages.joinedRoom).breaking)).toEqual(['message-removed client.joinedRoom'])
  })

  it('from narrowed is breaking, widened is not', () => {
    const narrowed = diff((n) => (n.roles.server.messages.sendMessage.from = ['client']))
    expect(summary(narrowed.breaking)).toEqual(['from-narrowed server.sendMessage'])
    expect(narrowed.breaking[0].detail).toContain('portal')
    const widened = diff((n) => (n.roles.server.messages.createRoom.from = ['client', 'portal']))
    expect(widened.breaking).toEqual([])
    expect(summary(widened.nonBreaking)).toEqual(['from-widened server.createRoom'])
  })

  it('the host role moving is breaking', () => {
    const r = diff((n) => {
      delete n.roles.server['x-openws-host']
      n.roles.client['x-openws-host'] = true
    })
    expect(r.breaking.map((c) => c.kind)).toContain('host-changed')
  })

  it('network removed is breaking', () => {
    const r = diffDocuments(doc(chatNetwork()), { openws: '0.0.2', networks: { other: { roles: { a: { messages: {} } } } } })
    expect(r.breaking.map((c) => c.kind)).toEqual(['network-removed'])
    expect(r.nonBreaking.map((c) => c.kind)).toEqual(['network-added'])
  })

  describe('payloads the host receives: stricter is breaking, looser is not', () => {
    const stricter: [string, (p: any) => void][] = [
      [
        'new required field',
        (p) => {
          p.properties.lang = { type: 'string' }
          p.required.push('lang')
        },
      ],
      ['narrowed type', (p) => (p.properties.text = { type: 'integer' })],
      ['minLength added', (p) => (p.properties.text = { type: 'string', minLength: 1 })],
      ['maxLength added', (p) => (p.properties.text = { type: 'string', maxLength: 100 })],
      ['pattern added', (p) => (p.properties.roomId = { type: 'string', pattern: '^r' })],
      ['format added', (p) => (p.properties.roomId = { type: 'string', format: 'uuid' })],
      ['enum added', (p) => (p.properties.roomId = { type: 'string', enum: ['a', 'b'] })],
      ['additionalProperties false', (p) => (p.additionalProperties = false)],
    ]
    it.each(stricter)('%s', (_name, edit) => {
      const open = (n: any) => delete n.roles.server.messages.sendMessage.payload.additionalProperties
      const before = chatNetwork()
      open(before)
      const after = chatNetwork()
      open(after)
      edit(after.roles.server.messages.sendMessage.payload)
      const r = diffDocuments(doc(before), doc(after))
      expect(r.breaking.length).toBeGreaterThan(0)
      expect(r.breaking.every((c) => c.kind === 'payload-stricter' && c.message === 'sendMessage')).toBe(true)
    })

    it('a tighter bound, a removed enum value, a smaller maximum', () => {
      const r = diff((n) => {
        n.roles.server.messages.slow.payload.properties.ms = { type: 'integer', minimum: 10, maximum: 1000 }
      })
      expect(r.breaking.map((c) => c.detail)).toEqual(['minimum 0 -> 10 (received by server)', 'maximum 5000 -> 1000 (received by server)'])
      expect(r.breaking[0].path).toBe('/properties/ms')
    })

    it('looser payloads are non-breaking', () => {
      const r = diff((n) => {
        const p = n.roles.server.messages.slow.payload
        p.properties.ms = { type: 'number', minimum: 0 }
        p.required = []
        delete p.additionalProperties
      })
      expect(r.breaking).toEqual([])
      expect(r.nonBreaking.map((c) => c.kind)).toEqual(['payload-looser', 'payload-looser', 'payload-looser', 'payload-looser'])
    })
  })

  describe('payloads the host sends: looser is breaking, stricter is not', () => {
    it('a new optional field on a closed object the host sends, a widened type', () => {
      const r = diff((n) => {
        n.roles.client.messages.joinedRoom.payload.properties.at = { type: 'integer' }
        n.roles.client.messages.receivedMessage.payload.properties.text = { type: ['string', 'null'] }
      })
      expect(summary(r.breaking)).toEqual([
        'payload-looser client.joinedRoom /properties/at',
        'payload-looser client.receivedMessage /properties/text',
      ])
      expect(r.breaking[0].detail).toBe('accepted now (was rejected) (sent by server to client)')
    })

    it('stricter is fine', () => {
      const r = diff((n) => (n.roles.client.messages.joinedRoom.payload.properties.roomId = { type: 'string', minLength: 1 }))
      expect(r.breaking).toEqual([])
      expect(summary(r.nonBreaking)).toEqual(['payload-stricter client.joinedRoom /properties/roomId'])
    })
  })
})

describe('compareSchemas', () => {
  const dirs = (a: unknown, b: unknown) => compareSchemas(a, b).map((c) => `${c.direction} ${c.path} ${c.detail}`)

  it('integer -> number is looser, number -> integer stricter', () => {
    expect(dirs({ type: 'integer' }, { type: 'number' })).toEqual(['looser  type widened: "integer" -> "number"'])
    expect(dirs({ type: 'number' }, { type: 'integer' })).toEqual(['stricter  type narrowed: "number" -> "integer"'])
  })

  it('const and enum compare as value sets', () => {
    expect(dirs({ enum: ['a', 'b'] }, { enum: ['a'] })).toEqual(['stricter  allowed values removed: ["b"]'])
    expect(dirs({ const: 'a' }, { enum: ['a', 'b'] })).toEqual(['looser  allowed values added: ["b"]'])
  })

  it('a changed pattern counts both ways; annotations do not count', () => {
    expect(dirs({ pattern: 'a' }, { pattern: 'b' }).map((s) => s.split(' ')[0])).toEqual(['stricter', 'looser'])
    expect(dirs({ description: 'x', title: 't', examples: [1] }, { description: 'y' })).toEqual([])
  })

  it('follows $ref into $defs (typed mode) and survives recursion', () => {
    const tree = (max: number) => ({
      $ref: '#/$defs/T',
      $defs: {
        T: { type: 'object', properties: { v: { type: 'string', maxLength: max }, c: { type: 'array', items: { $ref: '#/$defs/T' } } } },
      },
    })
    expect(dirs(tree(10), tree(10))).toEqual([])
    expect(dirs(tree(10), tree(5))).toEqual(['stricter /properties/v maxLength 10 -> 5'])
  })

  it('multipleOf, uniqueItems, items, additionalProperties schemas', () => {
    expect(dirs({ multipleOf: 2 }, { multipleOf: 4 })).toEqual(['stricter  multipleOf 2 -> 4'])
    expect(dirs({ multipleOf: 4 }, { multipleOf: 2 })).toEqual(['looser  multipleOf 4 -> 2'])
    expect(dirs({ type: 'array' }, { type: 'array', uniqueItems: true })).toEqual(['stricter  uniqueItems added'])
    expect(dirs({ items: { type: 'string' } }, { items: { type: 'string', minLength: 2 } })).toEqual([
      'stricter /items minLength added (2)',
    ])
    expect(dirs({ additionalProperties: { type: 'number' } }, { additionalProperties: { type: 'integer' } })).toEqual([
      'stricter /additionalProperties type narrowed: "number" -> "integer"',
    ])
  })
})
