// Role establishment on both adapters: authenticate at the upgrade (401/403, grants, context),
// one path per role, and the opt-in first-frame mode.
import type { IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { chatServerBindings } from './fixtures/chat'
import { ADAPTERS, openPeer, startServer, type TestServer } from '../helpers/servers'

function header(request: unknown, name: string): string | undefined {
  const headers = (request as { headers: IncomingMessage['headers'] }).headers
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Tokens: "client-alice" → role client, context {user: 'alice'}; "banned" → 403; none → 401. */
function authenticate(request: unknown) {
  const token = header(request, 'authorization')
  if (!token) return false
  if (token === 'banned') throw Object.assign(new Error('banned'), { statusCode: 403 })
  if (token === 'broken') throw new Error('bug in authenticate')
  const [role, user] = token.split('-')
  return { role, context: { user } }
}

describe.each(ADAPTERS)('%s adapter: establishing the role', (kind) => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  async function start(options: Record<string, unknown>): Promise<TestServer> {
    server = await startServer(kind, { bindings: chatServerBindings(), ...options })
    return server
  }

  it('authenticate refuses with 401, or the status it throws (403); a bug is 500', async () => {
    const s = await start({ authenticate })
    await expect(openPeer(s.base)).rejects.toMatchObject({ status: 401 })
    await expect(openPeer(s.base, { authorization: 'banned' })).rejects.toMatchObject({ status: 403 })
    await expect(openPeer(s.base, { authorization: 'broken' })).rejects.toMatchObject({ status: 500 })
    expect(s.connections()).toBe(0)
  })

  it('the granted role and context reach the handlers (contextOf(api))', async () => {
    const s = await start({ authenticate })
    const peer = await openPeer(s.base, { authorization: 'client-alice' })
    peer.send('client', 'whoami', {})
    expect(JSON.parse((await peer.next()).payload.text)).toEqual({ user: 'alice' })
    // The role is fixed by the grant: claiming another one is a policy violation.
    peer.send('portal', 'whoami', {})
    expect((await peer.closed).code).toBe(1008)
  })

  it('handleOpen/onOpen sees the context too, also when the first frame decides the role', async () => {
    const opened: unknown[] = []
    const state = { rooms: new Map(), users: new Map(), onOpen: (role: string, context: unknown) => opened.push([role, context]) }
    server = await startServer(kind, {
      bindings: chatServerBindings(state),
      roleFrom: 'first-frame',
      authenticate: (request: unknown) => (header(request, 'authorization') === 'open' ? { context: 'anyone' } : authenticate(request)),
    })
    const a = await openPeer(server.base, { authorization: 'client-alice' })
    const b = await openPeer(server.base, { authorization: 'open' })
    b.send('portal', 'whoami', {})
    expect(JSON.parse((await b.next()).payload.text)).toBe('anyone')
    a.send('client', 'whoami', {})
    expect(JSON.parse((await a.next()).payload.text)).toEqual({ user: 'alice' })
    expect(opened).toEqual([
      ['client', { user: 'alice' }],
      ['portal', 'anyone'],
    ])
    a.ws.close()
    b.ws.close()
  })

  it('a grant for a role that cannot connect, or that contradicts the path, is 403', async () => {
    const s = await start({ authenticate })
    await expect(openPeer(s.base, { authorization: 'server-x' })).rejects.toMatchObject({ status: 403 })
    await expect(openPeer(s.base, { authorization: 'ghost-x' })).rejects.toMatchObject({ status: 403 })
    await expect(openPeer(`${s.base}/portal`, { authorization: 'client-alice' })).rejects.toMatchObject({ status: 403 })
    const ok = await openPeer(`${s.base}/client`, { authorization: 'client-alice' })
    ok.ws.close()
  })

  it('one path per role: the path fixes the role; the bare path is not a route without authenticate', async () => {
    const s = await start({})
    const portal = await openPeer(`${s.base}/portal`)
    portal.send('portal', 'requestRoomStats', { roomId: 'none' })
    expect((await portal.next()).payload).toEqual({ roomId: 'none', members: [] })
    portal.ws.close()
    await expect(openPeer(s.base)).rejects.toMatchObject({ status: 404 })
  })

  it('first frame decides the role only when opted in; it is fixed afterwards', async () => {
    const s = await start({ roleFrom: 'first-frame' })
    const peer = await openPeer(s.base)
    peer.send('portal', 'requestRoomStats', { roomId: 'x' })
    expect((await peer.next()).messageName).toBe('receivedRoomStats')
    peer.send('client', 'createRoom', { userId: 'a', roomId: 'r' })
    expect((await peer.closed).code).toBe(1008)
  })

  it('first frame naming the host role or an unknown role closes with 1008', async () => {
    const s = await start({ roleFrom: 'first-frame' })
    for (const role of ['server', 'ghost']) {
      const peer = await openPeer(s.base)
      peer.send(role, 'createRoom', { userId: 'a', roomId: 'r' })
      expect((await peer.closed).code).toBe(1008)
    }
  })
})
