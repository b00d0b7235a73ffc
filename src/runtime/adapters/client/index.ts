// `openws/client`: the browser-safe client runtime (native WebSocket; pass `WebSocket` on Node 20).
export { connect, OpenWsClient, type ClientEvents, type ClientState } from './client'
export type { ClientOptions, WebSocketConstructor } from './options'
export { backoffDelay, DEFAULT_RECONNECT, type ReconnectOptions } from './backoff'
export type { HeartbeatOptions } from './heartbeat'
export { hostedBy } from './hosted-by'
export type { RequestOptions } from '../../session/requests'
