// Generated SDKs against a live openws server (the `ws` adapter, from source): the golden
// TypeScript module in-process, the golden Python module in Debian's python3 with websockets.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { createServer, type OpenWsServer } from '../../src/runtime/adapters/ws/index'
import { chatServerBindings } from '../adapters/fixtures/chat'
import { replyServerBindings } from '../adapters/fixtures/reply'
import { ChatClient, ChatPortal } from './__golden__/chat'
import { CalcClient, type CalcServerAddReply } from './__golden__/calc'

const exec = promisify(execFile)
const golden = join(import.meta.dirname, '__golden__')
const PYTHON = '/usr/bin/python3'

let server: OpenWsServer
beforeAll(async () => {
  server = await createServer({ bindings: chatServerBindings(), port: 0, onInternalError: () => {} })
})
afterAll(() => server?.close())

function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  return new Promise((resolve, reject) => {
    const poll = () => (check() ? resolve() : Date.now() > deadline ? reject(new Error('condition not met in time')) : setTimeout(poll, 5))
    poll()
  })
}

describe('the generated TypeScript SDK', () => {
  it('typed sends, typed handlers, validation both ways, $error frames as error events', async () => {
    const alice = new ChatClient({ url: `${server.url}/client`, WebSocket: WebSocket as never, reconnect: false })
    const bob = new ChatClient({ url: `${server.url}/client`, WebSocket: WebSocket as never, reconnect: false })
    const portal = new ChatPortal({ url: `${server.url}/portal`, WebSocket: WebSocket as never, reconnect: false })
    try {
      const joined: { joinerId: string; roomId: string }[] = []
      const texts: string[] = []
      alice.on('joinedRoom', (p) => void joined.push(p))
      alice.on('receivedMessage', (p) => void texts.push(`${p.senderId}: ${p.text}`))
      const errors: { code?: string; messageName?: string }[] = []
      alice.onEvent('error', (e) => void errors.push(e as never))
      await Promise.all([alice.ready(), bob.ready(), portal.ready()])

      await alice.api.createRoom({ userId: 'alice', roomId: 'r1' })
      await until(() => joined.length === 1)
      expect(joined[0]).toEqual({ joinerId: 'alice', roomId: 'r1' })
      await bob.send('joinRoom', { userId: 'bob', roomId: 'r1' })
      await until(() => joined.length === 2)
      await portal.api.sendMessage({ userId: 'bob', roomId: 'r1', text: 'hi from the portal' })
      await until(() => texts.length === 1)
      expect(texts).toEqual(['bob: hi from the portal'])

      // outbound validation: nothing is sent
      await expect(alice.api.createRoom({ userId: 1 } as never)).rejects.toMatchObject({ code: 'OPENWS_ERR_OUTBOUND_INVALID' })
      // the server's $error frame
      await alice.api.boom({})
      await until(() => errors.length === 1)
      expect(errors[0]).toMatchObject({ code: 'OPENWS_ERR_HANDLER_FAILED', messageName: 'boom' })
    } finally {
      await Promise.all([alice.close(), bob.close(), portal.close()])
    }
  })
})

describe('the generated TypeScript SDK with request/reply', () => {
  let calc: OpenWsServer
  let release: () => void
  beforeAll(async () => {
    const s = replyServerBindings()
    release = s.release
    calc = await createServer({ bindings: s.binder, port: 0, onInternalError: () => {} })
  })
  afterAll(async () => {
    release?.()
    await calc?.close()
  })
  const open = async () => {
    const client = new CalcClient({ url: `${calc.url}/client`, WebSocket: WebSocket as never, reconnect: false })
    client.onEvent('error', () => {})
    await client.ready()
    return client
  }
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: { code?: string }) => e.code,
    )

  it('requests resolve to typed, validated replies; the server asks the client back and gets its handler result', async () => {
    const client = await open()
    try {
      const reply = await client.api.add({ a: 2, b: 40 })
      expectTypeOf(reply).toEqualTypeOf<CalcServerAddReply>()
      expect(reply).toEqual({ sum: 42 })
      expect(await client.request('add', { a: 1, b: 2 }, { timeoutMs: 5000 })).toEqual({ sum: 3 })
      expectTypeOf(client.request<'add'>).returns.resolves.toEqualTypeOf<{ sum: number }>()
      expect(await client.send('add', { a: 5, b: 5 })).toEqual({ sum: 10 })
      // server -> client: askBack makes the server request "confirm" from this client
      const asked: string[] = []
      client.on('confirm', ({ q }) => {
        asked.push(q)
        return { ok: q === 'yes' }
      })
      expect(await client.api.askBack({ q: 'yes' })).toEqual({ ok: true })
      expect(await client.api.askBack({ q: 'no' })).toEqual({ ok: false })
      expect(asked).toEqual(['yes', 'no'])
      // @ts-expect-error a one-way reply type is enforced on handlers of requests
      client.on('confirm', () => ({ ok: 'yes' }))
    } finally {
      await client.close()
    }
  })

  it('every outcome rejects exactly that request with a stable code', async () => {
    const client = await open()
    try {
      expect(
        await Promise.all([
          codeOf(client.api.boom({})),
          codeOf(client.api.badSum({})),
          codeOf(client.api.add({ a: 'x' } as never)),
          codeOf(client.api.add({ a: 1, b: 1 })),
        ]),
      ).toEqual(['OPENWS_ERR_HANDLER_FAILED', 'OPENWS_ERR_REPLY_INVALID', 'OPENWS_ERR_OUTBOUND_INVALID', 'resolved'])
      // The server handles one message at a time per connection: everything after a hang waits.
      const ac = new AbortController()
      const timedOut = codeOf(client.api.hang({}, { timeoutMs: 20 }))
      const aborted = codeOf(client.request('hang', {}, { signal: ac.signal }))
      ac.abort()
      expect([await timedOut, await aborted]).toEqual(['OPENWS_ERR_REQUEST_TIMEOUT', 'OPENWS_ERR_REQUEST_ABORTED'])
      const pending = codeOf(client.api.hang({}))
      await client.close()
      expect(await pending).toBe('OPENWS_ERR_DISCONNECTED')
    } finally {
      await client.close()
    }
  })
})

describe('the generated TypeScript SDK reconnects (openws/client underneath)', () => {
  it('a restarted server: the client reconnects with backoff and sends what was queued meanwhile', async () => {
    const first = await createServer({ bindings: chatServerBindings(), port: 0, onInternalError: () => {} })
    const port = first.port
    const client = new ChatClient({
      url: `${first.url}/client`,
      WebSocket: WebSocket as never,
      reconnect: { initialDelayMs: 20, maxDelayMs: 50 },
    })
    const events: string[] = []
    client.onEvent('reconnecting', () => void events.push('reconnecting'))
    const joined: string[] = []
    client.on('joinedRoom', (p) => void joined.push(p.roomId))
    let second: OpenWsServer | undefined
    try {
      await client.ready()
      await first.close()
      await until(() => events.includes('reconnecting'))
      await client.api.createRoom({ userId: 'u', roomId: 'queued' }) // queued while disconnected
      second = await createServer({ bindings: chatServerBindings(), port, onInternalError: () => {} })
      await client.ready()
      await until(() => joined.length === 1)
      expect(joined).toEqual(['queued'])
    } finally {
      await client.close()
      await second?.close()
    }
  })
})

describe('the generated Python SDK', () => {
  it('talks to the server from python3 + websockets', async (ctx) => {
    const probe = await exec(PYTHON, ['-c', 'import websockets']).then(
      () => true,
      () => false,
    )
    if (!probe) {
      if (process.env.CI) throw new Error(`${PYTHON} with the websockets library is required in CI (apt-get install python3-websockets)`)
      ctx.skip(`${PYTHON} cannot import websockets: install python3-websockets to run the Python SDK tests`)
    }
    const script = String.raw`
import asyncio, json, sys
sys.path.insert(0, sys.argv[1])
import chat

async def main(base):
    out = {"joined": [], "texts": []}
    alice = chat.ChatClient(base + "/client")
    portal = chat.ChatPortal(base + "/portal")
    async with alice, portal:
        alice.on_joined_room(lambda p: out["joined"].append(p))
        got_text = asyncio.Event()
        async def on_text(p):
            out["texts"].append(p["senderId"] + ": " + p["text"])
            got_text.set()
        alice.on_received_message(on_text)
        receiving = asyncio.create_task(alice.run())
        await alice.create_room({"userId": "py", "roomId": "r9"})
        for _ in range(500):
            if out["joined"]:
                break
            await asyncio.sleep(0.01)
        await portal.send_message({"userId": "portal", "roomId": "r9", "text": "hello py"})
        await asyncio.wait_for(got_text.wait(), 5)
        try:
            await alice.create_room({"userId": 1})
            out["outbound"] = "sent"
        except chat.OpenWsError as e:
            out["outbound"] = e.code
        await alice.send("createRoom", {"userId": 1}, validate_payload=False, id="bad-1")
        try:
            await asyncio.wait_for(receiving, 5)
        except chat.OpenWsError as e:
            out["error"] = {"code": e.code, "id": e.id, "message_name": e.message_name, "paths": [i["path"] for i in e.issues]}
    print(json.dumps(out))

asyncio.run(main(sys.argv[2]))
`
    const { stdout } = await exec(PYTHON, ['-c', script, golden, server.url], { timeout: 20_000 })
    expect(JSON.parse(stdout)).toEqual({
      joined: [{ joinerId: 'py', roomId: 'r9' }],
      texts: ['portal: hello py'],
      outbound: 'OPENWS_ERR_OUTBOUND_INVALID',
      error: { code: 'OPENWS_ERR_INVALID_PAYLOAD', id: 'bad-1', message_name: 'createRoom', paths: expect.arrayContaining(['/userId']) },
    })
  })
})

describe('the generated Python SDK with request/reply', () => {
  let calc: OpenWsServer
  let release: () => void
  beforeAll(async () => {
    const s = replyServerBindings()
    release = s.release
    calc = await createServer({ bindings: s.binder, port: 0, onInternalError: () => {} })
  })
  afterAll(async () => {
    release?.()
    await calc?.close()
  })

  it('awaits typed replies, answers the server, and fails exactly the request that went wrong', async (ctx) => {
    const probe = await exec(PYTHON, ['-c', 'import websockets']).then(
      () => true,
      () => false,
    )
    if (!probe) {
      if (process.env.CI) throw new Error(`${PYTHON} with the websockets library is required in CI (apt-get install python3-websockets)`)
      ctx.skip(`${PYTHON} cannot import websockets: install python3-websockets to run the Python SDK tests`)
    }
    const script = String.raw`
import asyncio, json, logging, sys
sys.path.insert(0, sys.argv[1])
import calc

async def code(awaitable):
    try:
        await awaitable
        return "resolved"
    except calc.OpenWsError as e:
        return e.code

async def main(base):
    out = {}
    errors = []
    client = calc.CalcClient(base + "/client")
    async with client:
        client.on_confirm(lambda p: {"ok": p["q"] == "yes"})
        client.on_error(lambda e: errors.append(e.code))
        receiving = asyncio.create_task(client.run())
        out["sum"] = await client.add({"a": 2, "b": 40})
        out["asked"] = [await client.ask_back({"q": "yes"}), await client.ask_back({"q": "no"})]
        out["concurrent"] = [r["sum"] for r in await asyncio.gather(*[client.add({"a": i, "b": 1}) for i in range(5)])]
        out["outcomes"] = await asyncio.gather(
            code(client.boom({})),
            code(client.bad_sum({})),
            code(client.add({"a": "x", "b": 1})),
            code(client.request("add", {"a": 1, "b": 1})),
        )
        out["one_way"] = await code(client.request("nope", {}))
        out["timeout"] = await code(client.hang({}, timeout=0.05))
        pending = asyncio.ensure_future(code(client.hang({}, timeout=None)))
        await asyncio.sleep(0.05)
        out["table"] = len(client._pending)
    out["disconnect"] = await pending
    await receiving
    out["errors"] = errors
    # Answers no request waits for (a timeout raced them) are dropped, never fatal: logged without
    # on_error handlers, passed to them otherwise; neither raises out of the receive loop.
    # (request 1 of a client that never connected is given up on: OPENWS_ERR_NOT_OPEN)
    late = [json.dumps({"fromRole": "server", "messageName": "$reply", "payload": {"sum": 1}, "id": 99}),
            json.dumps({"fromRole": "server", "messageName": "$error", "payload": {"code": "OPENWS_ERR_HANDLER_FAILED", "message": "x", "id": 1}})]
    logged = []
    class Keep(logging.Handler):
        def emit(self, record):
            logged.append(record.getMessage().split(":")[0])
    logging.getLogger("openws").addHandler(Keep())
    quiet = calc.CalcClient(base + "/client")
    out["not_open"] = await code(quiet.add({"a": 1, "b": 1}))
    for frame in late:
        await quiet._receive(frame)
    reported = []
    listening = calc.CalcClient(base + "/client")
    listening.on_error(lambda e: reported.append(e.code))
    await code(listening.add({"a": 1, "b": 1}))
    for frame in late:
        await listening._receive(frame)
    # An $error whose id no request of ours had stays the server's error (raised without on_error).
    try:
        await quiet._receive(late[1].replace('"id": 1', '"id": 7'))
        out["unknown_error"] = "dropped"
    except calc.OpenWsError as e:
        out["unknown_error"] = e.code
    out["late"] = {"logged": logged, "reported": reported}
    print(json.dumps(out))

asyncio.run(main(sys.argv[2]))
`
    const { stdout } = await exec(PYTHON, ['-c', script, golden, calc.url], { timeout: 20_000 })
    expect(JSON.parse(stdout)).toEqual({
      sum: { sum: 42 },
      asked: [{ ok: true }, { ok: false }],
      concurrent: [1, 2, 3, 4, 5],
      outcomes: ['OPENWS_ERR_HANDLER_FAILED', 'OPENWS_ERR_REPLY_INVALID', 'OPENWS_ERR_OUTBOUND_INVALID', 'resolved'],
      one_way: 'OPENWS_ERR_OUTBOUND_UNKNOWN',
      timeout: 'OPENWS_ERR_REQUEST_TIMEOUT',
      table: 1,
      disconnect: 'OPENWS_ERR_DISCONNECTED',
      errors: [],
      not_open: 'OPENWS_ERR_NOT_OPEN',
      unknown_error: 'OPENWS_ERR_HANDLER_FAILED',
      late: {
        logged: ['OPENWS_ERR_UNEXPECTED_REPLY', 'OPENWS_ERR_HANDLER_FAILED'],
        reported: ['OPENWS_ERR_UNEXPECTED_REPLY', 'OPENWS_ERR_HANDLER_FAILED'],
      },
    })
  })
})
