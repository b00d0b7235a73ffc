// Where a command reads and writes: the process in main.ts, buffers in tests.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { CliError } from './errors'

export interface Io {
  cwd: string
  stdout(text: string): void
  stderr(text: string): void
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  }
}

/** Writes `text` to `-o file` (creating its folder) or to stdout. */
export function output(io: Io, text: string, out: string | undefined): void {
  if (out === undefined || out === '-') {
    io.stdout(text)
    return
  }
  const file = resolve(io.cwd, out)
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text)
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${(error as Error).message}`)
  }
  io.stderr(`wrote ${file}\n`)
}
