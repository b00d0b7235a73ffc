// The `openws` executable (built to dist/cli.js with a `#!/usr/bin/env node` banner).
import { processIo } from './io'
import { run } from './run'

void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code
})
