// `openws/esbuild`: the openws build plugin for esbuild.
import { unplugin } from './plugin'
export default unplugin.esbuild
