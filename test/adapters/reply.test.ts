// Request/reply over real sockets: the ws and Fastify adapters with the client runtime, the server
// on the interpreter and on the emitted artifact. Outcomes in detail: test/runtime/reply.test.ts.
import WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { connect, type OpenWsClient } from '../../src/runtime/adapters/client/index'
import type { Api } from '../../src/runtime/contract/class/index'
import { withEmittedArtifact } from '../../bench/support/emitted'
import { Server, replyClientBindings, replyServerBindings } from './fixtures/reply'
import { ADAPTERS, openPeer, startServer, type TestServer } from '../helpers/servers'

const codeOf = (e: unknown) => (e as { code?: string }).code
const PATHS = [
  ['interpreted', (b: ReturnType<typeof replyServerBindings>) => b],
  ['emitted artifact', (b: ReturnType<typeof replyServerBindings>) => ({ ...b, binder: withEmittedArtifact(b.binder) })],
] as const

describe.each(ADAPTERS)('request/reply over the %s adapter', (kind) => {
  describe.each(PATHS)('server %s', (_path, prepare) => {
    let server: TestServer | undefined
    let release: (() => void) | undefined
    const clients: OpenWsClient<any>[] = []
    afterEach(async () => {
      release?.()
      await Promise.all(clients.splice(0).map((c) => c.close()))
      await server?.close()
      server = undefined
    })
    const serverErrors: unknown[] = []
    const start = async (clientOptions: { limits?: { maxPendingRequests: number } } = {}) => {
      const s = prepare(replyServerBindings())
      release = s.release
      serverErrors.length = 0
      server = await startServer(kind, { bindings: s.binder, onInternalError: (e) => serverErrors.push(e) })
      const client = connect<Api<typeof Server>>({
        bindings: replyClientBindings(),
        url: `${server.base}/client`,
        WebSocket: WebSocket as any,
        reconnect: false,
        ...clientOptions,
      })
      clients.push(client)
      const errors: unknown[] = []
      client.on('error', (e) => errors.push(e))
      await client.ready()
      return { client, errors }
    }

    it('await client.api.x() resolves to the typed, validated reply; the host can ask the client back', async () => {
      const { client, errors } = await start()
      const { sum } = await client.api.add({ a: 2, b: 40 })
      expect(sum).toBe(42)
      expect(await client.api.askBack({ q: 'yes' })).toEqual({ ok: true })
      expect(await client.api.askBack({ q: 'no' })).toEqual({ ok: false })
      expect(errors).toEqual([]) // answers to requests are not 'error' events
    })

    it('refusals reject exactly that request with the server code', async () => {
      const { client } = await start()
      const [bad, boom, good] = await Promise.allSettled([client.api.badSum({}), client.api.boom({}), client.api.add({ a: 1, b: 1 })])
      expect(bad.status === 'rejected' && codeOf(bad.reason)).toBe('OPENWS_ERR_REPLY_INVALID')
      expect(boom.status === 'rejected' && codeOf(boom.reason)).toBe('OPENWS_ERR_HANDLER_FAILED')
      expect(good).toEqual({ status: 'fulfilled', value: { sum: 2 } })
    })

    it('times out with OPENWS_ERR_REQUEST_TIMEOUT; an AbortSignal cancels', async () => {
      const { client } = await start()
      await expect(client.api.hang({}, { timeoutMs: 1 })).rejects.toMatchObject({ code: 'OPENWS_ERR_REQUEST_TIMEOUT' })
      const ac = new AbortController()
      const p = client.api.hang({}, { signal: ac.signal })
      ac.abort()
      await expect(p).rejects.toMatchObject({ code: 'OPENWS_ERR_REQUEST_ABORTED' })
    })

    it('a request the server refuses is answered with an $error whose payload carries that request id (unknown message, bad payload, bad envelope)', async () => {
      await start()
      const peer = await openPeer(`${server!.base}/client`)
      try {
        peer.send('client', 'nope', {}, 'r1')
        expect(await peer.next()).toMatchObject({ messageName: '$error', payload: { code: 'OPENWS_ERR_UNKNOWN_MESSAGE', id: 'r1' } })
        peer.send('client', 'add', { a: 'x', b: 1 }, 'r2')
        expect(await peer.next()).toMatchObject({ messageName: '$error', payload: { code: 'OPENWS_ERR_INVALID_PAYLOAD', id: 'r2' } })
        peer.ws.send(JSON.stringify({ fromRole: 'client', messageName: 'add', id: 'r3' })) // no payload
        expect(await peer.next()).toMatchObject({ messageName: '$error', payload: { code: 'OPENWS_ERR_BAD_ENVELOPE', id: 'r3' } })
        peer.send('client', 'add', { a: 1, b: 2 }, 'r4') // the connection still answers
        expect(await peer.next()).toMatchObject({ messageName: '$reply', id: 'r4', payload: { sum: 3 } })
      } finally {
        peer.ws.close()
      }
    })

    it('a reply to no pending request is reported as OPENWS_ERR_UNEXPECTED_REPLY and dropped, on the server', async () => {
      await start()
      const peer = await openPeer(`${server!.base}/client`)
      try {
        peer.send('client', '$reply', { ok: true }, 'never-asked')
        peer.send('client', 'add', { a: 1, b: 1 }, 'after') // handled after the stray reply: ordering proves it was seen
        expect(await peer.next()).toMatchObject({ messageName: '$reply', id: 'after' })
        expect(serverErrors.map(codeOf)).toContain('OPENWS_ERR_UNEXPECTED_REPLY')
        expect(peer.frames).toHaveLength(1) // nothing answered the stray reply
      } finally {
        peer.ws.close()
      }
    })

    it('a reply after the timeout is dropped and reported on the client as OPENWS_ERR_UNEXPECTED_REPLY', async () => {
      const { client, errors } = await start()
      await expect(client.api.hang({}, { timeoutMs: 1 })).rejects.toMatchObject({ code: 'OPENWS_ERR_REQUEST_TIMEOUT' })
      release!() // the server now answers the timed-out request
      await client.api.add({ a: 1, b: 1 }) // the late reply was written before this one's
      expect(errors.map(codeOf)).toEqual(['OPENWS_ERR_UNEXPECTED_REPLY'])
    })

    it('limits.maxPendingRequests refuses the next request with OPENWS_ERR_TOO_MANY_REQUESTS and sends nothing', async () => {
      const { client } = await start({ limits: { maxPendingRequests: 2 } })
      const held = [client.api.hang({}), client.api.hang({})]
      await expect(client.api.add({ a: 1, b: 1 })).rejects.toMatchObject({ code: 'OPENWS_ERR_TOO_MANY_REQUESTS' })
      release!()
      expect(await Promise.all(held)).toEqual([{ sum: 0 }, { sum: 0 }])
      expect(await client.api.add({ a: 1, b: 1 })).toEqual({ sum: 2 }) // room again once they settled
    })

    it('requests made in one tick leave corked, in one write, and are answered in order', async () => {
      const { client } = await start()
      const raw = (client as unknown as { socket: { _socket: { writableCorked: number; writableLength: number } } }).socket._socket
      const requests = Array.from({ length: 20 }, (_, i) => client.api.add({ a: i, b: 1 }))
      expect(raw.writableCorked).toBe(1) // the stream holds every frame of this tick...
      expect(raw.writableLength).toBeGreaterThan(0)
      await Promise.resolve()
      expect(raw.writableCorked).toBe(0) // ...until the microtask after it
      expect((await Promise.all(requests)).map((r) => r.sum)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      const later = await Promise.all([client.api.add({ a: 5, b: 5 }), client.api.add({ a: 6, b: 6 })])
      expect(later.map((r) => r.sum)).toEqual([10, 12])
    })

    it('a closed connection rejects pending requests with OPENWS_ERR_DISCONNECTED and does not resend them', async () => {
      const { client } = await start()
      const p = client.api.hang({}) // written to the open socket; the server holds it
      const rejected = expect(p).rejects.toMatchObject({ code: 'OPENWS_ERR_DISCONNECTED' })
      await client.close()
      await rejected
      expect(client.queued).toBe(0)
    })
  })
})

describe('request/reply and reconnects', () => {
  it('after client.close(), a request made by handleClose (or any late handler) rejects with OPENWS_ERR_DISCONNECTED at once', async () => {
    const s = replyServerBindings()
    const server = await startServer('ws', { bindings: s.binder })
    let fromHook: Promise<unknown> | undefined
    const client = connect<Api<typeof Server>>({
      bindings: replyClientBindings((api) => (fromHook = api.add({ a: 1, b: 2 }, { timeoutMs: 0 }))),
      url: `${server.base}/client`,
      WebSocket: WebSocket as any,
      reconnect: false,
    })
    await client.ready()
    await client.close()
    expect(fromHook).toBeDefined()
    await expect(fromHook).rejects.toMatchObject({ code: 'OPENWS_ERR_DISCONNECTED' })
    await expect(client.api.add({ a: 1, b: 1 })).rejects.toMatchObject({ code: 'OPENWS_ERR_DISCONNECTED' })
    s.release()
    await server.close()
  })

  it('a request queued while connecting is rejected with OPENWS_ERR_DISCONNECTED when that socket fails, and leaves the queue', async () => {
    const client = connect<Api<typeof Server>>({
      bindings: replyClientBindings(),
      url: 'ws://127.0.0.1:1/calc/client', // nothing listens on port 1
      WebSocket: WebSocket as any,
      reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 1 },
    })
    client.on('error', () => {})
    const request = client.api.add({ a: 1, b: 2 }, { timeoutMs: 0 })
    expect(client.queued).toBe(1)
    await expect(request).rejects.toMatchObject({ code: 'OPENWS_ERR_DISCONNECTED' })
    expect(client.queued).toBe(0) // not resent on the next connection
    await client.close()
  })
})
