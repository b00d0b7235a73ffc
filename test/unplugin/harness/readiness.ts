// Transformed code calls `compiledBindings` from 'openws'. Until the runtime's public entry
// exports it, bundles of transformed code cannot run: the end-to-end suites skip with this
// message instead of failing for a reason outside the plugin (they run as soon as it is exported).
import * as openws from '../../../src/runtime/entries/index'

export const runtimeReady = typeof (openws as Record<string, unknown>).compiledBindings === 'function'

export const NOT_READY = "SKIPPED: 'openws' (src/runtime/entries/index.ts) does not export compiledBindings yet, which transformed code calls"

if (!runtimeReady) console.warn(`test/unplugin: ${NOT_READY}`)
