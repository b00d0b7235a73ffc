// openws asyncapi <module|spec.json> [--network name] [-o file]: the AsyncAPI 3.1.0 document.
import { toAsyncApi } from '../../runtime/spec/asyncapi'
import { CliError } from '../errors'
import type { Io } from '../io'
import { output } from '../io'
import { loadDocument } from '../load'

export const ASYNCAPI_HELP = `Usage: openws asyncapi <module|spec.json> [--network <name>] [--export <name>] [-o <file>]

Prints the AsyncAPI 3.1.0 document of a network: one channel per connecting role, the wire
envelope of every message, $error frames.
`

export async function asyncapiCommand(
  io: Io,
  input: string,
  options: { export?: string; network?: string; out?: string },
): Promise<number> {
  const doc = await loadDocument(io.cwd, input, { exportName: options.export })
  let api: unknown
  try {
    api = toAsyncApi(doc, { network: options.network })
  } catch (error) {
    throw new CliError(`${input}: ${(error as Error).message}`)
  }
  output(io, `${JSON.stringify(api, null, 2)}\n`, options.out)
  return 0
}
