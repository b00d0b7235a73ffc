// Maps a server-side `ws` WebSocket onto the platform-neutral context and wires its events to a
// ServerConnection. Used by both server adapters (@fastify/websocket hands out `ws` sockets too).
// Handlers are named module-level functions (the `ws` habit): nothing is allocated per event.
import type { WebSocket } from 'ws'
import type { ServerConnection } from '../server-connection'
import type { ServerHub } from '../server-hub'
import { wsContext } from './text-frames'

const kConnection = Symbol('openws.connection')
const kUtf8Checked = Symbol('openws.utf8Checked')

interface BoundSocket extends WebSocket {
  [kConnection]?: ServerConnection<any>
  [kUtf8Checked]?: boolean
}

/** Whether a `ws` server validates text frames as UTF-8 (its default) before emitting them. */
export function checksUtf8(wss: { options: { skipUTF8Validation?: boolean } }): boolean {
  return wss.options.skipUTF8Validation !== true
}

function onMessage(this: BoundSocket, data: unknown, isBinary: boolean): void {
  const connection = this[kConnection]
  if (!connection) return
  // With the default binaryType ('nodebuffer') data is one Buffer; the other types are normalised.
  const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : (data as Buffer)
  // When `ws` has already checked that a text frame is valid UTF-8 (its default; it closes with 1007
  // otherwise), Buffer#toString is exact here, and much cheaper than a fatal TextDecoder. With
  // `skipUTF8Validation` it would decode invalid bytes lossily, so the bytes go to the session,
  // whose fatal decoder closes with 1007 (OPENWS_ERR_BAD_JSON). The session also applies the size
  // limit (to the UTF-8 length) and everything after it.
  const text = !isBinary && this[kUtf8Checked] === true && Buffer.isBuffer(bytes)
  connection.receive(text ? bytes.toString('utf8') : bytes, isBinary)
}

function onClose(this: BoundSocket): void {
  const connection = this[kConnection]
  this[kConnection] = undefined
  connection?.onClose()
}

function onError(this: BoundSocket, error: Error): void {
  this[kConnection]?.onError(error)
}

function onPong(this: BoundSocket): void {
  this[kConnection]?.onPong()
}

/** Hands an open `ws` socket to the hub as a connection of `role` (undefined: first frame decides). */
export function bindWsSocket<Context>(
  hub: ServerHub<Context>,
  ws: WebSocket,
  role: string | undefined,
  context: Context | undefined,
  utf8Checked: boolean,
): void {
  const connection = hub.accept(wsContext(ws), role, context)
  if (!connection) return
  ;(ws as BoundSocket)[kConnection] = connection
  ;(ws as BoundSocket)[kUtf8Checked] = utf8Checked
  ws.on('message', onMessage)
  ws.on('close', onClose)
  ws.on('error', onError)
  ws.on('pong', onPong)
}
