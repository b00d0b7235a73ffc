// Pure pieces of the client: backoff, the bounded queue, and the browser bundle's imports.
import { join } from 'node:path'
import { build, type Plugin } from 'esbuild'
import { describe, expect, it } from 'vitest'
import openws from '../../src/unplugin/esbuild'
import { openwsEntry, root } from '../../bench/support/paths'
import { backoffDelay, DEFAULT_RECONNECT } from '../../src/runtime/adapters/client/index'
import { resolveReconnect } from '../../src/runtime/adapters/client/backoff'
import { SendQueue } from '../../src/runtime/adapters/client/send-queue'
import { connect, hostedBy, type WebSocketConstructor } from '../../src/runtime/adapters/client/index'
import { bindings } from '../../src/runtime/contract/fluent/index'
import { withEmittedArtifact } from '../../bench/support/emitted'
import { chatNetwork } from './fixtures/chat'

describe('backoff', () => {
  const options = resolveReconnect({ initialDelayMs: 100, maxDelayMs: 1000, factor: 2, jitter: 0.5 })!

  it('grows exponentially up to the cap, within the jitter band', () => {
    const low = [0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, options, () => 0))
    const high = [0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, options, () => 1))
    expect(low).toEqual([50, 100, 200, 400, 500, 500])
    expect(high).toEqual([100, 200, 400, 800, 1000, 1000])
  })

  it('jitter spreads clients; jitter 0 is deterministic', () => {
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(3, options)))
    expect(spread.size).toBeGreaterThan(1)
    const fixed = resolveReconnect({ jitter: 0 })!
    expect(backoffDelay(2, fixed, () => 0.9)).toBe(DEFAULT_RECONNECT.initialDelayMs * 4)
  })

  it('rejects contradictory options, and false turns reconnect off', () => {
    expect(() => resolveReconnect({ initialDelayMs: 500, maxDelayMs: 100 })).toThrow(/maxDelayMs/)
    expect(() => resolveReconnect({ jitter: 2 })).toThrow(/jitter/)
    expect(resolveReconnect(false)).toBeUndefined()
  })
})

describe('SendQueue', () => {
  it('keeps order, drops the oldest past its bound, survives many cycles', () => {
    const q = new SendQueue(3)
    expect([q.push('a'), q.push('b'), q.push('c'), q.push('d')]).toEqual([undefined, undefined, undefined, 'a'])
    expect([q.shift(), q.shift(), q.shift(), q.shift()]).toEqual(['b', 'c', 'd', undefined])
    for (let i = 0; i < 1000; i++) {
      q.push(String(i))
      expect(q.shift()).toBe(String(i))
    }
    expect(q.size).toBe(0)
    expect(new SendQueue(0).push('x')).toBe('x')
  })
})

describe('browser bundle of openws/client', () => {
  it('imports nothing from Node and never `ws`', async () => {
    const result = await build({
      entryPoints: ['src/runtime/adapters/client/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      minify: true,
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((file) => file.includes('node_modules'))).toEqual([])
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path))
    expect(imports).toEqual([])
    const code = result.outputFiles[0].text
    // esbuild turns an unresolvable Node built-in into a require() shim; there must be none.
    expect(code.includes('require(')).toBe(false)
    // A client forms no group: none of the groups code (or a broker's) reaches its bundle.
    const output = Object.values(result.metafile.outputs)[0]!
    const kept = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0)
    expect(kept.map(([file]) => file).filter((file) => file.includes('runtime/groups/'))).toEqual([])
  })

  it('built by the plugin, holds no interpreter, code generator, schema code or server session', async () => {
    // The chat client of bench/size (examples/vite), as a user's bundler builds it: the plugin
    // compiles the contract, so validation is generated code and the envelope's is hand-written.
    const sources: Plugin = {
      name: 'openws-source',
      setup: (b) => b.onResolve({ filter: /^openws(\/[a-z]+)?$/ }, (a) => ({ path: openwsEntry(a.path)! })),
    }
    const result = await build({
      entryPoints: [join(root, 'examples', 'vite', 'src', 'main.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      minify: true,
      logLevel: 'silent',
      plugins: [openws({ root }), sources],
    })
    const output = Object.values(result.metafile.outputs)[0]!
    const kept = Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => file.replace(/^.*?src\/runtime\//, 'src/runtime/'))
    expect(kept.some((file) => file.startsWith('src/runtime/adapters/client/'))).toBe(true)
    // Nor a server's session extras (drain, rate limit, first-frame role: session/server-session.ts).
    const banned =
      /^src\/runtime\/(interpret|codegen|schema|spec|groups|brokers|harness)\/|^src\/runtime\/envelope\/(generated|schema)\.ts$|^src\/runtime\/session\/(server-session|token-bucket)\.ts$/
    expect(kept.filter((file) => banned.test(file))).toEqual([])
  })
})

describe('connecting a compiled client', () => {
  it('does not read the network literal when the server role and url are given', async () => {
    const binder = withEmittedArtifact(bindings(hostedBy(chatNetwork(), 'client')))
    const joined: unknown[] = []
    binder.fromRoles.server.on('joinedRoom', (payload: unknown) => void joined.push(payload))
    const network = binder.network
    let reads = 0
    Object.defineProperty(binder, 'network', { get: () => (reads++, network) })
    class Socket {
      static last: Socket | undefined
      readyState = 0
      readonly sent: string[] = []
      private readonly listeners: Record<string, ((event: unknown) => void)[]> = {}
      constructor() {
        Socket.last = this
      }
      addEventListener(type: string, listener: (event: unknown) => void): void {
        ;(this.listeners[type] ??= []).push(listener)
      }
      send(frame: string): void {
        this.sent.push(frame)
      }
      close(): void {
        this.readyState = 3
      }
      emit(type: string, event: unknown): void {
        for (const l of this.listeners[type] ?? []) l(event)
      }
    }
    const WebSocket = Socket as unknown as WebSocketConstructor
    const c = connect<{ createRoom(p: unknown): Promise<void> }>({
      bindings: binder,
      url: 'ws://test/chat/client',
      serverRole: 'server',
      WebSocket,
      reconnect: false,
      heartbeat: false,
    })
    Socket.last!.readyState = 1
    Socket.last!.emit('open', {})
    await c.api.createRoom({ userId: 'a', roomId: 'r' })
    Socket.last!.emit('message', {
      data: JSON.stringify({ fromRole: 'server', messageName: 'joinedRoom', payload: { joinerId: 'a', roomId: 'r' } }),
    })
    expect(Socket.last!.sent).toEqual(['{"fromRole":"client","messageName":"createRoom","payload":{"userId":"a","roomId":"r"}}'])
    expect(joined).toEqual([{ joinerId: 'a', roomId: 'r' }])
    expect(reads).toBe(0)
    // A role that is not the server is still refused (now from the artifact's list of roles).
    expect(() => connect({ bindings: binder, url: 'ws://x', serverRole: 'client', WebSocket })).toThrow(/serverRole "client"/)
    expect(() => connect({ bindings: binder, url: 'ws://x', serverRole: 'nobody', WebSocket })).toThrow(/serverRole "nobody"/)
    await c.close()
  })
})
