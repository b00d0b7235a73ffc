// attach() on a server-mode `ws` server (authenticate in verifyClient), and the server heartbeat.
import { createServer as createHttpServer } from 'node:http'
import WebSocket, { WebSocketServer } from 'ws'
import { describe, expect, it } from 'vitest'
import { attach } from '../../src/runtime/adapters/ws/index'
import { chatServerBindings } from './fixtures/chat'
import { ADAPTERS, openPeer, startServer } from '../helpers/servers'

async function listen(wssOptions: Record<string, unknown> = {}) {
  const http = createHttpServer()
  const wss = new WebSocketServer({ server: http, ...wssOptions })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const port = (http.address() as { port: number }).port
  const stop = () => new Promise<void>((resolve) => wss.close(() => http.close(() => resolve())))
  return { http, wss, base: `ws://127.0.0.1:${port}/chat`, stop }
}

describe('attach() on a server-mode WebSocketServer', () => {
  it('authenticates in verifyClient: refusals are HTTP statuses, grants fix the role', async () => {
    const { wss, base, stop } = await listen()
    const mount = attach(wss, {
      bindings: chatServerBindings(),
      onInternalError: () => {},
      authenticate: (request) => (request.headers.authorization === 'portal' ? { role: 'portal' } : false),
    })
    await expect(openPeer(base)).rejects.toMatchObject({ status: 401 })
    await expect(openPeer(`${base}/nobody`, { authorization: 'portal' })).rejects.toMatchObject({ status: 404 })
    const portal = await openPeer(base, { authorization: 'portal' })
    portal.send('portal', 'requestRoomStats', { roomId: 'r' })
    expect((await portal.next()).messageName).toBe('receivedRoomStats')
    expect(mount.connections).toBe(1)
    const closed = portal.closed
    await mount.shutdown()
    expect((await closed).code).toBe(1001)
    await stop()
  })

  it('refuses to replace a verifyClient the application installed', async () => {
    const { wss, stop } = await listen({ verifyClient: () => true })
    expect(() => attach(wss, { bindings: chatServerBindings() })).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
    await stop()
  })
})

describe.each(ADAPTERS)('%s adapter heartbeat', (kind) => {
  it('terminates a peer that stops answering pings; answering peers stay', async () => {
    const server = await startServer(kind, { bindings: chatServerBindings(), heartbeatMs: 250 }) // long enough for a loaded CI machine to pong in time
    const silent = await new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`${server.base}/client`, { autoPong: false })
      ws.on('open', () => resolve(ws)).on('error', reject)
    })
    const alive = await openPeer(`${server.base}/client`)
    const code = await new Promise<number>((resolve) => silent.on('close', (c) => resolve(c)))
    expect(code).toBe(1006) // terminated: no closing handshake
    alive.send('client', 'createRoom', { userId: 'a', roomId: 'r' })
    expect((await alive.next()).messageName).toBe('joinedRoom')
    expect(server.connections()).toBe(1)
    alive.ws.close()
    await server.close()
  })
})
