// A baseline following the reference runtime's design (see shared/reference/NOTES.md), written
// here for comparison: every schema compiled with ajv when bindings are built (once per allowed
// sender, defaults filled in place), handler lookup by object key, and each frame handled in its
// own async callback, as a `socket.on('message', async (raw) => ...)` listener does.
import Ajv from 'ajv'
import type { Workload } from './networks'
import type { Sink } from './variant-openws'

type Check = (v: unknown) => boolean

export function referenceVariant(w: Workload, sink: Sink): (frame: string) => Promise<void> {
  const ajv = new Ajv({ useDefaults: true, strict: false })
  const roles = w.network.roles
  // handlers[fromRole][messageName] = { validate, fn }
  const handlers: Record<string, Record<string, { validate: Check; fn: (payload: any, api: any) => Promise<void> }>> = {}
  for (const [name, doc] of Object.entries(roles[w.hostRole].messages)) {
    for (const sender of doc.from ?? Object.keys(roles).filter((r) => r !== w.hostRole)) {
      handlers[sender] ??= {}
      handlers[sender][name] = {
        validate: ajv.compile(doc.payload as object) as Check,
        fn: async (payload, api) => {
          await w.handlers[name]?.(payload, api)
        },
      }
    }
  }
  const send = async (text: string) => {
    sink.bytes += Buffer.byteLength(text)
  }
  // Outbound API of the connected role: one async method per message, validated with ajv.
  const api: Record<string, (payload: unknown) => Promise<void>> = {}
  for (const [name, doc] of Object.entries(roles[w.sender].messages)) {
    const validate = ajv.compile(doc.payload as object) as Check
    api[name] = async (payload) => {
      if (!validate(payload)) throw new Error(`invalid outbound ${name}`)
      await send(JSON.stringify({ fromRole: w.sender, messageName: name, payload }))
    }
  }
  let role: string | undefined
  return async (raw) => {
    const env = JSON.parse(raw)
    role ??= env.fromRole
    const handler = handlers[env.fromRole]?.[env.messageName]
    if (!handler) return
    if (!handler.validate(env.payload)) return
    await handler.fn(env.payload, api)
  }
}
