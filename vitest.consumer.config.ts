import { defineConfig } from 'vitest/config'
import { alias } from './vitest.config'

// The expected transcripts come from the sources, interpreted, in this process: `openws…` imports
// of the fixtures resolve to src/ (the aliases of vitest.config.ts); the consumer projects use the
// tarball.
export default defineConfig({
  resolve: { alias },
  test: {
    include: ['test/consumer/**/*.test.ts'],
    globalSetup: ['test/consumer/pack.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // npm installs and builds: one project at a time on a 2-core machine.
    fileParallelism: false,
  },
})
