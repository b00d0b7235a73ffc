// One suite, both server adapters, real sockets on loopback: every documented outcome of bad input.
import { afterEach, describe, expect, it } from 'vitest'
import { chatServerBindings } from './fixtures/chat'
import { ADAPTERS, openPeer, startServer, type TestServer } from '../helpers/servers'

describe.each(ADAPTERS)('%s adapter over real sockets', (kind) => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  async function start(options: Record<string, unknown> = {}): Promise<TestServer> {
    server = await startServer(kind, { bindings: chatServerBindings(), ...options })
    return server
  }

  it('serves a client: createRoom answers joinedRoom', async () => {
    const s = await start()
    const peer = await openPeer(`${s.base}/client`)
    peer.send('client', 'createRoom', { userId: 'a', roomId: 'r' })
    expect(await peer.next()).toEqual({ fromRole: 'server', messageName: 'joinedRoom', payload: { roomId: 'r', joinerId: 'a' } })
    peer.ws.close()
  })

  it('closes with 1008 when a frame claims another role', async () => {
    const s = await start()
    const peer = await openPeer(`${s.base}/client`)
    peer.send('portal', 'requestRoomStats', { roomId: 'r' })
    const error = await peer.next()
    expect(error.payload.code).toBe('OPENWS_ERR_ROLE_MISMATCH')
    expect(await peer.closed).toEqual({ code: 1008, reason: 'OPENWS_ERR_ROLE_MISMATCH' })
  })

  it('answers bad JSON with an $error and closes with 1007', async () => {
    const s = await start()
    const peer = await openPeer(`${s.base}/client`)
    peer.ws.send('{"fromRole": "client", nope')
    expect((await peer.next()).payload.code).toBe('OPENWS_ERR_BAD_JSON')
    expect((await peer.closed).code).toBe(1007)
  })

  it('closes with 1007 on a text frame that is not UTF-8, and 1003 on a binary frame', async () => {
    const s = await start()
    const text = await openPeer(`${s.base}/client`)
    text.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false })
    expect((await text.closed).code).toBe(1007)
    const binary = await openPeer(`${s.base}/client`)
    binary.ws.send(Buffer.from('{"fromRole":"client"}'), { binary: true })
    expect((await binary.closed).code).toBe(1003)
  })

  it.each([
    ['unknown message', 'noSuchMessage', { roomId: 'r' }, 'OPENWS_ERR_UNKNOWN_MESSAGE'],
    ['sender not allowed', 'requestRoomStats', { roomId: 'r' }, 'OPENWS_ERR_SENDER_NOT_ALLOWED'],
    ['invalid payload', 'createRoom', { userId: 42 }, 'OPENWS_ERR_INVALID_PAYLOAD'],
  ])('%s: $error with the code and the sender id, connection stays usable', async (_what, messageName, payload, code) => {
    const s = await start()
    const peer = await openPeer(`${s.base}/client`)
    peer.send('client', messageName, payload, 'req-7')
    const error = await peer.next()
    expect(error).toMatchObject({ fromRole: 'server', messageName: '$error', payload: { code, id: 'req-7' } })
    if (code === 'OPENWS_ERR_INVALID_PAYLOAD') expect(error.payload.issues.length).toBeGreaterThan(0)
    peer.send('client', 'createRoom', { userId: 'a', roomId: 'r' }, 8)
    expect((await peer.next()).messageName).toBe('joinedRoom')
    peer.ws.close()
  })

  it('closes with 1009 on an oversize frame', async () => {
    const s = await start({ limits: { maxFrameBytes: 1024 } })
    const peer = await openPeer(`${s.base}/client`)
    peer.send('client', 'sendMessage', { userId: 'a', roomId: 'r', text: 'x'.repeat(5000) })
    expect((await peer.closed).code).toBe(1009)
  })

  it('the frame cap follows limits.maxFrameBytes: the session reports oversize frames, raised limits are honoured', async () => {
    const s = await start()
    const big = await openPeer(`${s.base}/client`)
    big.send('client', 'sendMessage', { userId: 'a', roomId: 'r', text: 'x'.repeat(1024 * 1024) })
    expect((await big.next()).payload.code).toBe('OPENWS_ERR_FRAME_TOO_LARGE')
    expect((await big.closed).code).toBe(1009)
    await s.close()
    const raised = await start({ limits: { maxFrameBytes: 2 * 1024 * 1024 } })
    const ok = await openPeer(`${raised.base}/client`)
    ok.send('client', 'whoami', { pad: 'x'.repeat(1536 * 1024) }, 'big')
    expect((await ok.next()).payload).toMatchObject({ code: 'OPENWS_ERR_INVALID_PAYLOAD', id: 'big' })
    ok.ws.close()
  })

  it('a handler exception gives an $error; this and every other connection keep working', async () => {
    const s = await start()
    const a = await openPeer(`${s.base}/client`)
    const b = await openPeer(`${s.base}/client`)
    b.send('client', 'createRoom', { userId: 'b', roomId: 'rb' })
    a.send('client', 'boom', {}, 1)
    expect((await a.next()).payload).toMatchObject({ code: 'OPENWS_ERR_HANDLER_FAILED', id: 1, messageName: 'boom' })
    expect((await b.next()).messageName).toBe('joinedRoom')
    a.send('client', 'createRoom', { userId: 'a', roomId: 'ra' })
    expect((await a.next()).messageName).toBe('joinedRoom')
    a.ws.close()
    b.ws.close()
  })

  it('bounds a slow consumer: over maxBufferedBytes the peer is closed with 1008', async () => {
    const s = await start({ maxBufferedBytes: 64 * 1024 })
    const peer = await openPeer(`${s.base}/client`)
    // Stop reading: the server's kernel buffers fill, then ws's bufferedAmount grows.
    ;(peer.ws as any)._socket.pause()
    peer.send('client', 'flood', { count: 4000, size: 16 * 1024 })
    await new Promise((resolve) => setTimeout(resolve, 300))
    ;(peer.ws as any)._socket.resume()
    const { code, reason } = await peer.closed
    expect(code).toBe(1008)
    expect(reason).toBe('OPENWS_ERR_SLOW_CONSUMER')
    expect(peer.frames.length).toBeLessThan(4000)
  })

  it('graceful shutdown: the in-flight handler finishes, then sessions close with 1001', async () => {
    const s = await start()
    const busy = await openPeer(`${s.base}/client`)
    const idle = await openPeer(`${s.base}/portal`)
    busy.send('client', 'slow', { ms: 300 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const closing = s.close()
    server = undefined
    expect((await busy.next()).payload.text).toBe('slow done')
    expect((await busy.closed).code).toBe(1001)
    expect((await idle.closed).code).toBe(1001)
    await closing
  })

  it('serves the spec at {path}/spec.json, and not when spec: false', async () => {
    const s = await start()
    const response = await fetch(`${s.http}/spec.json`)
    expect(response.status).toBe(200)
    const doc = await response.json()
    expect(doc.openws).toBe('0.0.2')
    expect(Object.keys(doc.networks.chat.roles).sort()).toEqual(['client', 'portal', 'server'])
    expect(doc.networks.chat.roles.server['x-openws-host']).toBe(true)
    await s.close()
    const off = await start({ spec: false })
    expect((await fetch(`${off.http}/spec.json`)).status).toBe(404)
  })

  it('refuses an unknown role path with 404', async () => {
    const s = await start()
    await expect(openPeer(`${s.base}/server`)).rejects.toMatchObject({ status: 404 })
    await expect(openPeer(`${s.base}/nobody`)).rejects.toMatchObject({ status: 404 })
  })
})
