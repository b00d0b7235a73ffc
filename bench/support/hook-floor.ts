// The least a transforming plugin can cost: one that declines every script through the hook openws
// uses (esbuild: an onLoad hook of its own; the other bundlers: unplugin's transform, id filter
// only). bench/build builds with it so that the syntax mode's overhead can be read against what
// merely having such a hook costs on each bundler.
import { createUnplugin } from 'unplugin'
import type { Bundler } from './builders'

const SCRIPTS = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/

const declineAll = createUnplugin(() => ({
  name: 'openws-bench-hook-floor',
  transform: { filter: { id: SCRIPTS }, handler: () => undefined },
}))

interface OnLoadBuild {
  onLoad(options: { filter: RegExp; namespace?: string }, callback: () => Promise<undefined>): void
}

export function hookFloorPlugin(bundler: Bundler): unknown {
  switch (bundler) {
    case 'esbuild':
      return {
        name: 'openws-bench-hook-floor',
        setup: (b: OnLoadBuild) => b.onLoad({ filter: SCRIPTS, namespace: 'file' }, async () => undefined),
      }
    case 'vite':
      return declineAll.vite()
    case 'rollup':
      return declineAll.rollup()
    case 'webpack':
      return declineAll.webpack()
    case 'rspack':
      return declineAll.rspack()
  }
}
