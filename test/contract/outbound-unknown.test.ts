// `api.typo(...)` in a handler: the handler fails with OPENWS_ERR_OUTBOUND_UNKNOWN as its cause
// (interpreted here; test/runtime/outbound-frames.test.ts checks the API objects of both paths).
import { describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/class/index'
import { harness } from '../../src/runtime/harness/index'
import { S } from '../../src/runtime/schema/index'

describe('an unknown outbound name in a handler', () => {
  it('rejects with OPENWS_ERR_OUTBOUND_UNKNOWN, not "api.joind is not a function"', async () => {
    const errors: unknown[] = []
    class Client { static CONFIG = { name: 'client', messages: { joined: { payload: S.str } } } }
    class Server {
      static CONFIG = { name: 'server', handlers: { join: { payload: S.str, from: [Client] } } }
      async join(p: string, api: any) { await api.joind(p) }
      handleError(_role: string, _peer: object, error: unknown) { errors.push(error) }
    }
    const c = harness(bindings({ name: 'n', roles: [Server, Client] })).connect('client')
    await c.send('join', 'x')
    // The peer is told the handler failed; handleError gets the cause, with the unknown name.
    expect(c.take()).toMatchObject([{ messageName: '$error', payload: { code: 'OPENWS_ERR_HANDLER_FAILED' } }])
    expect(errors).toHaveLength(1)
    expect((errors[0] as { cause?: unknown }).cause).toMatchObject({ code: 'OPENWS_ERR_OUTBOUND_UNKNOWN', messageName: 'joind', role: 'client' })
  })
})
