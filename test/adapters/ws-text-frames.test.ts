// The server's text-frame path on `ws` (src/runtime/adapters/ws/text-frames.ts): frames built once
// per text and written directly, writes of a tick corked per socket, `ws.send` when an extension
// (permessage-deflate) is on. Same bytes, same order, same back-pressure signal, close after data.
import { createServer as createHttpServer } from 'node:http'
import WebSocket, * as wsModule from 'ws'
import { WebSocketServer } from 'ws'
import { describe, expect, it } from 'vitest'
import { textFrame, wsContext } from '../../src/runtime/adapters/ws/text-frames'

const TEXTS = [
  '',
  'a',
  'x'.repeat(125),
  'x'.repeat(126),
  'é'.repeat(63),
  'é'.repeat(64),
  'y'.repeat(65535),
  'z'.repeat(65536),
  '😀'.repeat(40000),
]

function senderFrame(text: string): Buffer {
  const Sender = (wsModule as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } }).Sender
  return Buffer.concat(Sender.frame(Buffer.from(text), { fin: true, opcode: 1, mask: false, readOnly: false, rsv1: false }))
}

async function pair(deflate: boolean) {
  const http = createHttpServer()
  const wss = new WebSocketServer({ server: http, perMessageDeflate: deflate })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const accepted = new Promise<import('ws').WebSocket>((resolve) => wss.once('connection', resolve))
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as { port: number }).port}`, { perMessageDeflate: deflate })
  const received: string[] = []
  client.on('message', (data: Buffer, isBinary: boolean) => received.push(isBinary ? '<binary>' : data.toString()))
  const closed = new Promise<number>((resolve) => client.once('close', resolve))
  await new Promise((resolve) => client.once('open', resolve))
  const server = await accepted
  const stop = () => new Promise<void>((resolve) => wss.close(() => http.close(() => resolve())))
  return { server, client, received, closed, stop }
}

describe('text frames on ws', () => {
  it('builds the bytes ws would (every length encoding, multi-byte UTF-8)', () => {
    for (const text of TEXTS) expect(textFrame(text).equals(senderFrame(text))).toBe(true)
    // the same text again (the broadcast case) and a different one of the same length
    expect(textFrame('é'.repeat(64)).equals(senderFrame('é'.repeat(64)))).toBe(true)
    expect(textFrame('ab').equals(senderFrame('ab'))).toBe(true)
    expect(textFrame('ba').equals(senderFrame('ba'))).toBe(true)
  })

  for (const deflate of [false, true]) {
    it(`delivers in order, then the close (permessage-deflate ${deflate ? 'on: ws.send' : 'off: direct'})`, async () => {
      const { server, received, closed, stop } = await pair(deflate)
      const context = wsContext(server)
      const texts = [...TEXTS, ...TEXTS.slice(0, 4), 'last']
      for (const text of texts) context.send(text)
      // Corked or queued, the bytes are counted: back-pressure sees them at once.
      expect(context.bufferedAmount).toBeGreaterThan(deflate ? 0 : 65536 * 2)
      context.close(4000, 'done')
      context.send('after close: dropped')
      expect(await closed).toBe(4000)
      expect(received).toEqual(texts)
      await stop()
    })
  }

  it('keeps order with writes made by ws itself in the same tick (ping, close)', async () => {
    const { server, client, received, stop } = await pair(false)
    const context = wsContext(server)
    const pinged = new Promise<number>((resolve) => client.once('ping', () => resolve(received.length)))
    context.send('one')
    context.ping!()
    context.send('two')
    expect(await pinged).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(received).toEqual(['one', 'two'])
    context.terminate!()
    await stop()
  })
})
