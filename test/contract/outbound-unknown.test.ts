// `api.typo(...)` in a handler, awaited or not, on both paths (interpreted, and the artifact the
// transformer emits): the handler's error is OPENWS_ERR_OUTBOUND_UNKNOWN itself, naming role and
// message; the peer gets the usual OPENWS_ERR_HANDLER_FAILED `$error` (it did nothing wrong).
// test/runtime/outbound-frames.test.ts checks the API objects of both paths.
import { describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/class/index'
import { harness } from '../../src/runtime/harness/index'
import { S } from '../../src/runtime/schema/index'
import { withEmittedArtifact } from '../../bench/support/emitted'

const PATHS = ['interpreted', 'compiled'] as const

function chat(path: (typeof PATHS)[number], errors: unknown[]) {
  class Client {
    static CONFIG = { name: 'client', messages: { joined: { payload: S.str } } }
  }
  class Server {
    static CONFIG = { name: 'server', handlers: { join: { payload: S.str, from: [Client] }, fire: { payload: S.str, from: [Client] } } }
    async join(p: string, api: any) {
      await api.joind(p)
    }
    fire(p: string, api: any) {
      return api.joind(p)
    }
    handleError(_role: string, _peer: object, error: unknown) {
      errors.push(error)
    }
  }
  const binder = bindings({ name: 'n', roles: [Server, Client] })
  return path === 'compiled' ? withEmittedArtifact(binder) : binder
}

describe.each(PATHS)('an unknown outbound name in a handler, %s', (path) => {
  it('awaited: handleError gets OPENWS_ERR_OUTBOUND_UNKNOWN, not HANDLER_FAILED or "api.joind is not a function"', async () => {
    const errors: unknown[] = []
    const binder = chat(path, errors)
    expect(binder.compiled === undefined).toBe(path === 'interpreted')
    const c = harness(binder).connect('client')
    await c.send('join', 'x')
    expect(c.take()).toMatchObject([{ messageName: '$error', payload: { code: 'OPENWS_ERR_HANDLER_FAILED' } }])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ code: 'OPENWS_ERR_OUTBOUND_UNKNOWN', messageName: 'joind', role: 'client' })
  })

  it('returned: the same', async () => {
    const errors: unknown[] = []
    const c = harness(chat(path, errors)).connect('client')
    await c.send('fire', 'x')
    expect(errors).toMatchObject([{ code: 'OPENWS_ERR_OUTBOUND_UNKNOWN', messageName: 'joind' }])
  })
})
