// What every consumer project builds: the chat fixture (class-first and decorator roles, S
// builders, JSON Schema literals, imported schemas) and the typed fixture (payloads as TypeScript
// types), plus the checks their outputs must pass.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import * as Class from 'openws'
import { Client as CClient, Portal as CPortal, Server as CServer } from '../unplugin/fixtures/chat/class-roles'
import { converse } from '../unplugin/fixtures/chat/script'
import { bannedConstructs } from '../helpers/inspect'
import { chatFixture, typedFixture, type Project } from './project'

/**
 * Copies the chat fixture to `src/`. `withExtensions` writes relative imports as `./x.js`, what
 * Node needs to run `tsc` output as ESM (TypeScript maps `./x.js` to `./x.ts`).
 */
export function addChatApp(p: Project, { withExtensions = false } = {}): void {
  for (const file of readdirSync(chatFixture)) {
    let text = readFileSync(join(chatFixture, file), 'utf8')
    if (withExtensions) text = text.replace(/from '(\.\/[\w-]+)'/g, "from '$1.js'")
    p.write(join('src', file), text)
  }
}

/** The typed fixture plus a main that drives it: one valid ping, one invalid. */
export function addTypedApp(p: Project, dir = 'typed'): void {
  for (const file of readdirSync(typedFixture)) p.write(join(dir, file), readFileSync(join(typedFixture, file), 'utf8'))
  p.write(
    join(dir, 'main.ts'),
    `
import { harness } from 'openws'
import { binder } from './roles.js'
const h = harness(binder)
const client = h.connect('client')
await client.send('ping', { n: 1 })
await client.send('ping', { n: 'one' })
console.log(JSON.stringify({ compiled: Boolean(binder.compiled), frames: client.take() }))
`,
  )
}

/**
 * The transcript every build of the chat app must print: the same conversation run here on the
 * sources, interpreted (the eval-free fallback). Class-first roles only: this process does not
 * lower TC39 decorators; chatTranscript() checks each build's decorator run against its class run.
 */
export async function expectedChatTranscript(): Promise<unknown> {
  return converse(Class.runtime(Class.bindings({ name: 'chat', description: 'A chat network', roles: [CServer, CClient, CPortal] })))
}

/** The chat conversation's transcript: sane on its own, and the same in both styles. */
export function chatTranscript(stdout: string): unknown {
  const result = JSON.parse(stdout.trim().split('\n').pop()!)
  expect(result.crashed).toBeUndefined()
  expect(result.class.length).toBeGreaterThan(10)
  expect(result.class).toEqual(result.decorator)
  const codes = (result.class as unknown[][]).filter((f) => f[2] === '$error').map((f) => (f[3] as { code: string }).code)
  expect(codes).toEqual(
    expect.arrayContaining(['OPENWS_ERR_INVALID_PAYLOAD', 'OPENWS_ERR_UNKNOWN_MESSAGE', 'OPENWS_ERR_SENDER_NOT_ALLOWED']),
  )
  return result.class
}

export function expectTypedRun(stdout: string): void {
  const result = JSON.parse(stdout.trim().split('\n').pop()!)
  expect(result.compiled).toBe(true)
  expect(result.frames[0]).toEqual({ fromRole: 'server', messageName: 'pong', payload: { n: 1 } })
  expect(result.frames[1]).toMatchObject({ messageName: '$error', payload: { code: 'OPENWS_ERR_INVALID_PAYLOAD' } })
  expect(result.frames[1].payload.issues[0]).toMatchObject({ path: '/n' })
}

/** Precompiled output: the dispatch switch and artifact are inlined, nothing reads definitions. */
export function expectCompiled(code: string): void {
  expect(code).toMatch(/compiled(Fluent)?Bindings\(/)
  expect(bannedConstructs(code)).toEqual([])
}

/**
 * Type-level use of the published declarations (checked with `skipLibCheck: false`): S.Infer,
 * Api types, and mistakes that must not compile.
 */
export const TYPES_CHECK = `
import { S, type Api } from 'openws'
import * as Deco from 'openws/decorator'
import * as Fluent from 'openws/fluent'

const Join = S.obj({ userId: S.str, roomId: S.str, tags: S.arr(S.str).optional() })
type Join = S.Infer<typeof Join>
export const join: Join = { userId: 'u', roomId: 'r' }
// @ts-expect-error roomId must be a string
export const wrong: Join = { userId: 'u', roomId: 1 }

class Client {
  static CONFIG = { name: 'client', messages: { joined: { payload: S.obj({ roomId: S.str }) } } } as const
}
export async function useApi(api: Api<typeof Client>): Promise<void> {
  await api.joined({ roomId: 'r' })
  // @ts-expect-error unknown message
  await api.left({ roomId: 'r' })
}
export const decoratorRole: typeof Deco.role = Deco.role

// One contract, both ends: payload types reach every style's API and handler parameters.
class Hub {
  @Deco.handler({ payload: S.obj({ roomId: S.str }) })
  async enter(_p: { roomId: string }) {}
  // @ts-expect-error the handler's parameter does not match its schema
  @Deco.handler({ payload: S.obj({ roomId: S.str }) })
  async wrong(_p: { roomId: number }) {}
}
export async function useHub(api: Deco.Api<typeof Hub>): Promise<void> {
  await api.enter({ roomId: 'r' })
  // @ts-expect-error not the payload
  await api.enter({ nonsense: 1 })
}
const chatNet = Fluent.network('chat')
  .role(Fluent.role('server').message(Fluent.message('enter').payload(S.obj({ roomId: S.str })).from('client')))
  .role(Fluent.role('client').message(Fluent.message('entered').payload(S.obj({ roomId: S.str }))))
export function useFluent(api: Fluent.RoleApi<typeof chatNet, 'server'>): void {
  Fluent.bindings(chatNet, { host: 'client' }).fromRoles.server.on('entered', (p) => void p.roomId.toUpperCase())
  void api.enter({ roomId: 'r' })
  // @ts-expect-error roomId must be a string
  void api.enter({ roomId: 1 })
}
`
