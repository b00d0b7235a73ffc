// Emits the precompiled artifact (see src/runtime/artifact/types.ts) as one JavaScript
// expression: inlined validators, a route per sender role, one outbound API class per remote
// role (each method validates, then writes its frame with a generated encoder), and the network
// spec as a literal. The only free identifier it uses is `h` (the
// validator helpers), bound by the caller. The envelope validator is not emitted: it does not
// depend on the network, so compiledBindings() adds the runtime's one (src/runtime/envelope/generated.ts).
import type { JsonSchema, MessageDoc, NetworkIR } from '../../runtime/ir/types'
import { generateEncoder } from '../../runtime/codegen/encoder'
import { frameHead } from '../../runtime/envelope/codec'
import { ident, jsonValue, lit } from './js'
import { emitReplies } from './emit-replies'

/** Source of an expression evaluating to a Validator for `schema`; may use the free identifier `h`. */
export type ValidatorSource = (schema: JsonSchema, maxDepth: number) => string

export interface ArtifactInput {
  network: NetworkIR
  hostRole: string
  maxDepth: number
  validatorSource: ValidatorSource
}

/** Up to this many messages a sender's route is a `switch`; beyond, a null-prototype table (constant time). */
const SWITCH_LIMIT = 24
/** Up to this many outbound messages per role, each API method is written out with its validator. */
const INLINE_LIMIT = 64
const ROUTE_UNKNOWN = -1
const ROUTE_NOT_ALLOWED = -2

/** The generator refused a payload schema (e.g. an unsupported keyword): names the message. */
export class SchemaGenerationError extends Error {
  readonly code: string
  constructor(override readonly cause: unknown, readonly role: string, readonly messageName: string) {
    super(`message "${messageName}" of role "${role}": ${(cause as Error)?.message ?? String(cause)}`)
    this.code = String((cause as { code?: unknown })?.code ?? '')
  }
}

function messagesList(names: string[]): string {
  return names.length <= SWITCH_LIMIT ? `[${names.map(lit).join(', ')}]` : jsonValue(names)
}

/** `[v0, v0, v1]`, or for large networks distinct validators indexed by JSON data. */
function validatorsList(ids: string[]): string {
  if (ids.length <= SWITCH_LIMIT) return `[${ids.join(', ')}]`
  const distinct = [...new Set(ids)]
  return `${jsonValue(ids.map((v) => distinct.indexOf(v)))}.map((k) => [${distinct.join(', ')}][k])`
}

/**
 * The spec literal as `const N`: distinct payload schemas once, a skeleton that refers to them by
 * index, and a fix-up loop. A 1000-message network whose messages share schemas parses as a few
 * KiB instead of one copy per message (start-up), and equals the IR by JSON value.
 */
function networkLiteral(network: NetworkIR): string[] {
  const ids = new Map<string, number>()
  const schemas: JsonSchema[] = []
  const roles: Record<string, unknown> = {}
  for (const [roleName, role] of Object.entries(network.roles)) {
    const messages: Record<string, unknown> = {}
    for (const [name, doc] of Object.entries(role.messages)) {
      const key = JSON.stringify(doc.payload)
      let id = ids.get(key)
      if (id === undefined) ids.set(key, (id = schemas.push(doc.payload) - 1))
      messages[name] = { ...doc, payload: id }
    }
    roles[roleName] = { ...role, messages }
  }
  // Built on first read of `artifact.network`: a dispatch needs none of it, and parsing the spec
  // of a large network is most of a compiled module's start-up.
  return [
    'let N = null;',
    'const network = () => {',
    '  if (N !== null) return N;',
    `  const PS = ${jsonValue(schemas)};`,
    `  N = ${jsonValue({ ...network, roles })};`,
    '  for (const r of Object.values(N.roles)) for (const m of Object.values(r.messages)) m.payload = PS[m.payload];',
    '  return N;',
    '};',
  ]
}

/** One `const <prefix>N = <source>;` line per distinct schema (by JSON text); gives the name. */
function perSchema(prefix: string, lines: string[], source: (schema: JsonSchema) => string): (schema: JsonSchema) => string {
  const ids = new Map<string, string>()
  return (schema) => {
    const key = JSON.stringify(schema)
    let id = ids.get(key)
    if (id === undefined) {
      const text = source(schema) // may throw: then nothing is recorded
      id = ident(`${prefix}${ids.size}`)
      ids.set(key, id)
      lines.push(`const ${id} = ${text};`)
    }
    return id
  }
}

function mayFrom(doc: MessageDoc, sender: string): boolean {
  return doc.from === undefined || doc.from.includes(sender)
}

export function emitArtifact(input: ArtifactInput): string {
  const { network, hostRole, maxDepth } = input
  const lines: string[] = []
  // Validators are shared by inbound and outbound; encoders (src/runtime/codegen/encoder.ts) are outbound only.
  const validatorOf = perSchema('v', lines, (schema) => input.validatorSource(schema, maxDepth))
  const validatorFor = (schema: JsonSchema, role: string, messageName: string): string => {
    try {
      return validatorOf(schema)
    } catch (e) {
      throw new SchemaGenerationError(e, role, messageName)
    }
  }
  const encoderFor = perSchema('w', lines, (schema) => generateEncoder(schema).source)

  const roles = network.roles
  const remote = Object.keys(roles).filter((r) => r !== hostRole)
  const hostMessages = roles[hostRole].messages
  const names = Object.keys(hostMessages)
  const inboundValidators = names.map((n) => validatorFor(hostMessages[n].payload, hostRole, n))

  const routes: string[] = []
  remote.forEach((sender, i) => {
    const fn = ident(`route${i}`)
    const slotOf = (name: string, slot: number) => (mayFrom(hostMessages[name], sender) ? slot : ROUTE_NOT_ALLOWED)
    if (names.length <= SWITCH_LIMIT) {
      const cases = names.map((n, slot) => `case ${lit(n)}: return ${slotOf(n, slot)};`).join(' ')
      lines.push(`const ${fn} = (n) => { switch (n) { ${cases} default: return ${ROUTE_UNKNOWN}; } };`)
    } else {
      // Data as JSON text: JSON.parse is far cheaper at start-up than parsing the same object literal.
      const entries: Record<string, number> = {}
      names.forEach((n, slot) => { entries[n] = slotOf(n, slot) })
      const table = ident(`table${i}`)
      lines.push(`const ${table} = Object.assign(Object.create(null), ${jsonValue(entries)});`)
      lines.push(`const ${fn} = (n) => { const s = ${table}[n]; return s === undefined ? ${ROUTE_UNKNOWN} : s; };`)
    }
    routes.push(`${lit(sender)}: ${fn}`)
  })

  const outbound: string[] = []
  let needsMaker = false
  let sendsAny = false
  remote.forEach((role, i) => {
    const cls = ident(`Api${i}`)
    const sendable = Object.entries(roles[role].messages).filter(([, doc]) => mayFrom(doc, hostRole)) // capability-scoped
    const pairs = sendable.map(([name, doc]) => [name, validatorFor(doc.payload, role, name), encoderFor(doc.payload)] as const)
    if (pairs.length > 0) sendsAny = true
    lines.push(`function ${cls}(s) { this[P] = s; }`)
    if (pairs.length <= INLINE_LIMIT) {
      // One method per message, its validator and encoder inlined by name. An encoder that cannot
      // write the payload gives undefined: the sink then encodes it the runtime's way.
      const methods = pairs.map(([name, v, w]) => {
        const n = lit(name)
        return `${n}: { value: function (p, o) { const s = this[P]; if (s.depthLimit !== undefined || !${v}.is(p)) { const r = R(s, ${n}, ${v}, p); if (r) return r; } const t = ${w}(p); return s.send(${n}, p, t === undefined ? t : ${lit(frameHead(hostRole, name))} + t + "}", o); }, enumerable: true }`
      })
      lines.push(`${cls}.prototype = Object.create(null, { ${methods.join(', ')} });`)
    } else {
      // Large roles: one method maker over a [name, validator, encoder] table, built when the first
      // peer of the role is created (start-up of 1000-message networks does not pay for it).
      // Validators and encoders are both per distinct schema, so one index picks both.
      const encoderOfValidator = new Map(pairs.map(([, v, w]) => [v, w]))
      const vs = [...encoderOfValidator.keys()]
      const ws = vs.map((v) => encoderOfValidator.get(v)!)
      const names = jsonValue(pairs.map(([name]) => name))
      const which = jsonValue(pairs.map(([, v]) => vs.indexOf(v)))
      const build = ident(`build${i}`)
      lines.push(`let ${build} = () => { ${build} = null; const proto = ${cls}.prototype = Object.create(null); const vs = [${vs.join(', ')}]; const ws = [${ws.join(', ')}]; const which = ${which}; ${names}.forEach((n, k) => Object.defineProperty(proto, n, { value: method(n, vs[which[k]], ws[which[k]]), enumerable: true })); };`)
      needsMaker = true
      outbound.push(`${lit(role)}: (s) => { if (${build} !== null) ${build}(); return new ${cls}(s); }`)
      return
    }
    outbound.push(`${lit(role)}: (s) => new ${cls}(s)`)
  })
  if (needsMaker) {
    // The frame head around the message name, cut from frameHead so its format lives in one place.
    const head = frameHead(hostRole, '')
    const at = head.lastIndexOf('""')
    lines.unshift(`const method = (n, v, w) => { const f = ${lit(head.slice(0, at))} + JSON.stringify(n) + ${lit(head.slice(at + 2))}; return function (p, o) { const s = this[P]; if (s.depthLimit !== undefined || !v.is(p)) { const r = R(s, n, v, p); if (r) return r; } const t = w(p); return s.send(n, p, t === undefined ? t : f + t + "}", o); }; };`)
  }

  if (sendsAny) {
    // The slow path of every outbound method (a runtime depth limit below the validators' depth,
    // or a payload the validator refused): the rejected promise to return, or undefined to send.
    // Methods reject, never throw, so `api.x(bad).catch(...)` sees OPENWS_ERR_OUTBOUND_INVALID.
    lines.unshift('const R = (s, n, v, p) => { const l = s.depthLimit; const a = l === undefined ? undefined : h.deepAt(p, l); return a !== undefined ? Promise.reject(s.tooDeep(n, a)) : v.is(p) ? undefined : Promise.reject(s.invalid(n, v, p)); };')
  }
  const replies = emitReplies(network, hostRole, names, validatorFor, (schema) => encoderFor(schema))
  lines.push(...networkLiteral(network))
  return [
    '((h) => {',
    `const P = Symbol.for("openws.peer");`,
    ...lines,
    'return {',
    `kind: "openws.artifact", version: 1,`,
    `get network() { return network(); },`,
    `hostRole: ${lit(hostRole)},`,
    `remoteRoles: [${remote.map(lit).join(', ')}],`,
    // The validators read h.maxDepth when it is above the depth they were generated for (withDepth).
    `maxDepth: h.maxDepth > ${lit(maxDepth)} ? h.maxDepth : ${lit(maxDepth)},`,
    `inbound: { messages: ${messagesList(names)}, validators: ${validatorsList(inboundValidators)}, route: { __proto__: null, ${routes.join(', ')} } },`,
    `outbound: { __proto__: null, ${outbound.join(', ')} },`,
    ...(replies === undefined ? [] : [`replies: ${replies},`]),
    '};',
    '})',
  ].join('\n')
}
