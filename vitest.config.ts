import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { entries } from './tsup.config'

/**
 * `openws…` imports (the demo, examples) resolve to the sources, so `npm test` needs no build;
 * one alias per published subpath, from the same table tsup builds dist/ from.
 */
export const alias = Object.entries(entries).map(([name, file]) => ({
  find: new RegExp(`^openws${name === 'index' ? '' : `/${name}`}$`),
  replacement: resolve(import.meta.dirname, file),
}))

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['test/**/*.test.ts'],
    // The consumer suite installs the packed tarball: `npm run test:consumer` (its own config).
    exclude: ['test/consumer/**', 'node_modules/**'],
    // The checker is pinned: the TS 6 devDependency (`typescript6`, for the transformer's TS 6 test)
    // also installs a `tsc` bin, and which one `node_modules/.bin/tsc` links to is not ours to choose.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
      checker: './node_modules/typescript/bin/tsc',
    },
    testTimeout: 30_000,
    pool: 'forks',
  },
})
