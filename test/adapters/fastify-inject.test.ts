// The in-memory helper: no port, but the upgrade still runs through routing and authenticate.
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { injectOpenWs, openws } from '../../src/runtime/adapters/fastify/index'
import { chatServerBindings } from './fixtures/chat'

async function app(options: Record<string, unknown> = {}) {
  const instance = Fastify({ logger: false })
  await instance.register(openws)
  instance.openws({ bindings: chatServerBindings(), onInternalError: () => {}, ...options })
  await instance.ready()
  return instance
}

describe('injectOpenWs', () => {
  it('talks to a route in memory, as the role named by the path', async () => {
    const instance = await app()
    const peer = await injectOpenWs(instance, '/chat/client')
    peer.send('createRoom', { userId: 'a', roomId: 'r' }, 'x1')
    expect(await peer.next()).toEqual({ fromRole: 'server', messageName: 'joinedRoom', payload: { roomId: 'r', joinerId: 'a' } })
    peer.send('requestRoomStats', { roomId: 'r' }, 'x2')
    expect((await peer.next()).payload).toMatchObject({ code: 'OPENWS_ERR_SENDER_NOT_ALLOWED', id: 'x2' })
    peer.sendRaw('not json')
    expect((await peer.closed).code).toBe(1007)
    await instance.close()
  })

  it('runs authenticate: refused upgrades reject, headers reach it', async () => {
    const instance = await app({
      authenticate: (request: any) => (request.headers.authorization === 'ok' ? { role: 'portal', context: 7 } : false),
    })
    await expect(injectOpenWs(instance, '/chat')).rejects.toThrow(/401/)
    const peer = await injectOpenWs(instance, '/chat', { role: 'portal', headers: { authorization: 'ok' } })
    peer.send('whoami', {})
    expect(((await peer.next()).payload as { text: string }).text).toBe('7')
    peer.close()
    await instance.close()
  })

  it('is registered once per instance, shares the decorator with the parent, and checks options', async () => {
    const instance = Fastify({ logger: false })
    await instance.register(openws)
    expect(instance.hasDecorator('openws')).toBe(true)
    expect(instance.hasDecorator('websocketServer')).toBe(true)
    expect(() => instance.openws({ bindings: {} as any })).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
    expect(() => instance.openws({ bindings: chatServerBindings(), path: 'chat' })).toThrow(/path/)
    expect(() => instance.openws({ bindings: chatServerBindings(), slowConsumer: 'wait' as any })).toThrow(/slowConsumer/)
    await instance.close()
  })
})
