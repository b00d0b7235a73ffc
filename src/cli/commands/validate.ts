// openws validate <spec.json|module>: checks a document against the OpenWS document schema.
import type { Io } from '../io'
import { loadDocument } from '../load'

export const VALIDATE_HELP = `Usage: openws validate <spec.json|module> [--export <name>]

Checks an OpenWS document (validate(doc) from openws/spec). Exit code 0 when valid, 1 with every
issue listed otherwise.
`

export async function validateCommand(io: Io, input: string, options: { export?: string }): Promise<number> {
  const doc = await loadDocument(io.cwd, input, { exportName: options.export })
  const networks = Object.keys(doc.networks)
  io.stdout(
    `${input}: valid OpenWS ${doc.openws} document (${networks.length} network${networks.length === 1 ? '' : 's'}: ${networks.join(', ')})\n`,
  )
  return 0
}
