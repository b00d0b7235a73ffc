import { defineConfig } from 'vitest/config'

// The consumer suite (test/consumer): the packed tarball installed into fresh projects, as users
// install it. `npm run test:consumer` builds first; .ci/run runs it after `npm test`.
export default defineConfig({
  test: {
    include: ['test/consumer/**/*.test.ts'],
    globalSetup: ['test/consumer/pack.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // npm installs and builds: one project at a time on a 2-core machine.
    fileParallelism: false,
  },
})
