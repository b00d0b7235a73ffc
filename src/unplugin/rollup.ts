// `openws/rollup`: the openws build plugin for rollup.
import { unplugin } from './plugin'
export default unplugin.rollup
