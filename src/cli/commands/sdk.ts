// openws sdk --lang ts|python <spec.json|module> -o dir: a client SDK from a spec alone.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generateSdk, SDK_LANGUAGES, type SdkLanguage } from '../../sdk/index'
import { CliError, usageError } from '../errors'
import type { Io } from '../io'
import { loadDocument } from '../load'

export const SDK_HELP = `Usage: openws sdk --lang ts|python <spec.json|module> -o <dir> [--network <name>] [--role <name>]

Generates a client SDK for one connecting role from the OpenWS document alone (no server code):
typed sends, handlers for the messages the server sends, payload validation, $error frames as
errors. --lang ts writes <network>.ts (uses openws/client); --lang python writes <network>.py
(asyncio + the websockets library). --role picks the client role when several can connect.
`

export async function sdkCommand(
  io: Io,
  input: string,
  options: { export?: string; out?: string; lang?: string; network?: string; role?: string },
): Promise<number> {
  if (options.lang === undefined) throw usageError(`sdk needs --lang (${SDK_LANGUAGES.join(' or ')})`)
  if (!(SDK_LANGUAGES as readonly string[]).includes(options.lang))
    throw usageError(`sdk: unknown --lang "${options.lang}" (${SDK_LANGUAGES.join(' or ')})`)
  if (options.out === undefined) throw usageError('sdk needs -o <dir>')
  const doc = await loadDocument(io.cwd, input, { exportName: options.export })
  let files: Record<string, string>
  try {
    files = generateSdk(doc, { lang: options.lang as SdkLanguage, network: options.network, role: options.role })
  } catch (error) {
    throw new CliError(`${input}: ${(error as Error).message}`)
  }
  const dir = resolve(io.cwd, options.out)
  for (const [name, text] of Object.entries(files)) {
    const file = join(dir, name)
    try {
      mkdirSync(dir, { recursive: true })
      writeFileSync(file, text)
    } catch (error) {
      throw new CliError(`cannot write ${file}: ${(error as Error).message}`)
    }
    io.stderr(`wrote ${file}\n`)
  }
  return 0
}
