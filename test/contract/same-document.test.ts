// The same chat network in all three styles yields the same IR and the same OpenWS document.
import { describe, expect, it } from 'vitest'
import { spec, validate } from '../../src/runtime/spec/index'
import * as D from '../../src/runtime/contract/decorator/index'
import { S } from '../../src/runtime/schema/index'
import * as Spec from '../../src/runtime/spec/index'
import type { BindingsCore } from '../../src/runtime/contract/types'
import { loadDecorated, MODES } from '../helpers/decorators'
import { CHAT_IR, classChat, fluentChat } from './fixtures/chat'
import type decoratedChat from './fixtures/decorated-chat'

const styles: Record<string, BindingsCore> = { class: classChat().binder, fluent: fluentChat() }
for (const mode of MODES) {
  const factory = await loadDecorated<typeof decoratedChat>('contract/fixtures/decorated-chat.ts', mode)
  styles[`decorator (${mode})`] = factory(D, S, Spec).binder
}

describe('one IR for three styles', () => {
  it.each(Object.entries(styles))('%s style normalises to the exact chat IR', (_name, binder) => {
    expect(binder.kind).toBe('openws.bindings')
    expect(binder.hostRole).toBe('server')
    expect(binder.network).toStrictEqual(CHAT_IR)
  })

  it('all three give the same OpenWS document through spec().network(binder.network)', () => {
    const docs = Object.values(styles).map((b) => spec('0.0.2').network(b.network).valueOf())
    for (const doc of docs) expect(doc).toStrictEqual(docs[0])
    expect(docs[0]).toStrictEqual({ openws: '0.0.2', networks: { chat: { description: 'A chat network', roles: CHAT_IR.roles } } })
    expect(() => validate(docs[0])).not.toThrow()
  })

  it('the IR is plain, frozen JSON', () => {
    for (const binder of Object.values(styles)) {
      expect(JSON.parse(JSON.stringify(binder.network))).toStrictEqual(binder.network)
      expect(Object.isFrozen(binder.network.roles.server.messages.createRoom.payload)).toBe(true)
    }
  })
})
