// README "Request/reply": the browser client; `await client.api.x()` is the typed reply.
import * as WS from 'openws'
import { connect } from 'openws/client'
import { Client, Server } from './calc.contract'

declare const url: string

class CalcClient extends Client implements WS.Handlers<typeof Client> {
  confirm({ q }: WS.Payload<typeof Client, 'confirm'>) {
    return { ok: window.confirm(q) }
  }
}
export async function main(): Promise<boolean> {
  const client = connect<WS.Api<typeof Server>>({ bindings: WS.bindings({ name: 'calc', roles: [CalcClient, Server] }), url })
  const { roomId } = await client.api.createRoom({ name: 'lobby' }) // roomId: string
  const ac = new AbortController()
  const { deleted } = await client.api.deleteRoom({ roomId }, { signal: ac.signal })
  const check: string = roomId
  return deleted && check.length > 0
}
