// Vite dev server: a module whose definition was generated from another file (an imported schema,
// a payload type) must be re-transformed when that file changes. Vite only soft-invalidates static
// importers (it re-stamps imports without re-running transforms), and never sees type-only
// dependencies, so we hard-invalidate the dependents ourselves and add them to the HMR update.
import type { EnvironmentModuleNode, Plugin, ViteDevServer } from 'vite'
import type { OpenWsContext } from './context'

export function viteHmrHooks(ctx: OpenWsContext): Pick<Plugin, 'configureServer' | 'hotUpdate'> {
  return {
    configureServer(server: ViteDevServer) {
      // Runs with or without HMR (middleware mode, `hmr: false`, SSR-only servers).
      const onChange = (file: string) => invalidateDependents(server, ctx, file)
      server.watcher.on('change', onChange)
      server.watcher.on('unlink', onChange)
      server.watcher.on('add', onChange)
    },
    hotUpdate({ file, modules }) {
      const extra = dependentModules(this.environment.moduleGraph, ctx, file)
      if (!extra.length) return undefined
      return [...modules, ...extra.filter((m) => !modules.includes(m))]
    },
  }
}

function invalidateDependents(server: ViteDevServer, ctx: OpenWsContext, file: string): void {
  ctx.invalidate(file)
  for (const env of Object.values(server.environments)) {
    const graph = env.moduleGraph
    for (const mod of dependentModules(graph, ctx, file)) graph.invalidateModule(mod)
  }
}

function dependentModules(
  graph: { getModulesByFile(file: string): Set<EnvironmentModuleNode> | undefined },
  ctx: OpenWsContext,
  file: string,
): EnvironmentModuleNode[] {
  return ctx.dependentsOf(file).flatMap((dependent) => [...(graph.getModulesByFile(dependent) ?? [])])
}
