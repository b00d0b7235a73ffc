// `openws/vite`: the openws build plugin for vite.
import { pluginEntry } from './entry'
import { unplugin } from './plugin'
export default pluginEntry(unplugin.vite)
