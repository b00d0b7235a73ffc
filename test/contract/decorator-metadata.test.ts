// A fourth decorator path: tsc's TC39 output on a runtime that has Symbol.metadata (Node 22+,
// or a polyfill). Then context.metadata exists and Class[Symbol.metadata] holds it.
// Own file: the polyfill is global to this worker.
import { expect, it } from 'vitest'
import * as D from '../../src/runtime/contract/decorator/index'
import { S } from '../../src/runtime/schema/index'
import * as Spec from '../../src/runtime/spec/index'
import { loadDecorated } from '../helpers/decorators'
import { CHAT_IR } from './fixtures/chat'
import type cases from './fixtures/decorated-cases'
import type decoratedChat from './fixtures/decorated-chat'

const sym = Symbol as { metadata?: symbol }
sym.metadata ??= Symbol('Symbol.metadata')

it('tsc TC39 output with Symbol.metadata: metadata is used and the IR is the same', async () => {
  const chat = await loadDecorated<typeof decoratedChat>('contract/fixtures/decorated-chat.ts', 'tsc-tc39')
  const { binder, Server } = chat(D, S, Spec)
  expect(Object.getOwnPropertyDescriptor(Server, sym.metadata!)?.value).toBeTypeOf('object')
  expect(binder.network).toStrictEqual(CHAT_IR)
  expect(binder.routes.sendMessage).toEqual({ client: 'sendMessage', portal: 'sendMessagePortal' })
})

it('member decorations without @role are found through Class[Symbol.metadata]', async () => {
  const c = await loadDecorated<typeof cases>('contract/fixtures/decorated-cases.ts', 'tsc-tc39')
  expect(c.defaultNames(D, S).routes).toEqual({ hello: { chatUser: 'hello' } })
  expect(c.inherited(D, S).routes).toEqual({ m: { c: 'm' }, hidden: { c: 'hidden' } })
})
