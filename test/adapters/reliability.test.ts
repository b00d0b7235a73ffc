// Hostile input and shutdown over real sockets (issue 18): every outcome is an `$error` frame or a
// close code with a stable code, never a crash, a hang or silence.
import Fastify from 'fastify'
import { randomBytes } from 'node:crypto'
import { createServer as createHttpServer } from 'node:http'
import { connect as connectTcp } from 'node:net'
import { WebSocketServer } from 'ws'
import { describe, expect, it } from 'vitest'
import { openws } from '../../src/runtime/adapters/fastify/index'
import { attach, createServer } from '../../src/runtime/adapters/ws/index'
import { connect as connectNode } from '../../src/runtime/adapters/client/node'
import { hostedBy } from '../../src/runtime/adapters/client/index'
import { bindings as fluentBindings } from '../../src/runtime/contract/fluent/index'
import { chatNetwork, chatServerBindings, type ChatState } from './fixtures/chat'
import { ADAPTERS, openPeer, startServer } from '../helpers/servers'

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

/** A raw TCP client: sends `request`, records every byte, never answers anything (not even a close frame). */
function rawClient(port: number, request: string) {
  const socket = connectTcp(port, '127.0.0.1')
  const chunks: Buffer[] = []
  socket.on('data', (chunk) => chunks.push(chunk))
  socket.on('error', () => {})
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()))
  socket.write(request)
  return {
    socket,
    ended,
    text: () => Buffer.concat(chunks).toString('latin1'),
    bytes: () => Buffer.concat(chunks),
  }
}

function upgradeRequest(path: string): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`
  )
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5))
}

async function fastifyApp(options: Record<string, unknown>, state?: ChatState, onClose?: () => void) {
  const app = Fastify({ logger: false })
  if (onClose) app.addHook('onClose', async () => onClose())
  await app.register(openws)
  const mount = app.openws({ bindings: chatServerBindings(state), onInternalError: () => {}, ...options })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const port = (app.server.address() as { port: number }).port
  return { app, mount, port, base: `ws://127.0.0.1:${port}/chat` }
}

describe('fastify shutdown', () => {
  it('app.close() resolves after every session closed: handleClose, then the onClose hooks', async () => {
    const order: string[] = []
    const state: ChatState = { rooms: new Map(), users: new Map(), onClose: (role) => order.push(`handleClose:${role}`) }
    const { app, base } = await fastifyApp({}, state, () => order.push('onClose hook'))
    const peer = await openPeer(`${base}/client`)
    peer.send('client', 'createRoom', { userId: 'a', roomId: 'r' })
    await peer.next()
    await app.close()
    order.push('close resolved')
    expect(order).toEqual(['handleClose:client', 'onClose hook', 'close resolved'])
    expect((await peer.closed).code).toBe(1001)
  })

  it('an upgrade request during the drain gets 503 and its socket is closed, so app.close() completes', async () => {
    const gate = gated()
    const { app, port, base } = await fastifyApp({}, gate.state)
    const busy = await openPeer(`${base}/client`)
    busy.send('client', 'slow', { ms: 0 })
    await until(gate.started)
    const closing = app.close()
    // Draining: plain requests get fastify's 503 too.
    await until(async () => (await fetch(`http://127.0.0.1:${port}/chat/spec.json`).catch(() => undefined))?.status === 503)
    const late = rawClient(port, upgradeRequest('/chat/client'))
    await late.ended // the server closed it; the client never would
    expect(late.text()).toMatch(/^HTTP\/1\.1 503 /)
    gate.release()
    await closing
    expect((await busy.closed).code).toBe(1001)
  })
})

describe.each(ADAPTERS)('%s shutdown with a peer that never answers the closing handshake', (kind) => {
  it('terminates it after shutdownTimeoutMs: close() completes and the peer got the 1001 close frame', async () => {
    const server = await startServer(kind, { bindings: chatServerBindings(), shutdownTimeoutMs: 50 })
    const port = Number(new URL(server.base).port)
    const mute = rawClient(port, upgradeRequest(`${new URL(server.base).pathname}/client`))
    await until(() => mute.text().includes('\r\n\r\n'))
    expect(mute.text()).toMatch(/^HTTP\/1\.1 101 /)
    await until(() => server.connections() === 1)
    await server.close()
    await mute.ended
    const frames = mute.bytes().subarray(mute.bytes().indexOf('\r\n\r\n') + 4)
    expect([...frames.subarray(0, 4)]).toEqual([0x88, frames[1], 0x03, 0xe9]) // close frame, code 1001
  })
})

describe('openws/ws createServer shutdown with an incomplete HTTP request (slowloris)', () => {
  it('closes the connection after shutdownTimeoutMs, so server.close() completes', async () => {
    const server = await createServer({ bindings: chatServerBindings(), onInternalError: () => {}, shutdownTimeoutMs: 50 })
    const slow = rawClient(server.port, 'GET /chat/client HTTP/1.1\r\nHost: x\r\n') // headers never end
    const idle = rawClient(server.port, 'GET /chat/spec.json HTTP/1.1\r\nHost: x\r\n\r\n') // keep-alive, then idle
    await until(() => idle.text().includes('\r\n\r\n')) // answered, now idle
    await until(async () => (await connections(server.http)) === 2) // both accepted
    await server.close()
    await Promise.all([slow.ended, idle.ended])
  })
})

function connections(http: import('node:http').Server): Promise<number> {
  return new Promise((resolve) => http.getConnections((_e, n) => resolve(n)))
}

/** A ping answered: the server has read every frame sent before it (ws handles frames in order). */
function roundTrip(ws: { ping(): void; once(event: 'pong', listener: () => void): unknown }): Promise<void> {
  return new Promise((resolve) => {
    ws.once('pong', () => resolve())
    ws.ping()
  })
}

function gated(): { state: ChatState; release: () => void; started: () => boolean } {
  let release!: () => void
  let started = false
  const state: ChatState = {
    rooms: new Map(),
    users: new Map(),
    slowGate: new Promise<void>((resolve) => (release = resolve)),
    onSlow: () => (started = true),
  }
  return { state, release, started: () => started }
}

/** Until the server no longer serves plain HTTP as usual (fastify: 503; ws: not accepting). */
async function draining(http: string): Promise<void> {
  await until(
    async () =>
      (await fetch(`${http}/spec.json`).then(
        (r) => r.status,
        () => 0,
      )) !== 200,
  )
}

describe.each(ADAPTERS)('%s: frames that arrive during the shutdown drain', (kind) => {
  it('are answered in frame order with $error OPENWS_ERR_SHUTTING_DOWN (messageName, id, seq), then 1001', async () => {
    const gate = gated()
    const server = await startServer(kind, { bindings: chatServerBindings(gate.state) })
    const peer = await openPeer(`${server.base}/client`)
    peer.send('client', 'slow', { ms: 0 }, 's1')
    await until(gate.started)
    const closing = server.close()
    await draining(server.http)
    peer.send('client', 'createRoom', { userId: 'a', roomId: 'r' }, 'c1')
    await roundTrip(peer.ws) // the server has read c1
    expect(peer.frames).toEqual([]) // refused in frame order: after the slow reply
    gate.release()
    expect((await peer.next()).payload).toMatchObject({ text: 'slow done' })
    expect((await peer.next()).payload).toMatchObject({ code: 'OPENWS_ERR_SHUTTING_DOWN', messageName: 'createRoom', id: 'c1', seq: 2 })
    expect(await peer.closed).toEqual({ code: 1001, reason: 'OPENWS_ERR_SHUTTING_DOWN' })
    await closing
  })
})

describe('the client keeps the frames a shutting-down server refused', () => {
  it('resends them on the next connection, in order', async () => {
    const gate = gated()
    const first = await createServer({ bindings: chatServerBindings(gate.state), onInternalError: () => {} })
    const log: unknown[] = []
    const drops: unknown[] = []
    const binder = fluentBindings(hostedBy(chatNetwork(), 'client'))
    binder.fromRoles.server
      .on('joinedRoom', (payload: unknown) => void log.push(payload))
      .on('receivedMessage', (payload: unknown) => void log.push(payload))
    const client = connectNode<any>({ bindings: binder, url: `${first.url}/client`, reconnect: { initialDelayMs: 5, maxDelayMs: 20 } })
    client.on('drop', (e) => drops.push(e))
    await client.ready()
    void client.api.slow({ ms: 0 })
    await until(gate.started)
    const closing = first.close()
    await draining(first.url.replace('ws://', 'http://'))
    void client.api.createRoom({ userId: 'a', roomId: 'r1' }) // refused: the server is draining
    await roundTrip((client as any).socket)
    gate.release()
    await closing
    await until(() => client.queued === 1) // kept for the next connection
    const second = await createServer({ bindings: chatServerBindings(), onInternalError: () => {}, port: first.port })
    await until(() => log.length === 2)
    expect(log).toEqual([
      { roomId: '-', senderId: 'server', text: 'slow done' },
      { roomId: 'r1', joinerId: 'a' },
    ])
    expect(drops).toEqual([])
    await client.close()
    await second.close()
  })
})

describe.each(ADAPTERS)('%s: rate and connection limits', (kind) => {
  it('closes a peer over limits.maxMessagesPerSecond with 1008 OPENWS_ERR_RATE_LIMITED', async () => {
    const server = await startServer(kind, { bindings: chatServerBindings(), limits: { maxMessagesPerSecond: 1, messageBurst: 2 } })
    const peer = await openPeer(`${server.base}/client`)
    for (let i = 0; i < 3; i++) peer.send('client', 'createRoom', { userId: 'a', roomId: `r${i}` })
    expect(await peer.closed).toEqual({ code: 1008, reason: 'OPENWS_ERR_RATE_LIMITED' })
    expect(peer.frames.at(-1)?.payload).toMatchObject({ code: 'OPENWS_ERR_RATE_LIMITED' })
    await server.close()
  })

  it('refuses upgrades over maxConnections and maxConnectionsPerRole with HTTP 503 OPENWS_ERR_TOO_MANY_CONNECTIONS', async () => {
    const server = await startServer(kind, { bindings: chatServerBindings(), maxConnections: 2, maxConnectionsPerRole: { portal: 1 } })
    const port = Number(new URL(server.base).port)
    const path = new URL(server.base).pathname
    const refused = async (role: string) => {
      const raw = rawClient(port, upgradeRequest(`${path}/${role}`))
      await raw.ended
      return raw.text()
    }
    const a = await openPeer(`${server.base}/client`)
    await openPeer(`${server.base}/portal`)
    expect(await refused('portal')).toMatch(/^HTTP\/1\.1 503 [\s\S]*OPENWS_ERR_TOO_MANY_CONNECTIONS/) // the role is full
    expect(await refused('client')).toMatch(/^HTTP\/1\.1 503 [\s\S]*OPENWS_ERR_TOO_MANY_CONNECTIONS/) // the server is full
    a.ws.close()
    await until(() => server.connections() === 1)
    const b = await openPeer(`${server.base}/client`) // room again
    b.send('client', 'createRoom', { userId: 'b', roomId: 'r' })
    expect((await b.next()).messageName).toBe('joinedRoom')
    await server.close()
  })
})
