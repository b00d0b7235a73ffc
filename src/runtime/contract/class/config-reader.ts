// Reads a class's `static CONFIG` into a ClassRole. A role declares the messages it accepts as
// `messages` (or, traditionally for the host, `handlers`); the class that implements them (a
// method of the same name, possibly in a subclass of a contract class) is the host.
import { openwsError } from '../../openws-error'
import { fromList, type ClassMessage, type ClassRole } from '../shared/class-role'
import { isPlainObject } from '../shared/plain'
import { show } from '../shared/show'

const ROLE_KEYS = new Set(['name', 'description', 'version', 'endpoints', 'messages', 'handlers'])
const MESSAGE_KEYS = new Set(['payload', 'reply', 'description', 'from'])

/** undefined when the class has no static CONFIG (it may still be a decorated role). */
export function readConfigRole(cls: Function): ClassRole | undefined {
  const config = staticConfig(cls)
  if (config === undefined) return undefined
  const where = `static CONFIG of ${show(cls)}`
  if (!isPlainObject(config)) throw invalid(`${where} must be an object, got ${show(config)}`)
  for (const key of Object.keys(config)) {
    if (!ROLE_KEYS.has(key) && !key.startsWith('x-')) {
      throw invalid(`${where} has unknown field ${JSON.stringify(key)}; expected ${[...ROLE_KEYS].join(', ')} or x- extensions`)
    }
  }
  if (config.messages !== undefined && config.handlers !== undefined) {
    throw invalid(`${where} declares both "messages" and "handlers": the host role has handlers, other roles have messages`)
  }
  const host = config.handlers !== undefined
  const table = host ? config.handlers : config.messages
  const field = host ? 'handlers' : 'messages'
  if (table !== undefined && !isPlainObject(table)) throw invalid(`${where}: "${field}" must be an object, got ${show(table)}`)
  const messages: ClassMessage[] = []
  for (const name of Object.keys(table ?? {})) {
    messages.push(readMessage(name, (table as Record<string, unknown>)[name], `${where}, ${field}.${name}`))
  }
  return {
    name: config.name,
    description: config.description,
    version: config.version,
    endpoints: config.endpoints,
    host,
    implemented: implementsAny(cls, messages),
    declaredBy: configOwner(cls),
    messages,
    extra: extensions(config),
    syntax: 'static CONFIG',
  }
}

/** A method (own or inherited) for at least one message: the class implements its role. */
function implementsAny(cls: Function, messages: ClassMessage[]): boolean {
  const proto = (cls as { prototype?: Record<string, unknown> }).prototype
  if (typeof proto !== 'object' || proto === null) return false
  return messages.some((m) => {
    try {
      return typeof proto[m.method] === 'function'
    } catch {
      return false
    }
  })
}

/** The class in the prototype chain that declares CONFIG as its own (`class Impl extends Server`: Server). */
function configOwner(cls: Function): Function {
  for (let c: unknown = cls; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
    if (Object.prototype.hasOwnProperty.call(c, 'CONFIG')) return c as Function
  }
  return cls
}

function readMessage(name: string, spec: unknown, where: string): ClassMessage {
  if (!isPlainObject(spec)) throw invalid(`${where} must be {payload, reply?, description?, from?}, got ${show(spec)}`)
  for (const key of Object.keys(spec)) {
    if (!MESSAGE_KEYS.has(key) && !key.startsWith('x-')) {
      throw invalid(`${where} has unknown field ${JSON.stringify(key)}; expected payload, reply, description, from or x- extensions`)
    }
  }
  return {
    name,
    method: name,
    payload: spec.payload,
    reply: spec.reply,
    description: spec.description,
    from: fromList(spec.from),
    extra: extensions(spec),
  }
}

/** A throwing getter or a Proxy must not crash bindings() with a raw error. */
function staticConfig(cls: Function): unknown {
  try {
    return (cls as { CONFIG?: unknown }).CONFIG
  } catch (error) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', `reading static CONFIG of ${show(cls)} threw`, { cause: error })
  }
}

function extensions(obj: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(obj).filter((k) => k.startsWith('x-'))
  if (keys.length === 0) return undefined
  const out: Record<string, unknown> = {}
  for (const key of keys) out[key] = obj[key]
  return out
}

function invalid(text: string) {
  return openwsError('OPENWS_ERR_INVALID_OPTION', text)
}
