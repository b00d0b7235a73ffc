// The openws UI (`{path}/ui`): static files built at package build time by src/ui/build.mjs and
// read from disk next to this module. Framework-neutral: `uiResponse` answers a request path with
// status, headers and body; the fastify plugin and the ws `createServer` each route to it.
//
//   {path}/ui          index.html  (loads ui/app.js, ui/app.css and ../spec.json, all relative)
//   {path}/ui/app.js   the bundled, minified page script (eval-free: no run-time code generation)
//   {path}/ui/app.css  its stylesheet
//   {path}/ui/         301 to {path}/ui (relative URLs resolve from there)
//   {path}/ui/<other>  404
//
// Every answer carries a strict Content-Security-Policy: no inline script or style, no eval.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openwsError } from '../openws-error'

export interface UiOption {
  /**
   * Serve the openws UI at `GET {path}/ui`. Default: on, except when `NODE_ENV` is `production`,
   * where it is off unless `ui: true`.
   */
  ui?: boolean
}

export const UI_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** File name -> content type, for every file the UI build writes. */
const ASSETS: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
}

export interface UiResponse {
  status: number
  headers: Record<string, string>
  body: string | Buffer
}

/**
 * Whether a mount serves the UI: the option when given, else everywhere but production. The UI
 * needs the spec and the path `{path}/ui`: by default it stays off when `spec: false` or a remote
 * role is named `ui`; asking for it explicitly then throws OPENWS_ERR_INVALID_OPTION.
 */
export function uiEnabled(
  option: unknown,
  mount: { spec: boolean; remoteRoles: readonly string[] },
  env: string | undefined = process.env.NODE_ENV,
): boolean {
  if (option !== undefined && typeof option !== 'boolean')
    throw openwsError('OPENWS_ERR_INVALID_OPTION', 'options.ui must be a boolean when given')
  const conflict = !mount.spec
    ? 'spec: false (the UI reads {path}/spec.json)'
    : mount.remoteRoles.includes('ui')
      ? 'a role named "ui" (its socket is {path}/ui)'
      : undefined
  if (option === true && conflict !== undefined)
    throw openwsError('OPENWS_ERR_INVALID_OPTION', `options.ui cannot be true with ${conflict}`)
  if (conflict !== undefined) return false
  return option ?? env !== 'production'
}

declare const __dirname: string | undefined

/** This module's folder: dist/ once built (ESM chunk or CJS file), src/runtime/adapters in the source tree. */
function moduleDir(): string {
  if (typeof __dirname === 'string') return __dirname
  return dirname(fileURLToPath(import.meta.url))
}

/**
 * Where the built assets are looked for, in order: `ui/` next to the built module (the package's
 * dist/ui), then src/ui/.build in the source tree (written by `buildUi()` from src/ui/build.mjs,
 * which the tests and the demo call).
 */
export function uiAssetDirs(dir: string = moduleDir()): string[] {
  return [join(dir, 'ui'), join(dir, '..', '..', 'ui', '.build')]
}

/** Reads the built assets (the first directory holding index.html wins); undefined when none is built. */
export function loadUiAssets(dirs: string[] = uiAssetDirs()): Map<string, Buffer> | undefined {
  const dir = dirs.find((d) => existsSync(join(d, 'index.html')))
  if (dir === undefined) return undefined
  const files = new Map<string, Buffer>()
  for (const name of Object.keys(ASSETS)) files.set(name, readFileSync(join(dir, name)))
  return files
}

const SECURITY_HEADERS = {
  'content-security-policy': UI_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
}

/** What follows `{path}/ui` in a request path -> the asset it names. */
const ROUTES: Record<string, string> = { '': 'index.html', '/app.js': 'app.js', '/app.css': 'app.css' }

export type UiHandler = (rest: string) => UiResponse

/**
 * The UI of one mount: answers `GET {path}/ui{rest}` (`rest` is '' for the page itself, '/app.js',
 * ...). Assets are read from disk on first use and kept for the mount's life.
 */
export function uiHandler(path: string, load: () => Map<string, Buffer> | undefined = loadUiAssets): UiHandler {
  const uiPath = uiPathOf(path)
  let assets: Map<string, Buffer> | undefined
  return (rest) => {
    if (rest === '/') return { status: 301, headers: { ...SECURITY_HEADERS, location: uiPath }, body: '' }
    const name = Object.hasOwn(ROUTES, rest) ? ROUTES[rest]! : undefined
    if (name === undefined) return json(404, { code: 'NOT_FOUND' })
    assets ??= load()
    if (assets === undefined) {
      return json(500, {
        code: 'UI_NOT_BUILT',
        message: 'the openws UI assets are not built: run `node src/ui/build.mjs` (npm run build does)',
      })
    }
    return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': ASSETS[name]! }, body: assets.get(name)! }
  }
}

function json(status: number, body: object): UiResponse {
  return { status, headers: { ...SECURITY_HEADERS, 'content-type': 'application/json' }, body: JSON.stringify(body) }
}

/** `{path}/ui` for a mount path ('/' mounts at '/ui'). */
export function uiPathOf(path: string): string {
  return path === '/' ? '/ui' : `${path}/ui`
}
