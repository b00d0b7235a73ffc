// `openws/rollup`: the openws build plugin for rollup.
import { pluginEntry } from './entry'
import { unplugin } from './plugin'
export default pluginEntry(unplugin.rollup)
