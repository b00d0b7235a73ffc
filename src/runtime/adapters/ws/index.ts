// `openws/ws`: the network on a plain `ws` server.
export { attach, refuseUpgrade, type WsMount, type WsOpenWsOptions } from './attach'
export { createServer, type CreateServerOptions, type OpenWsServer } from './create-server'
export type { Authenticate, Grant, ServerOptions, SlowConsumerPolicy } from '../server-options'
export { contextOf } from '../context'
