// `openws/rspack`: the openws build plugin for rspack.
import { unplugin } from './plugin'
export default unplugin.rspack
