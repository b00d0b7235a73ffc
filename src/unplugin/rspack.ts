// `openws/rspack`: the openws build plugin for rspack.
import { pluginEntry } from './entry'
import { unplugin } from './plugin'
export default pluginEntry(unplugin.rspack)
