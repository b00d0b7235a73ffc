// `npm start`: the chat demo on Fastify. Bundles browser.ts at start-up with esbuild and the openws
// plugin (so the page ships precompiled validators and dispatch, no interpreter, no eval), serves
// the page, mounts the chat network at /chat (spec at /chat/spec.json, the openws UI at /chat/ui),
// prints the URL.
// `openws…` imports resolve to this repository's sources through tsconfig.json's paths.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import Fastify from 'fastify'
import openwsPlugin from 'openws/esbuild'
import { openws } from 'openws/fastify'
import type { Broker } from 'openws'
import { buildUi } from '../../src/ui/build.mjs'
import { serverBindings } from './roles'

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

export interface Demo {
  url: string
  /** The page's script as served (bundled with the openws plugin). */
  script: string
  close(): Promise<void>
}

/** Starts the demo; `port` 0 picks a free port (tests); `broker` links instances (cluster.ts). */
export async function startDemo(options: { port?: number; host?: string; broker?: Broker } = {}): Promise<Demo> {
  const bundle = await build({
    entryPoints: [here('./browser.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
    plugins: [openwsPlugin({ root: here('../..'), warningsAsErrors: true })],
  })
  const script = bundle.outputFiles[0].text
  const page = await readFile(here('./index.html'), 'utf8')
  // The openws UI's assets, built into the source tree (a built package ships them in dist/ui).
  await buildUi()

  const app = Fastify({ logger: false })
  await app.register(openws)
  const broker = options.broker
  app.openws({ path: '/chat', bindings: serverBindings(), groups: broker ? { broker } : undefined })
  app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(page))
  app.get('/app.js', (_request, reply) => reply.type('text/javascript; charset=utf-8').send(script))
  app.get('/favicon.ico', (_request, reply) => reply.code(204).send())
  // The page needs no 'unsafe-eval': openws generates no code at run time. The UI at /chat/ui
  // brings its own, stricter policy.
  app.addHook('onSend', async (_request, reply) => {
    if (reply.hasHeader('content-security-policy')) return
    reply.header('content-security-policy', "default-src 'self'; script-src 'self'; connect-src 'self' ws: wss:; style-src 'unsafe-inline'")
  })

  const host = options.host ?? 'localhost'
  await app.listen({ port: options.port ?? 8080, host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return { url: `http://${host}:${port}/`, script, close: () => app.close() }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const demo = await startDemo({ port: Number(process.env.PORT ?? 8080) })
  console.log(`openws chat demo: ${demo.url}  (spec: ${demo.url}chat/spec.json, UI: ${demo.url}chat/ui)`)
  const stop = () => void demo.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
