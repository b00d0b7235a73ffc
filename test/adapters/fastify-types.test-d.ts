// `app.openws` is typed through `declare module 'fastify'`.
import Fastify from 'fastify'
import { expectTypeOf, test } from 'vitest'
import { contextOf, type OpenWsMount } from '../../src/runtime/adapters/fastify/index'
import { chatServerBindings } from './fixtures/chat'

test('the decorator and contextOf are typed', () => {
  const app = Fastify()
  expectTypeOf(app.openws).toBeFunction()
  const mount = app.openws<{ user: string }>({
    bindings: chatServerBindings(),
    authenticate: (request) => {
      expectTypeOf(request.headers).toMatchTypeOf<Record<string, unknown>>()
      return { role: 'client', context: { user: 'a' } }
    },
  })
  expectTypeOf(mount).toEqualTypeOf<OpenWsMount>()
  expectTypeOf(contextOf<{ user: string }>({})).toEqualTypeOf<{ user: string } | undefined>()
  // @ts-expect-error bindings are required
  app.openws({ path: '/x' })
})
