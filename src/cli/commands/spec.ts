// openws spec <module> [--export name] [-o file]: the module's network as an OpenWS document.
import type { Io } from '../io'
import { output } from '../io'
import { loadDocument } from '../load'

export const SPEC_HELP = `Usage: openws spec <module|spec.json> [--export <name>] [-o <file>]

Prints the OpenWS document of a module's network (what the adapters serve at {path}/spec.json).
The module exports bindings(...), a network(...) builder, a spec(...) builder, a network IR or a
document; with several, --export picks one. TypeScript modules load through tsx when it is
installed, or run the CLI under it: npx tsx node_modules/.bin/openws spec roles.ts
`

export async function specCommand(io: Io, input: string, options: { export?: string; out?: string }): Promise<number> {
  const doc = await loadDocument(io.cwd, input, { exportName: options.export })
  output(io, `${JSON.stringify(doc, null, 2)}\n`, options.out)
  return 0
}
