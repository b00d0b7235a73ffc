// Typed mode's optional peers, loaded on first need and never at import time: the project's own
// `typescript` (5.9/6.x: TypeScript 7 has no JS compiler API) and `@typia/core`. Syntax mode
// never reaches this file's loaders, so the build entries work without either installed.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type ts from 'typescript'
import type * as TypiaCore from '@typia/core'

export type TypeScriptModule = typeof ts

/** Typed mode cannot run: a peer is missing or is the wrong major. One code, a message saying what to install. */
export class TypedModeUnavailable extends Error {
  readonly code = 'OPENWS_ERR_TYPED_MODE_UNAVAILABLE'
  constructor(message: string) {
    // Bundlers print only the message: it names the code too.
    super(`OPENWS_ERR_TYPED_MODE_UNAVAILABLE: ${message}`)
    this.name = 'TypedModeUnavailable'
  }
}

/** This module's own file: tsup builds ESM (import.meta.url) and CJS (__filename) from one source. */
function selfFile(): string | undefined {
  if (typeof __filename === 'string' && __filename) return __filename
  const url = (import.meta as { url?: string }).url
  return url ? fileURLToPath(url) : undefined
}

function requireFrom(dir: string): NodeRequire {
  return createRequire(join(dir, '__openws_resolve__.js'))
}

/** Resolves `name` from the first directory that has it. */
function resolveFrom(name: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    try {
      return requireFrom(dir).resolve(name)
    } catch {
      // not installed there
    }
  }
  return undefined
}

const SUPPORTED = /^(?:5\.(?:9|\d{2,})|6)\./

/**
 * The `typescript` the project itself installs (resolved from `projectDir`, not from openws),
 * checked to be 5.9 or 6.x. Throws `OPENWS_ERR_TYPED_MODE_UNAVAILABLE` otherwise.
 */
export function loadTypeScript(projectDir: string | readonly string[]): TypeScriptModule {
  const dirs = typeof projectDir === 'string' ? [projectDir] : projectDir
  const how =
    'install it with `npm i -D typescript@6` (for a TypeScript 7 project: instead of 7, or give every payload explicitly and stay in syntax mode)'
  const path = resolveFrom('typescript', dirs)
  if (!path)
    throw new TypedModeUnavailable(
      `openws typed mode needs the compiler API of TypeScript 5.9 or 6.x, and "typescript" cannot be found from ${dirs.join(', ')}: ${how}`,
    )
  let mod: TypeScriptModule & { default?: TypeScriptModule }
  try {
    mod = createRequire(path)(path) as typeof mod
  } catch {
    throw new TypedModeUnavailable(
      `openws typed mode needs the compiler API of TypeScript 5.9 or 6.x; the project's typescript (${path}) has no loadable JS API: ${how}`,
    )
  }
  const tsm = typeof mod.createProgram === 'function' ? mod : mod.default
  if (!tsm || typeof tsm.createProgram !== 'function' || !SUPPORTED.test(tsm.version)) {
    throw new TypedModeUnavailable(
      `openws typed mode needs the compiler API of TypeScript 5.9 or 6.x; the project has typescript ${tsm?.version ?? mod.version ?? '(without a JS API)'}: ${how}`,
    )
  }
  return tsm
}

export interface Typia {
  core: typeof TypiaCore
  /** The `typescript` typia itself imports (its type flags must be the checker's). */
  ts: TypeScriptModule
}

/** `@typia/core` from the project (else from beside openws). Throws `OPENWS_ERR_TYPED_MODE_UNAVAILABLE` when missing. */
export function loadTypia(projectDir: string): Typia {
  const self = selfFile()
  const path = resolveFrom('@typia/core', self ? [projectDir, join(self, '..')] : [projectDir])
  if (!path) {
    throw new TypedModeUnavailable(
      'openws typed mode reads payload types through typia, and "@typia/core" is not installed: `npm i -D typia` (it brings @typia/core), or give every message an explicit "payload"',
    )
  }
  const req = createRequire(path)
  return { core: req(path) as typeof TypiaCore, ts: req('typescript') as TypeScriptModule }
}
