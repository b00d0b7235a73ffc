// `@handler({ from })` / `@message({})` without `payload`: the payload schema is the TypeScript
// type of the method's first parameter, which only the openws transformer can read (at build
// time, through typia). Reaching bindings() with such a decoration means it did not run.
import { openwsError } from '../../openws-error'

export function requireTransformedPayload(payload: unknown, kind: 'message' | 'handler', cls: string, method: string): void {
  if (payload !== undefined) return
  throw openwsError(
    'OPENWS_ERR_TRANSFORMER_REQUIRED',
    `openws transformer not configured: @${kind} on ${cls}.${method} has no "payload", so its schema comes from the ` +
      `method's parameter type, which is read at build time. Add { "transform": "openws/transformer" } to ` +
      `compilerOptions.plugins (tspc) or an openws bundler plugin (openws/vite, openws/esbuild, ...), or give "payload" explicitly`,
    { message: method },
  )
}
