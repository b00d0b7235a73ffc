// `openws/vite`: the openws build plugin for vite.
import { unplugin } from './plugin'
export default unplugin.vite
