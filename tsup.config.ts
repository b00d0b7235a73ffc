import { defineConfig } from 'tsup'

// One entry per public import path (see DESIGN.md, "Public API").
export const entries = {
  index: 'src/runtime/entries/index.ts',
  schema: 'src/runtime/entries/schema.ts',
  decorator: 'src/runtime/entries/decorator.ts',
  fluent: 'src/runtime/entries/fluent.ts',
  spec: 'src/runtime/entries/spec.ts',
  fastify: 'src/runtime/adapters/fastify/index.ts',
  ws: 'src/runtime/adapters/ws/index.ts',
  client: 'src/runtime/adapters/client/index.ts',
  'client/node': 'src/runtime/adapters/client/node.ts',
  redis: 'src/runtime/brokers/redis/index.ts',
  nats: 'src/runtime/brokers/nats/index.ts',
  transformer: 'src/transformer/index.ts',
  vite: 'src/unplugin/vite.ts',
  esbuild: 'src/unplugin/esbuild.ts',
  rollup: 'src/unplugin/rollup.ts',
  webpack: 'src/unplugin/webpack.ts',
  rspack: 'src/unplugin/rspack.ts',
}

export default defineConfig([
  {
    entry: entries,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    // No source maps: they doubled the install (1.9 of 3.1 MB, sources embedded); dist is readable ESM/CJS.
    sourcemap: false,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    // The `openws` executable (package.json "bin"): ESM only, one file, a shebang. Not in `entries`,
    // which also feeds vitest's import aliases.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    clean: false,
    dts: false,
    sourcemap: false,
    splitting: false,
  },
])
