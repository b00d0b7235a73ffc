import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The checker is pinned: the TS 6 devDependency (`typescript6`, for the transformer's TS 6 test)
    // also installs a `tsc` bin, and which one `node_modules/.bin/tsc` links to is not ours to choose.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json', checker: './node_modules/typescript/bin/tsc' },
    testTimeout: 30_000,
    pool: 'forks',
  },
})
