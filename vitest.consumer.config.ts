import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { entries } from './tsup.config'

// The expected transcripts come from the sources, interpreted, in this process: `openws…` imports
// of the fixtures resolve to src/ (as in vitest.config.ts); the consumer projects use the tarball.
const alias = Object.entries(entries).map(([name, file]) => ({
  find: new RegExp(`^openws${name === 'index' ? '' : `/${name}`}$`),
  replacement: resolve(import.meta.dirname, file),
}))

// The consumer suite (test/consumer): the packed tarball installed into fresh projects, as users
// install it. `npm run test:consumer` builds first; .ci/run runs it after `npm test`.
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
