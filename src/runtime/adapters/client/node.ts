// `openws/client/node`: the client runtime with `ws` as the default WebSocket (Node 20 has no
// global one). Kept apart so the browser entry never imports `ws`.
import WebSocket from 'ws'
import { OpenWsClient } from './client'
import type { ClientOptions, WebSocketConstructor } from './options'

export * from './index'

/** As `connect` from `openws/client`, with `ws` when no `WebSocket` is given. */
export function connect<Api extends object = Record<string, (payload: any) => Promise<void>>>(options: ClientOptions): OpenWsClient<Api> {
  return new OpenWsClient<Api>({ ...options, WebSocket: options.WebSocket ?? (WebSocket as unknown as WebSocketConstructor) })
}
