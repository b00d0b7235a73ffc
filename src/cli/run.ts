// The `openws` command line: parses arguments (node:util parseArgs), runs one command, returns
// the exit code (0 ok, 1 failure or breaking changes, 2 usage error). Never calls process.exit,
// so tests run it in-process.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ASYNCAPI_HELP, asyncapiCommand } from './commands/asyncapi'
import { DIFF_HELP, diffCommand } from './commands/diff'
import { SDK_HELP, sdkCommand } from './commands/sdk'
import { SPEC_HELP, specCommand } from './commands/spec'
import { VALIDATE_HELP, validateCommand } from './commands/validate'
import { CliError, usageError } from './errors'
import type { Io } from './io'
import { packageVersion } from './version'

export const HELP = `Usage: openws <command> [options]

Commands:
  spec <module>                      print the OpenWS document of a module's network
  asyncapi <module|spec.json>        print its AsyncAPI 3.1.0 document
  validate <spec.json|module>        check an OpenWS document
  diff <old.json> <new.json>         report breaking changes (exit code 1 when any)
  sdk --lang ts|python <input> -o <dir>   generate a client SDK from a spec alone

Options:
  -h, --help       show help (also: openws <command> --help)
  -v, --version    print the version

Exit codes: 0 ok, 1 failure (or breaking changes for diff), 2 usage error.
`

type Options = NonNullable<ParseArgsConfig['options']>
const common: Options = { help: { type: 'boolean', short: 'h' } }
const out: Options = { out: { type: 'string', short: 'o' } }
const exp: Options = { export: { type: 'string' } }

interface Command {
  help: string
  options: Options
  positionals: number
  run(io: Io, args: string[], values: Record<string, string | boolean | undefined>): Promise<number>
}

/** Positional `i`; dispatch checked how many were given, so a missing one is a usage error. */
function positional(args: string[], i: number): string {
  const value = args[i]
  if (value === undefined) throw usageError(`missing input ${i + 1}`)
  return value
}

const COMMANDS: Record<string, Command> = {
  spec: {
    help: SPEC_HELP,
    options: { ...exp, ...out },
    positionals: 1,
    run: (io, args, v) => specCommand(io, positional(args, 0), v as { export?: string; out?: string }),
  },
  asyncapi: {
    help: ASYNCAPI_HELP,
    options: { ...exp, ...out, network: { type: 'string' } },
    positionals: 1,
    run: (io, args, v) => asyncapiCommand(io, positional(args, 0), v as { export?: string; out?: string; network?: string }),
  },
  validate: {
    help: VALIDATE_HELP,
    options: { ...exp },
    positionals: 1,
    run: (io, args, v) => validateCommand(io, positional(args, 0), v as { export?: string }),
  },
  diff: {
    help: DIFF_HELP,
    options: { json: { type: 'boolean' } },
    positionals: 2,
    run: (io, args, v) => diffCommand(io, positional(args, 0), positional(args, 1), v as { json?: boolean }),
  },
  sdk: {
    help: SDK_HELP,
    options: { ...exp, ...out, lang: { type: 'string', short: 'l' }, network: { type: 'string' }, role: { type: 'string' } },
    positionals: 1,
    run: (io, args, v) =>
      sdkCommand(io, positional(args, 0), v as { export?: string; out?: string; lang?: string; network?: string; role?: string }),
  },
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`openws: ${error.message}\n`)
      if (error.exitCode === 2) io.stderr(`Run "openws --help" for usage.\n`)
      return error.exitCode
    }
    io.stderr(`openws: ${(error as Error)?.stack ?? String(error)}\n`)
    return 1
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined
    io.stdout((topic !== undefined && Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic]?.help : undefined) ?? HELP)
    return first === undefined ? 2 : 0
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${packageVersion()}\n`)
    return 0
  }
  if (first.startsWith('-')) throw usageError(`unknown option ${first}`)
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined
  if (command === undefined) throw usageError(`unknown command "${first}" (commands: ${Object.keys(COMMANDS).join(', ')})`)
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] }
  try {
    parsed = parseArgs({ args: rest, options: { ...common, ...command.options }, allowPositionals: true, strict: true }) as typeof parsed
  } catch (error) {
    throw usageError(`${first}: ${(error as Error).message}`)
  }
  if (parsed.values.help === true) {
    io.stdout(command.help)
    return 0
  }
  if (parsed.positionals.length !== command.positionals) {
    const want = command.positionals === 1 ? 'one input' : `${command.positionals} inputs`
    throw usageError(
      `${first} takes ${want}, got ${parsed.positionals.length}${parsed.positionals.length ? `: ${parsed.positionals.join(' ')}` : ''}\n\n${command.help}`,
    )
  }
  return command.run(io, parsed.positionals, parsed.values)
}
