// The client over a scripted socket: what it does with each inbound frame, counted exactly
// (no server, no timing). Adapters move frames only: the session decodes each frame once.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { connect, hostedBy } from '../../src/runtime/adapters/client/index'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { chatNetwork } from './fixtures/chat'

type Listener = (event: any) => void

/** A DOM-style socket the test drives by hand. */
class ScriptedSocket {
  static last: ScriptedSocket | undefined
  readyState = 0
  binaryType = 'blob'
  bufferedAmount = 0
  readonly sent: string[] = []
  private readonly listeners = new Map<string, Listener[]>()
  constructor(readonly url: string) {
    ScriptedSocket.last = this
  }
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  emit(type: string, event: unknown): void {
    for (const l of this.listeners.get(type) ?? []) l(event)
  }
  open(): void {
    this.readyState = 1
    this.emit('open', {})
  }
  send(frame: string): void {
    this.sent.push(frame)
  }
  close(code = 1000, reason = ''): void {
    this.readyState = 3
    this.emit('close', { code, reason })
  }
}

function client(log: unknown[]) {
  const binder = bindings(hostedBy(chatNetwork(), 'client'))
  binder.fromRoles.server.on('joinedRoom', (payload: unknown) => void log.push(['joinedRoom', payload]))
  return connect({ bindings: binder, url: 'ws://test/chat/client', WebSocket: ScriptedSocket as any, reconnect: false, heartbeat: false })
}

afterEach(() => vi.restoreAllMocks())

describe('client inbound frames', () => {
  it('decodes each frame once: messages go to handlers, $error frames become error events, neither is answered', async () => {
    const log: unknown[] = []
    const errors: any[] = []
    const c = client(log)
    c.on('error', (e) => errors.push(e))
    const socket = ScriptedSocket.last!
    socket.open()
    const parse = vi.spyOn(JSON, 'parse')
    socket.emit('message', {
      data: JSON.stringify({ fromRole: 'server', messageName: 'joinedRoom', payload: { joinerId: 'a', roomId: 'r' } }),
    })
    expect(parse).toHaveBeenCalledTimes(1)
    socket.emit('message', {
      data: JSON.stringify({
        fromRole: 'server',
        messageName: '$error',
        payload: { code: 'OPENWS_ERR_INVALID_PAYLOAD', message: 'no', messageName: 'createRoom', id: 'x1' },
      }),
    })
    expect(parse).toHaveBeenCalledTimes(2)
    parse.mockRestore()
    await c.ready()
    expect(log).toEqual([['joinedRoom', { joinerId: 'a', roomId: 'r' }]])
    expect(errors).toMatchObject([{ code: 'OPENWS_ERR_INVALID_PAYLOAD', messageName: 'createRoom', id: 'x1' }])
    expect(socket.sent).toEqual([]) // an `$error` frame is never answered
    // A frame that is not an envelope is still answered (by the session), with its id.
    const again = vi.spyOn(JSON, 'parse')
    socket.emit('message', { data: '{"fromRole":"server","messageName":"joinedRoom","id":9}' })
    expect(again).toHaveBeenCalledTimes(1)
    again.mockRestore()
    expect(socket.sent.map((f) => JSON.parse(f).payload)).toMatchObject([{ code: 'OPENWS_ERR_BAD_ENVELOPE', id: 9 }])
    await c.close()
  })
})
