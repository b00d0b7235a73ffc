// After 1,000 connect/disconnect cycles every server-side peer is collectable and the heap is back
// near its baseline. Runs in a child `node --expose-gc` (through tsx) so gc() is real.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ADAPTERS } from '../helpers/servers'

const run = promisify(execFile)
const script = fileURLToPath(new URL('./fixtures/memory-cycles.ts', import.meta.url))

describe.each(ADAPTERS)('%s adapter memory', (kind) => {
  it('returns to baseline after 1,000 connect/disconnect cycles', async () => {
    const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', script, kind, '1000'], { timeout: 120_000 })
    const result = JSON.parse(stdout.trim().split('\n').pop()!)
    expect(result.tracked).toBe(1000)
    expect(result.alive).toBe(0)
    expect(result.connections).toBe(0)
    expect(result.users).toBe(0)
    // A leak of even 2 KB per connection would show as 2 MB here.
    expect(result.heapAfter - result.heapBefore).toBeLessThan(2 * 1024 * 1024)
    console.log(
      `${kind}: heap ${(result.heapBefore / 1e6).toFixed(2)} MB -> ${(result.heapAfter / 1e6).toFixed(2)} MB after ${result.cycles} cycles`,
    )
  }, 150_000)
})
