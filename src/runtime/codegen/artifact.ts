// Generates the precompiled artifact (src/runtime/artifact/types.ts) from its plan
// (src/runtime/artifact/plan.ts, which the interpreter reads too) as one JavaScript expression:
// inlined validators, a route per sender role, one outbound API class per remote role (each method
// validates, then writes its frame with a generated encoder), and the network spec as a literal.
// Its only free identifier is `h` (the validator helpers), bound by the caller; it returns which
// helpers and format checks its validators call, so the caller imports exactly those. The
// envelope validator is not emitted: it does not depend on the network, so compiledBindings()
// adds the runtime's one (src/runtime/envelope/walk.ts).
import type { JsonSchema, NetworkIR } from '../ir/types'
import { ARTIFACT_KIND, ARTIFACT_VERSION, PEER_SINK_KEY, ROUTE_NOT_ALLOWED, ROUTE_UNKNOWN } from '../artifact/types'
import { planArtifact, type ArtifactPlan } from '../artifact/plan'
import { frameHead } from '../envelope/codec'
import { type Code, Name, Scope, _, join, jsonValue } from './code'
import { encoderCode } from './encoder'
import { type HelperUsage, artifactValidatorCode, preambleCode, validatorMakerCode } from './index'
import { Pool } from './context'
import { countShared } from './share'
import { type SchemaNode, prepareSchema } from '../validate/prepare'

export interface ArtifactInput {
  network: NetworkIR
  hostRole: string
  maxDepth: number
}

export interface GeneratedArtifact extends HelperUsage {
  /** Source of an expression `(h) => CompiledArtifact` minus `envelope` (see compiledBindings). */
  source: string
}

/** Up to this many messages a sender's route is a `switch`; beyond, a null-prototype table (constant time). */
const SWITCH_LIMIT = 24
/** Up to this many outbound messages per role, each API method is written out with its validator. */
const INLINE_LIMIT = 64

/** The generator refused a payload schema (e.g. an unsupported keyword): names the message. */
export class SchemaGenerationError extends Error {
  readonly code: string
  constructor(
    override readonly cause: unknown,
    readonly role: string,
    readonly messageName: string,
  ) {
    super(`message "${messageName}" of role "${role}": ${(cause as Error)?.message ?? String(cause)}`)
    this.code = String((cause as { code?: unknown })?.code ?? '')
  }
}

/**
 * Validators (shared by inbound and outbound) and encoders (outbound only), one `const` line each
 * the first time a schema id is used; the line goes into `lines` where it is first needed.
 */
class Pieces {
  private readonly validators: Name[] = []
  private readonly encoders: Name[] = []
  private readonly scope = new Scope()
  /** Names, constants, patterns and format checks shared by every validator of the artifact. */
  private readonly pool = new Pool()
  private validatorCount = 0

  constructor(
    private readonly plan: ArtifactPlan,
    private readonly maxDepth: number,
    private readonly lines: Code[],
  ) {
    // Sub-schemas that several payloads share get one explain() function (./share.ts). A schema
    // the generator refuses is left out here: validator() reports it with its message.
    const roots: SchemaNode[] = []
    for (const schema of plan.schemas) {
      try {
        roots.push(prepareSchema(schema, { maxDepth }).root)
      } catch {
        continue
      }
    }
    this.pool.shareCounts = countShared(roots, maxDepth)
  }

  validator(id: number, role: string, messageName: string): Name {
    let v = this.validators[id]
    if (v === undefined) {
      let generated
      try {
        generated = artifactValidatorCode(this.plan.schemas[id]!, { maxDepth: this.maxDepth }, this.pool)
      } catch (e) {
        throw new SchemaGenerationError(e, role, messageName)
      }
      // Named by schema id: ids are numbered in the order validators are first asked for.
      v = this.validators[id] = new Name(`v${id}`)
      // Its functions in their own scope, called at once: `(function () {` is compiled eagerly
      // along with the factory (V8's parenthesised-function heuristic). Measured on 1000 distinct
      // messages: ~20% less start-up CPU than all functions in the factory's scope. Building each
      // validator on its first use instead (a lazily compiled maker per validator) was measured
      // too: ready 42.5 vs 45.5 ms, but the first frame of every message 39 vs 32 ms, so no.
      this.lines.push(_`const ${v} = (function () { ${generated.body} return ${generated.value}; })();`)
      this.validatorCount++
    }
    return v
  }

  encoder(id: number): Name {
    let w = this.encoders[id]
    if (w === undefined) {
      w = this.encoders[id] = this.scope.name('w')
      this.lines.push(_`const ${w} = ${encoderCode(this.plan.schemas[id]!)};`)
    }
    return w
  }

  /**
   * What every validator shares, written once before them: the preamble's locals, MV, hoisted
   * constants, patterns, format checks and key lists.
   */
  shared(): Code[] {
    if (this.validatorCount === 0) return []
    return [preambleCode(join([...this.lines, ...this.pool.hoisted]).text, this.maxDepth), validatorMakerCode(), ...this.pool.hoisted]
  }

  used(): HelperUsage {
    return this.pool.used()
  }
}

export function generateArtifact(input: ArtifactInput): GeneratedArtifact {
  const { network, hostRole, maxDepth } = input
  const plan = planArtifact(network, hostRole)
  const lines: Code[] = []
  const pieces = new Pieces(plan, maxDepth, lines)
  const inboundValidators = plan.slots.map((s) => pieces.validator(s.schema, hostRole, s.name))
  const routes = plan.remoteRoles.map((sender, i) => _`${sender}: ${route(plan, i, lines)}`)
  const outbound = plan.outbound.map((role, i) => _`${role.role}: ${outboundApi(plan, i, pieces, lines)}`)
  const replies = plan.replies ? replyTable(plan, pieces) : undefined
  if (plan.outbound.some((r) => r.messages.length > INLINE_LIMIT)) lines.unshift(methodMaker(hostRole))
  if (plan.outbound.some((r) => r.messages.length > 0)) {
    // The slow path of every outbound method (a runtime depth limit below the validators' depth,
    // or a payload the validator refused): the rejected promise to return, or undefined to send.
    // Methods reject, never throw, so `api.x(bad).catch(...)` sees OPENWS_ERR_OUTBOUND_INVALID.
    lines.unshift(
      _`const R = (s, n, v, p) => { const l = s.depthLimit; const a = l === undefined ? undefined : h.deepAt(p, l); return a !== undefined ? Promise.reject(s.tooDeep(n, a)) : v.is(p) ? undefined : Promise.reject(s.invalid(n, v, p)); };`,
    )
  }
  lines.unshift(...pieces.shared())
  lines.push(...networkLiteral(network))
  const names = plan.slots.map((s) => s.name)
  const source = join([
    // A function expression in parentheses, not an arrow: V8 compiles it eagerly with the module
    // instead of parsing its (large) source a second time when it is called.
    _`(function (h) {`,
    // Strict mode for everything below (the validators were written for it), whatever the host file is.
    _`"use strict";`,
    _`const P = Symbol.for(${PEER_SINK_KEY});`,
    ...lines,
    _`return {`,
    _`kind: ${ARTIFACT_KIND}, version: ${ARTIFACT_VERSION},`,
    _`get network() { return network(); },`,
    _`hostRole: ${hostRole},`,
    _`remoteRoles: [${join(
      plan.remoteRoles.map((r) => _`${r}`),
      _`, `,
    )}],`,
    // The validators read h.maxDepth when it is above the depth they were generated for (withDepth).
    _`maxDepth: h.maxDepth > ${maxDepth} ? h.maxDepth : ${maxDepth},`,
    _`inbound: { messages: ${messagesList(names)}, validators: ${validatorsList(inboundValidators)}, route: { __proto__: null, ${join(routes, _`, `)} } },`,
    _`outbound: { __proto__: null, ${join(outbound, _`, `)} },`,
    ...(replies === undefined ? [] : [_`replies: ${replies},`]),
    _`};`,
    _`})`,
  ])
  return { source: source.text, ...pieces.used() }
}

/** The router of remote role `i`: `(name) => slot | ROUTE_UNKNOWN | ROUTE_NOT_ALLOWED`. */
function route(plan: ArtifactPlan, i: number, lines: Code[]): Name {
  const fn = new Name(`route${i}`)
  const allowed = plan.allowed[i]!
  const slotOf = (slot: number): number => (allowed[slot] ? slot : ROUTE_NOT_ALLOWED)
  if (plan.slots.length <= SWITCH_LIMIT) {
    const cases = join(
      plan.slots.map((s, slot) => _`case ${s.name}: return ${slotOf(slot)};`),
      _` `,
    )
    lines.push(_`const ${fn} = (n) => { switch (n) { ${cases} default: return ${ROUTE_UNKNOWN}; } };`)
  } else {
    // Data as JSON text: JSON.parse is far cheaper at start-up than parsing the same object literal.
    const entries = Object.fromEntries(plan.slots.map((s, slot) => [s.name, slotOf(slot)]))
    const table = new Name(`table${i}`)
    lines.push(_`const ${table} = Object.assign(Object.create(null), ${jsonValue(entries)});`)
    lines.push(_`const ${fn} = (n) => { const s = ${table}[n]; return s === undefined ? ${ROUTE_UNKNOWN} : s; };`)
  }
  return fn
}

/** The API class of remote role `i`; gives its factory expression. */
function outboundApi(plan: ArtifactPlan, i: number, pieces: Pieces, lines: Code[]): Code {
  const { role, messages } = plan.outbound[i]!
  const cls = new Name(`Api${i}`)
  const methods = messages.map((m) => ({ ...m, v: pieces.validator(m.schema, role, m.name), w: pieces.encoder(m.schema) }))
  lines.push(_`function ${cls}(s) { this[P] = s; }`)
  if (methods.length <= INLINE_LIMIT) {
    // One method per message, its validator and encoder inlined by name. An encoder that cannot
    // write the payload gives undefined: the sink then encodes it the runtime's way.
    const props = methods.map(
      ({ name, v, w }) =>
        _`${name}: { value: function (p, o) { const s = this[P]; if (s.depthLimit !== undefined || !${v}.is(p)) { const r = R(s, ${name}, ${v}, p); if (r) return r; } const t = ${w}(p); return s.send(${name}, p, t === undefined ? t : ${frameHead(plan.hostRole, name)} + t + "}", o); }, enumerable: true }`,
    )
    lines.push(_`${cls}.prototype = Object.create(null, { ${join(props, _`, `)} });`)
    return _`(s) => new ${cls}(s)`
  }
  // Large roles: one method maker over a [name, validator, encoder] table, built when the first
  // peer of the role is created (start-up of 1000-message networks does not pay for it).
  // Validators and encoders are both per schema id, so one index picks both.
  const ids = [...new Set(methods.map((m) => m.schema))]
  const byId = new Map(methods.map((m) => [m.schema, m]))
  const vs = join(
    ids.map((id) => byId.get(id)!.v),
    _`, `,
  )
  const ws = join(
    ids.map((id) => byId.get(id)!.w),
    _`, `,
  )
  const build = new Name(`build${i}`)
  lines.push(
    _`let ${build} = () => { ${build} = null; const proto = ${cls}.prototype = Object.create(null); const vs = [${vs}]; const ws = [${ws}]; const which = ${jsonValue(methods.map((m) => ids.indexOf(m.schema)))}; ${jsonValue(methods.map((m) => m.name))}.forEach((n, k) => Object.defineProperty(proto, n, { value: method(n, vs[which[k]], ws[which[k]]), enumerable: true })); };`,
  )
  return _`(s) => { if (${build} !== null) ${build}(); return new ${cls}(s); }`
}

/**
 * The reply table (request/reply, ReplyTable in ../artifact/types.ts): per slot the reply's validator
 * and encoder, per remote role the validators of the replies it answers the host's requests with.
 * A reply schema equal to a payload schema shares its generated code (one id in the plan).
 */
function replyTable(plan: ArtifactPlan, pieces: Pieces): Code {
  const inbound = plan.slots.map((s) =>
    s.reply === undefined
      ? _`undefined`
      : _`{ validator: ${pieces.validator(s.reply, plan.hostRole, s.name)}, encode: ${pieces.encoder(s.reply)} }`,
  )
  const outbound = plan.outbound.map(({ role, messages }) => {
    const entries = messages.flatMap((m) => (m.reply === undefined ? [] : [_`, [${m.name}]: ${pieces.validator(m.reply, role, m.name)}`]))
    // Computed keys: a quoted "__proto__" key in a literal would set the prototype instead.
    return _`[${role}]: { __proto__: null${join(entries, _``)} }`
  })
  return _`{ inbound: [${join(inbound, _`, `)}], outbound: { __proto__: null, ${join(outbound, _`, `)} } }`
}

/** `method(n, v, w)`: an outbound method of a large role. */
function methodMaker(hostRole: string): Code {
  // The frame head around the message name, cut from frameHead so its format lives in one place.
  const head = frameHead(hostRole, '')
  const at = head.lastIndexOf('""')
  return _`const method = (n, v, w) => { const f = ${head.slice(0, at)} + JSON.stringify(n) + ${head.slice(at + 2)}; return function (p, o) { const s = this[P]; if (s.depthLimit !== undefined || !v.is(p)) { const r = R(s, n, v, p); if (r) return r; } const t = w(p); return s.send(n, p, t === undefined ? t : f + t + "}", o); }; };`
}

function messagesList(names: string[]): Code {
  return names.length <= SWITCH_LIMIT
    ? _`[${join(
        names.map((n) => _`${n}`),
        _`, `,
      )}]`
    : jsonValue(names)
}

/**
 * `[v0, v0, v1]`, or for large networks distinct validators indexed by JSON data: the array of
 * distinct validators is built once (inside the `map` callback it was built per slot, a million
 * element writes and 19 ms of start-up on 1000 distinct messages).
 */
function validatorsList(validators: Name[]): Code {
  if (validators.length <= SWITCH_LIMIT) return _`[${join(validators, _`, `)}]`
  const distinct = [...new Set(validators)]
  const indices = validators.map((v) => distinct.indexOf(v))
  if (indices.every((k, slot) => k === slot)) return _`[${join(distinct, _`, `)}]`
  return _`((vs) => ${jsonValue(indices)}.map((k) => vs[k]))([${join(distinct, _`, `)}])`
}

/**
 * The spec literal as `const N`: distinct payload schemas once, a skeleton that refers to them by
 * index, and a fix-up loop. A 1000-message network whose messages share schemas parses as a few
 * KiB instead of one copy per message (start-up), and equals the IR by JSON value.
 */
function networkLiteral(network: NetworkIR): Code[] {
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
    _`let N = null;`,
    _`const network = () => {`,
    _`  if (N !== null) return N;`,
    _`  const PS = ${jsonValue(schemas)};`,
    _`  N = ${jsonValue({ ...network, roles })};`,
    _`  for (const r of Object.values(N.roles)) for (const m of Object.values(r.messages)) m.payload = PS[m.payload];`,
    _`  return N;`,
    _`};`,
  ]
}
