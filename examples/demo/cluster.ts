// `npm run start:cluster`: INSTANCES (default 2) instances of the chat demo on ports PORT (8080),
// PORT+1, ... linked by a broker: REDIS_URL (default redis://127.0.0.1:6379) or NATS_URL. Open one
// page on each port and join the same room: messages, joins and room stats cross instances.
// In production each instance is its own process: `INSTANCES=1 PORT=8081 npm run start:cluster`.
import { natsBroker } from 'openws/nats'
import { redisBroker } from 'openws/redis'
import { startDemo } from './server'

const base = Number(process.env.PORT ?? 8080)
const broker = () =>
  process.env.NATS_URL
    ? natsBroker({ servers: process.env.NATS_URL })
    : redisBroker({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' })
const demos = await Promise.all(
  Array.from({ length: Number(process.env.INSTANCES ?? 2) }, (_, i) => i).map((i) => startDemo({ port: base + i, broker: broker() })),
)
for (const demo of demos) console.log(`openws chat demo instance: ${demo.url}`)
const stop = () => void Promise.all(demos.map((d) => d.close())).then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
