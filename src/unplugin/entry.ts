// The shape of a bundler entry (`openws/vite`, `openws/webpack`, ...), for ESM and CommonJS alike.
// The CommonJS build emits `module.exports = plugin`, so `require('openws/webpack')` is the
// function; TypeScript without esModuleInterop compiles `import openws from 'openws/webpack'` to
// `require(...).default`, so the function is its own `default` as well.

/** A plugin factory that is also its own `default` export. */
export type PluginEntry<F> = F & { readonly default: F }

export function pluginEntry<A extends unknown[], R>(factory: (...args: A) => R): PluginEntry<(...args: A) => R> {
  const entry = (...args: A): R => factory(...args)
  return Object.defineProperty(entry, 'default', { value: entry, enumerable: true }) as PluginEntry<(...args: A) => R>
}
