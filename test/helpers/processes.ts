// Child processes and tiny servers for the example tests: the bundled chat server, a static file
// server for the browser build, and a raw `ws` client speaking the wire envelope.
import { spawn, type ChildProcess } from 'node:child_process'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'
import WebSocket from 'ws'

export interface Running {
  url: string
  stop(): Promise<void>
}

/** Starts `node file` with PORT=0 and waits for the line naming its ws:// URL. */
export function startServer(file: string, timeoutMs = 15_000): Promise<Running & { child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const timer = setTimeout(() => fail(new Error(`server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs)
    const fail = (err: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(err)
    }
    child.on('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)))
    child.stderr!.on('data', (d) => (output += d))
    child.stdout!.on('data', (d) => {
      output += d
      const m = /(ws:\/\/\S+)/.exec(output)
      if (!m) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      resolve({
        child,
        url: m[1]!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
            setTimeout(() => child.kill('SIGKILL'), 3000).unref()
          }),
      })
    })
  })
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }

/** Serves a directory on 127.0.0.1 (index.html for `/`), nothing outside it. */
export async function serveStatic(dir: string): Promise<Running> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '')
    if (path === '/favicon.ico') return void res.writeHead(204).end()
    const file = join(dir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => server.close(() => r())) }
}

export interface Frame {
  fromRole: string
  messageName: string
  payload: any
}

/** A raw client: sends envelopes, collects every frame received, waits for one matching. */
export async function rawClient(url: string) {
  const socket = new WebSocket(url)
  const frames: Frame[] = []
  const waiters: Array<() => void> = []
  socket.on('message', (data) => {
    frames.push(JSON.parse(String(data)))
    waiters.splice(0).forEach((w) => w())
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return {
    frames,
    send(fromRole: string, messageName: string, payload: unknown) {
      socket.send(JSON.stringify({ fromRole, messageName, payload }))
    },
    async next(match: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const hit = frames.find(match)
        if (hit) return hit
        if (Date.now() > deadline) throw new Error(`no matching frame; got ${JSON.stringify(frames)}`)
        await new Promise<void>((r) => {
          waiters.push(r)
          setTimeout(r, 100)
        })
      }
    },
    close: () => new Promise<void>((r) => (socket.once('close', () => r()), socket.close())),
  }
}
