// `openws/fastify`: the fastify 5 plugin.
export { openws, openws as default, type FastifyOpenWsOptions, type OpenWsMount, type OpenWsPluginOptions } from './plugin'
export { injectOpenWs } from './inject'
export type { Authenticate, Grant, ServerOptions, SlowConsumerPolicy } from '../server-options'
export { contextOf } from '../context'
