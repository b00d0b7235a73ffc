// Starts a benchmark server script in its own process (so its CPU time is its own) and waits for
// the "PORT <n>" line it prints once listening.
import { spawn, type ChildProcess } from 'node:child_process'

/** Runs `script ...args` under tsx with an IPC channel; resolves with the child and its port. `nodeArgs`: e.g. `--cpu-prof`. */
export function startServerChild(
  script: string,
  args: readonly string[],
  label: string,
  nodeArgs: readonly string[] = [],
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    })
    let out = ''
    const timer = setTimeout(() => reject(new Error(`${label} server did not start`)), 30_000)
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /PORT (\d+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve({ child, port: Number(match[1]) })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${label} server exited with ${code}`))
    })
  })
}
