// `openws/esbuild`: the openws build plugin for esbuild.
import { pluginEntry } from './entry'
import { unplugin } from './plugin'
export default pluginEntry(unplugin.esbuild)
