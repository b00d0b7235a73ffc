// Hand-written: JSON.parse, a role check, a `switch` on the message name, hand checks of the
// payload, JSON.stringify of the reply. The chat version is written out; for the synthetic networks
// the switch is generated as source (nobody types 1000 cases) with the hand check inlined per case.
import type { Workload } from './networks'
import type { Sink } from './variant-openws'

const isStr = (v: unknown): v is string => typeof v === 'string'
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
function exactKeys(o: Record<string, unknown>, n: number): boolean {
  let k = 0
  for (const _ in o) k++
  return k === n
}

export function handChat(sink: Sink): (frame: string) => void {
  const send = (messageName: string, payload: unknown) => {
    sink.bytes += Buffer.byteLength(JSON.stringify({ fromRole: 'server', messageName, payload }))
  }
  return (frame) => {
    const env = JSON.parse(frame)
    if (!isObj(env) || env.fromRole !== 'client' || !isStr(env.messageName)) return
    const p = env.payload as Record<string, unknown>
    switch (env.messageName) {
      case 'joinRoom': {
        if (!isObj(p) || !isStr(p.userId) || !isStr(p.roomId) || !exactKeys(p, 2)) return
        const reply = { roomId: p.roomId, joinerId: p.userId }
        if (!isStr(reply.roomId) || !isStr(reply.joinerId)) throw new Error('invalid reply')
        send('joinedRoom', reply)
        return
      }
      case 'sendMessage': {
        if (!isObj(p) || !isStr(p.userId) || !isStr(p.roomId) || !isStr(p.text) || !exactKeys(p, 3)) return
        const reply = { roomId: p.roomId, senderId: p.userId, text: p.text }
        if (!isStr(reply.roomId) || !isStr(reply.senderId) || !isStr(reply.text)) throw new Error('invalid reply')
        send('receivedMessage', reply)
        return
      }
      case 'createRoom':
      case 'requestRoomStats':
        return
      default:
        return
    }
  }
}

/**
 * The synthetic networks: m0..m{n-1}, all {id, name, tags}. The switch (generated: nobody types
 * 1000 cases) only picks the message; one hand-written check serves every case, as a person
 * would write it for messages of one shape.
 */
export function handSynthetic(w: Workload, sink: Sink): (frame: string) => void {
  const names = Object.keys(w.network.roles[w.hostRole].messages)
  const cases = names.map((n, i) => `case ${JSON.stringify(n)}: k = ${i}; break;`).join('\n')
  const route = new Function(`return (name) => { let k = -1; switch (name) { ${cases} } return k; }`)() as (name: string) => number
  const checkItem = (p: any): boolean => {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) return false
    const { id, name, tags } = p
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) return false
    if (typeof name !== 'string' || name.length > 64) return false
    if (!Array.isArray(tags) || tags.length > 8) return false
    for (let i = 0; i < tags.length; i++) if (typeof tags[i] !== 'string') return false
    return exactKeys(p, 3)
  }
  return (frame) => {
    const env = JSON.parse(frame)
    if (!isObj(env) || env.fromRole !== 'client' || !isStr(env.messageName)) return
    if (route(env.messageName) < 0) return
    const p = env.payload as any
    if (!checkItem(p)) return
    const reply = { id: p.id, name: p.name }
    if (!Number.isInteger(reply.id) || !isStr(reply.name)) throw new Error('invalid reply')
    sink.bytes += Buffer.byteLength(JSON.stringify({ fromRole: 'server', messageName: 'ack', payload: reply }))
  }
}

/**
 * What a person writes for a check, as JS source: `typeof` tests, bounds, one comparison per enum
 * value, a loop per array, a key loop against the known names for closed objects. Covers the
 * keywords the distinct networks use (networks.ts), nothing more.
 */
function handCheck(s: any, v: string, depth = 0): string {
  const t = (c: string) => `if (${c}) return false;`
  if (s.enum) return t((s.enum as unknown[]).map((e) => `${v} !== ${JSON.stringify(e)}`).join(' && '))
  switch (s.type) {
    case 'string':
      return [
        t(`typeof ${v} !== 'string'`),
        s.minLength !== undefined ? t(`${v}.length < ${s.minLength}`) : '',
        s.maxLength !== undefined ? t(`${v}.length > ${s.maxLength}`) : '',
      ].join('')
    case 'number':
    case 'integer':
      return [
        t(s.type === 'integer' ? `!Number.isInteger(${v})` : `typeof ${v} !== 'number'`),
        s.minimum !== undefined ? t(`${v} < ${s.minimum}`) : '',
        s.maximum !== undefined ? t(`${v} > ${s.maximum}`) : '',
      ].join('')
    case 'boolean':
      return t(`typeof ${v} !== 'boolean'`)
    case 'array': {
      const i = `i${depth}`
      const x = `x${depth}`
      return (
        t(`!Array.isArray(${v}) || ${v}.length > ${s.maxItems}`) +
        `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) { const ${x} = ${v}[${i}]; ${handCheck(s.items, x, depth + 1)} }`
      )
    }
    case 'object': {
      const names = Object.keys(s.properties)
      const k = `k${depth}`
      let out = t(`typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})`)
      for (const name of names) {
        const x = `${v}_${depth}_${names.indexOf(name)}`
        const check = handCheck(s.properties[name], x, depth + 1)
        out += `{ const ${x} = ${v}[${JSON.stringify(name)}]; `
        out += s.required.includes(name) ? t(`${x} === undefined`) + check : `if (${x} !== undefined) { ${check} }`
        out += '}'
      }
      out += `for (const ${k} in ${v}) ${t(names.map((n) => `${k} !== ${JSON.stringify(n)}`).join(' && '))}`
      return out
    }
    default:
      throw new Error(`hand: unsupported schema ${JSON.stringify(s)}`)
  }
}

/**
 * The distinct networks: one hand check per message, generated as source (nobody types 1000 of
 * them, but each is what a person would type), called from a generated `switch` on the name.
 */
export function handDistinct(w: Workload, sink: Sink): (frame: string) => void {
  const messages = w.network.roles[w.hostRole].messages
  const names = Object.keys(messages)
  const checks = names.map((n, i) => `function c${i}(p) { ${handCheck(messages[n]!.payload, 'p')} return true; }`).join('\n')
  const cases = names.map((n, i) => `case ${JSON.stringify(n)}: return c${i}(p);`).join('\n')
  const check = new Function(`${checks}\nreturn (name, p) => { switch (name) { ${cases} } return false; }`)() as (
    name: string,
    p: unknown,
  ) => boolean
  return (frame) => {
    const env = JSON.parse(frame)
    if (!isObj(env) || env.fromRole !== 'client' || !isStr(env.messageName)) return
    const p = env.payload as any
    if (!check(env.messageName, p)) return
    const reply = { id: p.id, name: p.name }
    if (!Number.isInteger(reply.id) || !isStr(reply.name)) throw new Error('invalid reply')
    sink.bytes += Buffer.byteLength(JSON.stringify({ fromRole: 'server', messageName: 'ack', payload: reply }))
  }
}
