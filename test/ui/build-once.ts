// Builds the UI assets into src/ui/.build (where the adapters look in the source tree) once per
// test process. The build writes each file atomically, so parallel test files may race safely.
import { buildUi, type UiBuild } from '../../src/ui/build.mjs'

let built: Promise<UiBuild> | undefined

export function ensureUiBuilt(): Promise<UiBuild> {
  return (built ??= buildUi())
}
