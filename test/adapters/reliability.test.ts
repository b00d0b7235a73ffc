// Hostile input and shutdown over real sockets (issue 18): every outcome is an `$error` frame or a
// close code with a stable code, never a crash, a hang or silence.
import Fastify from 'fastify'
import { createServer as createHttpServer } from 'node:http'
import WebSocket, { WebSocketServer } from 'ws'
import { describe, expect, it } from 'vitest'
import { openws } from '../../src/runtime/adapters/fastify/index'
import { attach } from '../../src/runtime/adapters/ws/index'
import { chatServerBindings } from './fixtures/chat'
import { openPeer } from './fixtures/servers'

// A valid createRoom frame but for one byte that is not UTF-8 (decoded lossily it would be U+FFFD).
const INVALID_UTF8 = Buffer.concat([
  Buffer.from('{"fromRole":"client","messageName":"createRoom","payload":{"userId":"'),
  Buffer.from([0xff]),
  Buffer.from('","roomId":"r"}}'),
])

/** Sends `bytes` as a TEXT frame (the `ws` client does not check outgoing UTF-8). */
async function sendInvalidText(url: string): Promise<{ code: number; reason: string }> {
  const peer = await openPeer(url)
  peer.ws.send(INVALID_UTF8, { binary: false })
  const closed = await peer.closed
  expect(peer.frames.filter((f) => f.messageName !== '$error')).toEqual([]) // never dispatched
  return closed
}

describe('text frames that are not UTF-8, with skipUTF8Validation', () => {
  it('ws attach(): closes with 1007 OPENWS_ERR_BAD_JSON instead of decoding lossily', async () => {
    const http = createHttpServer()
    const wss = new WebSocketServer({ server: http, skipUTF8Validation: true })
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const mount = attach(wss, { bindings: chatServerBindings(), onInternalError: () => {} })
    const port = (http.address() as { port: number }).port
    expect(await sendInvalidText(`ws://127.0.0.1:${port}/chat/client`)).toEqual({ code: 1007, reason: 'OPENWS_ERR_BAD_JSON' })
    await mount.shutdown()
    await new Promise<void>((resolve) => wss.close(() => http.close(() => resolve())))
  })

  it('fastify: closes with 1007 OPENWS_ERR_BAD_JSON instead of decoding lossily', async () => {
    const app = Fastify({ logger: false })
    await app.register(openws, { websocket: { options: { skipUTF8Validation: true } } })
    app.openws({ bindings: chatServerBindings(), onInternalError: () => {} })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = (app.server.address() as { port: number }).port
    expect(await sendInvalidText(`ws://127.0.0.1:${port}/chat/client`)).toEqual({ code: 1007, reason: 'OPENWS_ERR_BAD_JSON' })
    await app.close()
  })

  it('with ws checking UTF-8 (the default), ws itself closes with 1007', async () => {
    const app = Fastify({ logger: false })
    await app.register(openws)
    app.openws({ bindings: chatServerBindings(), onInternalError: () => {} })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = (app.server.address() as { port: number }).port
    expect((await sendInvalidText(`ws://127.0.0.1:${port}/chat/client`)).code).toBe(1007)
    await app.close()
  })
})
