// Transport faults over real sockets (issue 18), on both adapters: fragmented frames, a TCP reset
// in the middle of a frame, and a peer that stops answering pings.
import { connect as connectTcp } from 'node:net'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { HOST_MARK, type NetworkIR } from '../../src/runtime/ir/types'
import { ADAPTERS, openPeer, startServer, type TestServer } from '../helpers/servers'

const MAX_FRAME = 1024
const textSchema = { type: 'object', properties: { text: { type: 'string' } }, required: ['text'], additionalProperties: false }

function echoBindings() {
  const network: NetworkIR = {
    name: 'faults',
    roles: {
      server: { [HOST_MARK]: true, messages: { echo: { payload: textSchema, from: ['client'] } } },
      client: { messages: { echoed: { payload: textSchema } } },
    },
  }
  const binder = bindings(network)
  binder.fromRoles.client.on('echo', (p: unknown, api: any) => api.echoed(p))
  return binder
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe.each(ADAPTERS)('%s adapter, transport faults', (kind) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer(kind, { bindings: echoBindings(), path: '/faults', heartbeatMs: 100, limits: { maxFrameBytes: MAX_FRAME } })
  })
  afterAll(() => server?.close())

  it('reassembles a fragmented text frame', async () => {
    const peer = await openPeer(`${server.base}/client`)
    const frame = JSON.stringify({ fromRole: 'client', messageName: 'echo', payload: { text: 'in three parts' } })
    peer.ws.send(frame.slice(0, 10), { fin: false })
    peer.ws.send(frame.slice(10, 30), { fin: false })
    peer.ws.send(frame.slice(30), { fin: true })
    expect(await peer.next()).toEqual({ fromRole: 'server', messageName: 'echoed', payload: { text: 'in three parts' } })
    peer.ws.close()
  })

  it('closes with 1009 when the fragments add up to more than maxFrameBytes', async () => {
    const peer = await openPeer(`${server.base}/client`)
    const frame = JSON.stringify({ fromRole: 'client', messageName: 'echo', payload: { text: 'x'.repeat(MAX_FRAME) } })
    for (let at = 0; at < frame.length; at += 256) peer.ws.send(frame.slice(at, at + 256), { fin: at + 256 >= frame.length })
    expect((await peer.closed).code).toBe(1009)
  })

  it('survives a TCP reset in the middle of a frame; other connections carry on', async () => {
    const other = await openPeer(`${server.base}/client`)
    const before = server.connections()
    const url = new URL(`${server.http}/client`)
    const socket = connectTcp(Number(url.port), url.hostname)
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write(
      `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    )
    await new Promise<void>((resolve) => socket.once('data', () => resolve())) // 101 Switching Protocols
    await until(() => server.connections() === before + 1, 'the raw connection to count')
    // A masked text frame header announcing 100 bytes, then only 5 of them, then a reset.
    socket.write(Buffer.from([0x81, 0x80 | 100, 1, 2, 3, 4, 0x61, 0x62, 0x63, 0x64, 0x65]))
    socket.resetAndDestroy()
    await until(() => server.connections() === before, 'the reset connection to be released')
    other.send('client', 'echo', { text: 'still here' })
    expect(await other.next()).toMatchObject({ messageName: 'echoed', payload: { text: 'still here' } })
    other.ws.close()
  })

  it('drops a peer that stops answering pings (heartbeatMs)', async () => {
    const ws = new WebSocket(`${server.base}/client`, { autoPong: false })
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    // Terminated without a closing handshake: ws reports 1006 (abnormal closure).
    expect(await closed).toBe(1006)
  })
})
