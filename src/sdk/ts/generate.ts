// The TypeScript SDK: one module per network with a typed client class per connecting role,
// built on `openws/client` (validation both ways, reconnect with backoff, queueing) and the
// network description embedded as data. Deterministic: same document, same bytes.
import { Name, safeStringify } from '../../runtime/codegen/code'
import type { JsonSchema } from '../../runtime/ir/types'
import { Names, type SdkModel, type SdkRole } from '../model'
import { itemKey, payloadKey, payloadNames, replyKey, schemaItems, typeName, type PayloadNames } from '../names'
import { tsType, type TypeContext } from './types'

/** Identifiers the module declares itself; generated names must not take them. */
const RESERVED = [
  'connect',
  'hostedBy',
  'bindings',
  'ClientEvents',
  'ClientOptions',
  'OpenWsClient',
  'RequestOptions',
  'NetworkIR',
  'network',
  'Handler',
  'SdkClientOptions',
  'ApiOf',
  'ReplyOf',
  'None',
  'RoleClient',
]

/** A JSDoc comment holding `text` as data: it can never close the comment early. */
function doc(text: string | undefined, indent = ''): string {
  if (text === undefined || text === '') return ''
  const lines = text
    .replace(/\*\//g, '*\\/')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
  return lines.length === 1
    ? `${indent}/** ${lines[0]} */\n`
    : `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`
}

function id(text: string): string {
  return new Name(text).text // throws on anything that is not a plain, non-reserved identifier
}

const RUNTIME = `type NetworkIR = Parameters<typeof hostedBy>[0]
type Handler<P, R = void> = (payload: P) => R | Promise<R>
type None = Record<never, never>

/** Options of a generated client: those of openws/client's connect(), less what the spec fixes. */
export type SdkClientOptions = Omit<ClientOptions, 'bindings' | 'serverRole'>
/** What a message's call resolves to: its reply for a request (a message with a reply schema), else nothing. */
export type ReplyOf<Replies, K> = K extends keyof Replies ? Replies[K] : void
/**
 * A typed API object: one method per message, each validating its payload before sending. A request
 * resolves to the validated reply and takes \`{ timeoutMs, signal }\` (default timeout: the client's
 * \`limits.requestTimeoutMs\`, 30 s).
 */
export type ApiOf<Sends, Replies = None> = {
  [K in keyof Sends]: K extends keyof Replies
    ? (payload: Sends[K], options?: RequestOptions) => Promise<Replies[K]>
    : (payload: Sends[K]) => Promise<void>
}

class RoleClient<Sends, Receives, Replies = None, Answers = None> {
  /** The openws/client connection: reconnects with backoff, queues frames while disconnected. */
  readonly connection: OpenWsClient<ApiOf<Sends, Replies>>
  private readonly handlers = new Map<string, Set<Handler<any, unknown>>>()

  protected constructor(role: string, serverRole: string, receives: readonly string[], options: SdkClientOptions) {
    const binder = bindings(hostedBy(network, role))
    const fromServer = (binder.fromRoles as unknown as Record<string, { on(name: string, handler: (payload: unknown) => unknown): unknown }>)[serverRole]
    for (const name of receives) fromServer.on(name, (payload) => this.dispatch(name, payload))
    this.connection = connect<ApiOf<Sends, Replies>>({ ...options, bindings: binder, serverRole })
  }

  /** Typed calls to the server, e.g. \`client.api.createRoom({ ... })\`: validated, queued while disconnected. */
  get api(): ApiOf<Sends, Replies> {
    return this.connection.api
  }

  /** Sends one message (validated against its schema first; rejects with OPENWS_ERR_OUTBOUND_INVALID); a request resolves to its reply. */
  send<K extends keyof Sends & string>(name: K, payload: Sends[K]): Promise<ReplyOf<Replies, K>> {
    return (this.connection.api[name] as unknown as (payload: Sends[K]) => Promise<ReplyOf<Replies, K>>)(payload)
  }

  /**
   * Asks the server (a message with a reply schema) and resolves to its validated reply. Rejects with the
   * server's code when it refuses the request, OPENWS_ERR_REQUEST_TIMEOUT after \`timeoutMs\`,
   * OPENWS_ERR_REQUEST_ABORTED when \`signal\` fires, OPENWS_ERR_DISCONNECTED when the socket closes first
   * (requests are not resent after a reconnect).
   */
  request<K extends keyof Replies & keyof Sends & string>(name: K, payload: Sends[K], options?: RequestOptions): Promise<Replies[K]> {
    return (this.connection.api[name] as unknown as (payload: Sends[K], options?: RequestOptions) => Promise<Replies[K]>)(payload, options)
  }

  /**
   * Handles a message the server sends (payloads are validated before handlers run). For a request
   * from the server, the first handler's return value (or what its promise resolves to) is the reply.
   * Returns an unsubscribe function.
   */
  on<K extends keyof Receives & string>(name: K, handler: Handler<Receives[K], ReplyOf<Answers, K>>): () => void {
    let set = this.handlers.get(name)
    if (set === undefined) this.handlers.set(name, (set = new Set()))
    set.add(handler)
    return () => void set.delete(handler)
  }

  /** Connection events: open, close, reconnecting, drop, and error (the server's $error frames as OpenWsError, with .code). */
  onEvent<E extends keyof ClientEvents>(event: E, listener: (event: ClientEvents[E]) => void): () => void {
    return this.connection.on(event, listener)
  }

  /** Resolves when the client is (next) open. */
  ready(): Promise<void> {
    return this.connection.ready()
  }

  /** Closes for good (no reconnect). */
  close(code?: number, reason?: string): Promise<void> {
    return this.connection.close(code, reason)
  }

  private async dispatch(name: string, payload: unknown): Promise<unknown> {
    let answered = false
    let answer: unknown
    for (const handler of [...(this.handlers.get(name) ?? [])]) {
      const result = await handler(payload)
      if (!answered) [answered, answer] = [true, result]
    }
    return answer
  }
}
`

export function generateTypeScript(model: SdkModel, version: string): string {
  const net = model.network.name
  const names = new Names(RESERVED)
  const items = model.roles.flatMap((r) => [...schemaItems(model.host, r.sends), ...schemaItems(r.name, r.receives)])
  const typeNames = payloadNames(net, items, names)
  const classNames = new Map(model.roles.map((r) => [r.name, names.take(typeName(net, r.name))]))

  const out: string[] = []
  out.push(`// AUTOGENERATED by \`openws sdk --lang ts\` (openws ${version}) from the OpenWS document of network ${safeStringify(net)}.`)
  out.push('// Do not edit: regenerate from the spec instead.')
  out.push(
    `import { connect, hostedBy, type ClientEvents, type ClientOptions, type OpenWsClient, type RequestOptions } from 'openws/client'`,
  )
  out.push(`import { bindings } from 'openws/fluent'`)
  out.push('')
  out.push(RUNTIME)
  out.push(`/** The network as the server describes it (its spec.json), host mark included. */`)
  out.push(`export const network: NetworkIR = ${safeStringify(model.network)}`)
  out.push('')
  out.push('// Payload types (the runtime validator also enforces what a type cannot say: bounds, patterns, formats).')
  const written = new Set<string>()
  for (const item of items) {
    const key = itemKey(item)
    if (written.has(key)) continue
    written.add(key)
    const description = findMessage(model, item.role, item.message)?.description
    out.push(payloadTypes(typeNames, key, item.payload, item.reply === true ? `The reply to ${safeStringify(item.message)}.` : description))
  }
  for (const role of model.roles) out.push(roleSection(model, role, classNames.get(role.name)!, typeNames))
  return `${out.join('\n').trimEnd()}\n`
}

function findMessage(model: SdkModel, owner: string, name: string): { description?: string } | undefined {
  return model.network.roles[owner]?.messages[name]
}

function payloadTypes(names: PayloadNames, key: string, payload: JsonSchema, description: string | undefined): string {
  const self = id(names.payload.get(key)!)
  const ctx: TypeContext = { self, defs: names.defs.get(key)! }
  const lines: string[] = [`${doc(description)}export type ${self} = ${tsType(payload, ctx)}`]
  for (const [container, entries] of ctx.defs) {
    const defs = (payload as Record<string, Record<string, unknown> | undefined>)[container]
    for (const [entry, name] of entries) {
      lines.push(`${doc(`${container}/${entry}`)}export type ${id(name)} = ${tsType(defs?.[entry], ctx)}`)
    }
  }
  return `${lines.join('\n')}\n`
}

function roleSection(model: SdkModel, role: SdkRole, className: string, names: PayloadNames): string {
  const cls = id(className)
  const entries = (list: SdkRole['sends'], owner: string) =>
    list
      .map((m) => `${doc(m.description, '  ')}  ${safeStringify(m.name)}: ${id(names.payload.get(payloadKey(owner, m.name))!)}`)
      .join('\n')
  const sends = entries(role.sends, model.host)
  const receives = entries(role.receives, role.name)
  const replies = (list: SdkRole['sends'], owner: string) =>
    list
      .filter((m) => m.reply !== undefined)
      .map((m) => `  ${safeStringify(m.name)}: ${id(names.payload.get(replyKey(owner, m.name))!)}`)
      .join('\n')
  const asks = replies(role.sends, model.host)
  const answers = replies(role.receives, role.name)
  const params = [`${cls}Sends`, `${cls}Receives`]
  if (asks || answers) params.push(asks ? `${cls}Replies` : 'None', answers ? `${cls}Answers` : 'None')
  return [
    `// Role ${safeStringify(role.name)}`,
    '',
    `/** Messages role ${safeStringify(role.name)} sends to ${safeStringify(model.host)}. */`,
    `export interface ${cls}Sends {${sends ? `\n${sends}\n` : ''}}`,
    '',
    `/** Messages ${safeStringify(model.host)} sends to role ${safeStringify(role.name)}. */`,
    `export interface ${cls}Receives {${receives ? `\n${receives}\n` : ''}}`,
    '',
    ...(asks
      ? [
          `/** Replies to the requests role ${safeStringify(role.name)} sends (\`await client.api.x()\` resolves to them). */`,
          `export interface ${cls}Replies {\n${asks}\n}`,
          '',
        ]
      : []),
    ...(answers
      ? [
          `/** Replies role ${safeStringify(role.name)} answers the server's requests with (what its \`on\` handler returns). */`,
          `export interface ${cls}Answers {\n${answers}\n}`,
          '',
        ]
      : []),
    doc(role.description ?? `A client of role ${safeStringify(role.name)}: connects to {server path}/${role.name}.`).trimEnd(),
    `export class ${cls} extends RoleClient<${params.join(', ')}> {`,
    `  constructor(options: SdkClientOptions = {}) {`,
    `    super(${safeStringify(role.name)}, ${safeStringify(model.host)}, ${safeStringify(role.receives.map((m) => m.name))}, options)`,
    '  }',
    '}',
    '',
  ].join('\n')
}
