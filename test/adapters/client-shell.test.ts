// The client around its loop (adapters/client/client.ts) on a fake socket: what it does with the
// server's `$error` frames, refused frames, stale sockets and odd binary data, and ready() across
// reconnects (paths the differential loop tests do not reach).
import { describe, expect, it } from 'vitest'
import { connect, type WebSocketConstructor } from '../../src/runtime/adapters/client/index'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { HOST_MARK } from '../../src/runtime/ir/types'
import { disconnect } from '../../src/runtime/session/peer'

const obj = (props: Record<string, unknown>) => ({
  type: 'object',
  properties: props,
  required: Object.keys(props),
  additionalProperties: false,
})

class Socket {
  static all: Socket[] = []
  readyState = 0
  readonly sent: string[] = []
  closed: [number, string] | undefined
  private readonly listeners: Record<string, ((event: unknown) => void)[]> = {}
  constructor() {
    Socket.all.push(this)
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    ;(this.listeners[type] ??= []).push(listener)
  }
  send(frame: string): void {
    this.sent.push(frame)
  }
  close(code: number, reason: string): void {
    this.closed ??= [code, reason]
    this.readyState = 2
  }
  emit(type: string, event: unknown): void {
    for (const l of this.listeners[type] ?? []) l(event)
  }
  open(): void {
    this.readyState = 1
    this.emit('open', {})
  }
  message(frame: object): void {
    this.emit('message', { data: JSON.stringify(frame) })
  }
  end(code = 1006): void {
    this.readyState = 3
    this.emit('close', { code, reason: '' })
  }
}

function client(host?: object) {
  Socket.all = []
  const binder = bindings({
    name: 'shell',
    roles: {
      client: { [HOST_MARK]: true, messages: { note: { payload: obj({ t: { type: 'integer' } }) } } },
      server: {
        messages: { put: { payload: obj({ n: { type: 'integer' } }) }, ask: { payload: obj({}), reply: obj({ ok: { type: 'boolean' } }) } },
      },
    },
  } as any) as any
  const notes: unknown[] = []
  binder.fromRoles.server.on('note', (p: unknown) => void notes.push(p))
  const errors: unknown[] = []
  const c = connect<any>({
    bindings: binder,
    url: 'ws://test/shell',
    serverRole: 'server',
    WebSocket: Socket as unknown as WebSocketConstructor,
    reconnect: { initialDelayMs: 1, maxDelayMs: 1, jitter: 0 },
    heartbeat: false,
    onInternalError: (e) => errors.push(e),
    host,
  })
  const events: unknown[] = []
  c.on('error', (e: any) => events.push([e.code, e.message, e.id]))
  return { c, notes, errors, events }
}
const put = (n: number) => `{"fromRole":"client","messageName":"put","payload":{"n":${n}}}`
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('the client shell', () => {
  it('keeps frames sent after a shutdown refusal for the next socket, in order; refused requests reject and are not resent', async () => {
    const { c } = client()
    const first = Socket.all[0]!
    first.open()
    await c.api.put({ n: 1 })
    // seq 2 (the request) and later were refused
    const asked = c.api.ask({}).catch((e: any) => e.code)
    await c.api.put({ n: 2 })
    first.message({ fromRole: 'server', messageName: '$error', payload: { code: 'OPENWS_ERR_SHUTTING_DOWN', message: 'bye', seq: 2 } })
    await c.api.put({ n: 3 }) // not into a server that is going away
    expect(first.sent).toHaveLength(3)
    first.end(1001)
    expect(await asked).toBe('OPENWS_ERR_DISCONNECTED')
    await tick()
    const second = Socket.all[1]!
    second.open()
    expect(second.sent).toEqual([put(2), put(3)])
    await c.close()
  })

  it("surfaces the server's $error frames: unknown codes as OPENWS_ERR_INTERNAL, a shutdown refusal without a valid seq as itself", async () => {
    const { c, events } = client()
    const s = Socket.all[0]!
    s.open()
    s.message({ fromRole: 'server', messageName: '$error', payload: { code: 'NOPE', message: 'odd', id: 7 } })
    s.message({ fromRole: 'server', messageName: '$error', payload: { code: 'OPENWS_ERR_SHUTTING_DOWN', message: 'bye', seq: 0 } })
    await c.api.put({ n: 1 })
    expect(s.sent).toEqual([put(1)]) // nothing was taken as refused
    expect(events).toEqual([
      ['OPENWS_ERR_INTERNAL', 'role "server": odd', 7],
      ['OPENWS_ERR_SHUTTING_DOWN', 'role "server": bye', undefined],
    ])
    await c.close()
  })

  it('ignores a stale socket, closes 1003 on binary data of any kind, and ready() waits for the next open', async () => {
    const { c, notes } = client()
    const first = Socket.all[0]!
    first.open()
    await c.ready()
    first.end()
    let ready = false
    void c.ready().then(() => (ready = true))
    await tick()
    expect(ready).toBe(false)
    const second = Socket.all[1]!
    second.open()
    first.message({ fromRole: 'server', messageName: 'note', payload: { t: 1 } }) // the old socket
    second.message({ fromRole: 'server', messageName: 'note', payload: { t: 2 } })
    await tick()
    expect(ready).toBe(true)
    expect(notes).toEqual([{ t: 2 }])
    second.emit('message', { data: { size: 2 } }) // a Blob, say: binary, whatever its type
    expect(second.closed).toEqual([1003, 'OPENWS_ERR_BINARY_FRAME'])
    await c.close()
  })

  it('stays closed when a synchronous handleOpen calls disconnect(api): no open event, no writes, no heartbeat', async () => {
    const { c } = client({ handleOpen: (_role: string, api: object) => void disconnect(api, 4000, 'no') })
    const seen: unknown[] = []
    c.on('open', () => seen.push('open'))
    c.on('close', (e) => seen.push(['close', e.code, e.reason, e.reconnecting]))
    void c.api.put({ n: 1 }) // queued before the socket opens
    const s = Socket.all[0]!
    s.open()
    expect(c.state).toBe('closed')
    expect(seen).toEqual([['close', 4000, 'no', false]])
    expect(s.closed).toEqual([4000, 'no'])
    expect(s.sent).toEqual([])
    await tick()
    expect(Socket.all).toHaveLength(1)
  })
})
