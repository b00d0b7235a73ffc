// `openws/webpack`: the openws build plugin for webpack.
import { pluginEntry } from './entry'
import { unplugin } from './plugin'
export default pluginEntry(unplugin.webpack)
