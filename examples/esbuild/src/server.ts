// The chat server on a plain `ws` server: clients connect to ws://HOST:PORT/chat/client, the
// portal to /chat/portal. PORT=0 picks a free port; the URL is printed on start.
import { bindings } from 'openws'
import { createServer } from 'openws/ws'
import { Client, Portal } from './contract'
import { ChatServer } from './server-role'

const binder = bindings({ name: 'chat', description: 'A chat network', roles: [ChatServer, Client, Portal] })

const server = await createServer({
  bindings: binder,
  path: '/chat',
  port: Number(process.env.PORT ?? 8080),
  hostname: process.env.HOST ?? '127.0.0.1',
})
console.log(`openws chat server listening on ${server.url}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)))
}
