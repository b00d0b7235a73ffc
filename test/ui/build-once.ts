// Builds the UI assets into src/ui/.build (where the adapters look in the source tree) once per
// test process. The build writes each file atomically, so parallel test files may race safely.
// @ts-expect-error: a plain .mjs build script, without declarations
import { buildUi } from '../../src/ui/build.mjs'

export interface UiBuild {
  outDir: string
  sizes: Record<string, { min: number; gzip: number }>
}

let built: Promise<UiBuild> | undefined

export function ensureUiBuilt(): Promise<UiBuild> {
  built ??= buildUi()
  return built
}
