// Programmatic access: the bundler-free context (for custom integrations and tests) and the unplugin instance.
export { createContext } from './context'
export type { OpenWsContext, ContextResult, TransformHooks, ContextOptions } from './context'
export { unplugin } from './plugin'
export type { OpenWsPluginOptions } from './options'
