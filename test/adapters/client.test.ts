// The client runtime against the real server adapters over loopback (Node: `ws` passed in).
import { createServer as createHttpServer } from 'node:http'
import WebSocket, { WebSocketServer } from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { connect, hostedBy, type OpenWsClient } from '../../src/runtime/adapters/client/index'
import { connect as connectNode } from '../../src/runtime/adapters/client/node'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { disconnect } from '../../src/runtime/session/peer'
import { createServer, type OpenWsServer } from '../../src/runtime/adapters/ws/index'
import { chatNetwork, chatServerBindings } from './fixtures/chat'
import { ADAPTERS, startServer, type TestServer } from '../helpers/servers'

/** Client-side bindings: the chat network hosted by `client`, recording what arrives. */
function clientBindings(log: unknown[]) {
  const binder = bindings(hostedBy(chatNetwork(), 'client'))
  binder.fromRoles.server
    .on('joinedRoom', (payload: unknown) => void log.push(['joinedRoom', payload]))
    .on('receivedMessage', (payload: unknown) => void log.push(['receivedMessage', payload]))
  return binder
}

function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms
  return new Promise((resolve, reject) => {
    const poll = () => (check() ? resolve() : Date.now() > deadline ? reject(new Error('condition not met in time')) : setTimeout(poll, 5))
    poll()
  })
}

const clients: OpenWsClient<any>[] = []
function track<C extends OpenWsClient<any>>(c: C): C {
  clients.push(c)
  return c
}

describe.each(ADAPTERS)('client runtime against the %s adapter', (kind) => {
  let server: TestServer | undefined
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()))
    await server?.close()
    server = undefined
  })

  it('gives its handlers client.api as their peer; disconnect(api) from a handler closes the client for good', async () => {
    server = await startServer(kind, { bindings: chatServerBindings() })
    const binder = bindings(hostedBy(chatNetwork(), 'client'))
    const peers: object[] = []
    binder.fromRoles.server.on('joinedRoom', (_payload: unknown, api: object) => {
      peers.push(api)
      disconnect(api, 4000, 'bye')
    })
    const c = track(connect({ bindings: binder, url: `${server.base}/client`, WebSocket: WebSocket as any }))
    const closes: { code: number; reconnecting: boolean }[] = []
    c.on('close', (e) => void closes.push(e))
    await c.ready()
    await c.api.createRoom({ userId: 'a', roomId: 'r' })
    await until(() => c.state === 'closed')
    expect(peers).toEqual([c.api])
    expect(closes).toEqual([{ code: 4000, reason: 'bye', reconnecting: false }])
  })

  it('hosts its role handlers and calls the server through a typed API; two clients chat', async () => {
    server = await startServer(kind, { bindings: chatServerBindings() })
    const logA: unknown[] = []
    const logB: unknown[] = []
    const a = track(connect({ bindings: clientBindings(logA), url: `${server.base}/client`, WebSocket: WebSocket as any }))
    const b = track(connectNode({ bindings: clientBindings(logB), url: `${server.base}/client` }))
    await Promise.all([a.ready(), b.ready()])
    expect(a.state).toBe('open')
    expect(a.serverRole).toBe('server')
    await a.api.createRoom({ userId: 'a', roomId: 'r' })
    await until(() => logA.length === 1)
    await b.api.joinRoom({ userId: 'b', roomId: 'r' })
    await until(() => logB.length === 1 && logA.length === 2)
    await b.api.sendMessage({ userId: 'b', roomId: 'r', text: 'hi a' })
    await until(() => logA.length === 3)
    expect(logA[2]).toEqual(['receivedMessage', { roomId: 'r', senderId: 'b', text: 'hi a' }])
  })

  it('validates outbound payloads before sending and surfaces server $error frames as events', async () => {
    server = await startServer(kind, { bindings: chatServerBindings() })
    const c = track(connectNode({ bindings: clientBindings([]), url: `${server.base}/client` }))
    await c.ready()
    await expect(c.api.createRoom({ userId: 1 })).rejects.toMatchObject({ code: 'OPENWS_ERR_OUTBOUND_INVALID' })
    const errors: any[] = []
    c.on('error', (e) => errors.push(e))
    await c.api.boom({})
    await until(() => errors.length === 1)
    expect(errors[0]).toMatchObject({ code: 'OPENWS_ERR_HANDLER_FAILED', messageName: 'boom' })
    expect(c.state).toBe('open')
  })
})

describe('client reconnects, queues and closes', () => {
  let server: OpenWsServer | undefined
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()))
    await server?.close()
    server = undefined
  })

  it('queues while disconnected, reconnects with backoff, flushes in order', async () => {
    const seen: string[] = []
    const serverBindings = () => chatServerBindings({ rooms: new Map(), users: new Map(), onText: (text) => seen.push(text) })
    server = await createServer({ bindings: serverBindings(), onInternalError: () => {} })
    const port = server.port
    const events: string[] = []
    const c = track(
      connectNode({ bindings: clientBindings([]), url: `${server.url}/client`, reconnect: { initialDelayMs: 20, maxDelayMs: 100 } }),
    )
    c.on('open', () => events.push('open'))
    c.on('close', (e) => events.push(`close:${e.reconnecting}`))
    c.on('reconnecting', () => events.push('reconnecting'))
    await c.ready()
    await server.close()
    await until(() => c.state === 'reconnecting')
    await c.api.sendMessage({ userId: 'u', roomId: 'r', text: 'one' })
    await c.api.sendMessage({ userId: 'u', roomId: 'r', text: 'two' })
    expect(c.queued).toBe(2)
    server = await createServer({ bindings: serverBindings(), port, onInternalError: () => {} })
    await until(() => seen.length === 2, 5000)
    expect(seen).toEqual(['one', 'two'])
    expect(c.queued).toBe(0)
    expect(events[0]).toBe('open')
    expect(events).toContain('close:true')
    expect(events).toContain('reconnecting')
    expect(events.at(-1)).toBe('open')
  })

  it('bounds the queue: the oldest frame is dropped and reported', async () => {
    const c = track(
      connectNode({
        bindings: clientBindings([]),
        url: 'ws://127.0.0.1:1/chat/client',
        maxQueuedFrames: 2,
        reconnect: { initialDelayMs: 1000 },
      }),
    )
    c.on('error', () => {})
    const dropped: string[] = []
    c.on('drop', ({ frame }) => dropped.push(JSON.parse(frame).payload.text))
    for (const text of ['1', '2', '3']) await c.api.sendMessage({ userId: 'u', roomId: 'r', text })
    expect(c.queued).toBe(2)
    expect(dropped).toEqual(['1'])
  })

  it('without reconnect, a lost connection ends the client; close() is final and idempotent', async () => {
    server = await createServer({ bindings: chatServerBindings(), onInternalError: () => {} })
    const c = track(connectNode({ bindings: clientBindings([]), url: `${server.url}/client`, reconnect: false }))
    const closes: any[] = []
    c.on('close', (e) => closes.push(e))
    await c.ready()
    await server.close()
    server = undefined
    await until(() => c.state === 'closed')
    expect(closes).toEqual([{ code: 1001, reason: 'OPENWS_ERR_SHUTTING_DOWN', reconnecting: false }])
    await c.close()
    await c.close()
    expect(closes.length).toBe(1)
  })

  it('heartbeat: a server that stops answering pings is dropped and redialled', async () => {
    const http = createHttpServer()
    const wss = new WebSocketServer({ server: http, autoPong: false })
    let connections = 0
    wss.on('connection', () => connections++)
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const port = (http.address() as { port: number }).port
    const c = track(
      connectNode({
        bindings: clientBindings([]),
        url: `ws://127.0.0.1:${port}/chat/client`,
        heartbeat: { intervalMs: 30, timeoutMs: 30 },
        reconnect: { initialDelayMs: 10, maxDelayMs: 10 },
      }),
    )
    c.on('error', () => {})
    await until(() => connections >= 2, 5000)
    await c.close()
    for (const ws of wss.clients) ws.terminate()
    await new Promise<void>((resolve) => wss.close(() => http.close(() => resolve())))
  })

  it('checks its options', () => {
    const b = clientBindings([])
    expect(() => connect({ bindings: b, url: 'ws://x', WebSocket: WebSocket as any, reconnect: { factor: 0.5 } })).toThrow(/factor/)
    expect(() => connect({ bindings: {} as any })).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
    expect(() => connect({ bindings: b, serverRole: 'client', WebSocket: WebSocket as any })).toThrow(/serverRole/)
    // No endpoint in the spec and no url.
    expect(() => connect({ bindings: b, WebSocket: WebSocket as any })).toThrow(/url/)
  })
})
