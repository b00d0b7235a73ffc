// `ui` is an option of both servers' mounts.
import { expectTypeOf, test } from 'vitest'
import type { FastifyOpenWsOptions } from '../../src/runtime/adapters/fastify/plugin'
import type { CreateServerOptions } from '../../src/runtime/adapters/ws/create-server'

test('ui: boolean | undefined on fastify and ws createServer', () => {
  expectTypeOf<FastifyOpenWsOptions['ui']>().toEqualTypeOf<boolean | undefined>()
  expectTypeOf<CreateServerOptions['ui']>().toEqualTypeOf<boolean | undefined>()
})
