// `openws/webpack`: the openws build plugin for webpack.
import { unplugin } from './plugin'
export default unplugin.webpack
